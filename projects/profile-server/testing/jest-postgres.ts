/**
 * jest globalSetup/globalTeardown of the `profile-server (postgres)` project: one cluster for the
 * run, its URL handed to the workers in `PROFILE_PG_URL`.
 */
import { startPostgresCluster, type PostgresCluster } from './postgres';

const KEY = Symbol.for('profile-server.postgres-cluster');
interface Holder {
  [KEY]?: PostgresCluster;
}

/** Starts the cluster. */
export default async function setup(): Promise<void> {
  const cluster = await startPostgresCluster();
  (globalThis as Holder)[KEY] = cluster;
  process.env['PROFILE_PG_URL'] = cluster.url;
}

/** Stops the cluster. */
export function teardown(): void {
  (globalThis as Holder)[KEY]?.stop();
}
