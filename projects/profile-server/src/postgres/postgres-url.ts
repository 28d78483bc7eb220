/** Telling a PostgreSQL `--db` from a SQLite path, and showing it without its password. */

/** Whether `--db` names a PostgreSQL database (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * The URL as it may be logged: the password replaced, the query (which may carry one) dropped.
 * @param url a PostgreSQL connection URL
 * @returns the URL without secrets, or a placeholder when it does not parse
 */
export function redactPostgresUrl(url: string): string {
  if (!URL.canParse(url)) return 'postgres://(unparsable URL)';
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  parsed.search = '';
  return parsed.toString();
}
