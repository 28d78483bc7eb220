/**
 * Entry point: `node --import tsx projects/profile-server/src/main.ts [flags]` (or
 * `npm run profile-server`). Validates the configuration, opens and migrates the database, seeds
 * it, binds, then says it is ready. SIGINT/SIGTERM: stop accepting, finish requests, close the DB
 * (SQLite file or PostgreSQL pool).
 */
import { fileURLToPath } from 'node:url';

import { ConfigError, listenError } from '../../node-kit/src/config-error';
import { createHostCheck } from '../../node-kit/src/host-check';
import { createAuthenticator } from './auth';
import { DatabaseError } from './database';
import { openStore } from './open-store';
import { createProfileServer } from './profile-server';
import { profileRules } from './profile-rules';
import { seedDemoProfile } from './seed';
import { hostNamesOf, parseServerConfig, readyLine, shownDb, usage } from './server-config';

/** Time allowed for open requests to finish after SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

const log = (line: string) => process.stdout.write(`profile-server: ${line}\n`);

async function main(): Promise<void> {
  const config = parseServerConfig(process.argv.slice(2), process.env, {
    cwd: process.cwd(),
    workspaceRoot: fileURLToPath(new URL('../../..', import.meta.url)),
  });
  if (config.help) {
    process.stdout.write(usage());
    return;
  }
  const { store, engine, applied } = await openStore(config.db, { log });
  if (applied.length) log(`migrated ${shownDb(config.db)} to schema version ${applied.at(-1)}`);
  const rules = profileRules({ environmentOrigins: config.allowedEnvironmentOrigins });
  const seeded = config.seed ? await seedDemoProfile(store, rules) : 'not-empty';
  if (seeded === 'seeded') log('seeded profile "demo" (published as version 1)');
  if (seeded === 'environment-not-allowed') {
    log('not seeding "demo": its environment is not in --allowed-environment-origins');
  }

  const auth = createAuthenticator({
    issuer: config.issuer,
    audience: config.audience,
    clientId: config.clientId,
    onIdpFailure: (detail) => log(`identity provider unavailable: ${detail}`),
  });
  const app = await createProfileServer({
    store,
    auth,
    rules,
    rateLimits: {
      adminPerMinute: config.adminRateLimit,
      portalPerMinute: config.portalRateLimit,
    },
    adminOrigins: config.adminOrigins,
    log,
    hostCheck: createHostCheck(hostNamesOf(config)),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await engine.close();
    throw listenError((error as NodeJS.ErrnoException).code, config.host, config.port);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    setTimeout(() => {
      log('requests still open after the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void app
      .close()
      // SQLite checkpoints its WAL into the file; PostgreSQL's pool ends its connections.
      .then(() => engine.close())
      .then(() => {
        log('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log(`stop failed: ${String(error)}`);
        process.exit(1);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${readyLine(config, config.port)}\n`);
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof DatabaseError;
  const message = expected ? error.message : `failed to start: ${String(error)}`;
  process.stderr.write(`profile-server: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
