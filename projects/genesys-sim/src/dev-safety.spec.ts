/**
 * Safe dev defaults of the simulator (issue 13 §3): the `/__sim/` control API only with
 * `--control-api`, no dev defaults on the network without the override, and only its own names
 * in `Host`.
 */
import type { FastifyInstance } from 'fastify';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { IdentityProviderPort } from 'ngx-genesys-messenger-auth/testing';

import { configErrorOf } from '../../node-kit/testing/config-error-of';
import { rawGet } from '../../node-kit/testing/raw-get';
import { Es256Signer } from './es256-signer';
import { devDefaultsInForce, parseSimConfig } from './sim-config';
import { createSimServer } from './sim-server';
import { listenForSpecs, type SimCall } from './sim-server.spec-helpers';

const ROOT = resolve(__dirname, '../../..');
const noFile = () => '';
/** These specs never exchange a code. */
const unusedIdp: IdentityProviderPort = {
  exchangeCode: () => Promise.reject(new Error('not used')),
  refresh: () => Promise.reject(new Error('not used')),
};

async function startSim(
  flags: string[],
): Promise<{ app: FastifyInstance; call: SimCall; port: number }> {
  const { app } = await createSimServer({
    config: parseSimConfig(['--public-url', 'http://sim.example.test:8500', ...flags], {}, noFile),
    idp: unusedIdp,
    signer: await Es256Signer.create(),
    bundle: '',
    log: () => undefined,
  });
  const { base, call } = await listenForSpecs(app);
  return { app, call, port: Number(new URL(base).port) };
}

describe('the /__sim/ control API', () => {
  const apps: FastifyInstance[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('is off by default: its paths answer 404 like any unknown route', async () => {
    const { app, call } = await startSim([]);
    apps.push(app);
    for (const [method, path] of [
      ['GET', '/__sim/stats'],
      ['POST', '/__sim/reset'],
    ]) {
      const answer = await call(method, path, method === 'POST' ? {} : undefined);
      expect([answer.status, answer.body.code]).toEqual([404, 'not.found']);
    }
  });

  it('is served with --control-api', async () => {
    const { app, call } = await startSim(['--control-api']);
    apps.push(app);
    expect((await call('GET', '/__sim/stats')).status).toBe(200);
    expect((await call('POST', '/__sim/reset', {})).status).toBe(200);
  });
});

describe('the simulator on a non-loopback address', () => {
  it('lists the default client secret and the control API with their fixes', () => {
    const config = parseSimConfig(['--control-api'], {}, noFile);
    expect(devDefaultsInForce(config).map((d) => d.fix)).toEqual([
      'pass --client-secret <secret>',
      'leave out --control-api',
    ]);
  });

  it('refuses --host 0.0.0.0 with dev defaults and allows it with the override', () => {
    const error = configErrorOf(() => parseSimConfig(['--host', '0.0.0.0'], {}, noFile));
    expect(error.code).toBe('dev-defaults-on-network');
    const allowed = ['--host', '0.0.0.0', '--allow-dev-defaults-on-network'];
    expect(parseSimConfig(allowed, {}, noFile).allowDevDefaultsOnNetwork).toBe(true);
  });

  it('listens on the network once no dev default is in force', () => {
    const config = parseSimConfig(['--host', '10.1.2.3', '--client-secret', 's3cr3t'], {}, noFile);
    expect(config.host).toBe('10.1.2.3');
  });

  it('exits 2 with one line, before building anything or binding', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'projects/genesys-sim/src/main.ts', '--host', '0.0.0.0', '--control-api'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, GENESYS_SIM_HOST: '' },
      },
    );
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(
      'genesys-sim: --host 0.0.0.0 is not a loopback address and dev defaults are in force: ' +
        "the dev IdP's public genesys-messenger client secret (pass --client-secret <secret>); " +
        'the unauthenticated /__sim/ control API (leave out --control-api). Bind 127.0.0.1, ' +
        'replace them, or pass --allow-dev-defaults-on-network if only you can reach this network\n',
    );
  });
});

describe('the simulator Host check', () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    ({ app, port } = await startSim(['--allowed-hosts', 'genesys.example.test']));
  });
  afterAll(() => app?.close());

  it('serves its public URL host, the loopback names and --allowed-hosts', async () => {
    for (const host of ['sim.example.test:8500', `localhost:${port}`, 'genesys.example.test']) {
      expect((await rawGet(port, '/.well-known/jwks.json', host)).status).toBe(200);
    }
  });

  it('refuses a rebound name with 421 and a Platform body', async () => {
    const answer = await rawGet(port, '/.well-known/jwks.json', `evil.example:${port}`);
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'misdirected.request', status: 421 });
  });

  it('refuses an HTTP/1.0 request without Host with 400', async () => {
    const answer = await rawGet(port, '/.well-known/jwks.json', undefined);
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([400, 'bad.request']);
  });
});
