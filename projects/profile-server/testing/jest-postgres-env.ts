/** setupFiles of the `profile-server (postgres)` project: test servers run on PostgreSQL. */
process.env['PROFILE_DB_ENGINE'] = 'postgres';
