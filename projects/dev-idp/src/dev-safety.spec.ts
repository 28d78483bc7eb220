/**
 * Safe dev defaults of the dev IdP (issue 13 §3): it refuses to put its test users, default secret
 * and test controls on the network, and answers only to its own names in `Host`.
 */
import { rawGet } from '../../node-kit/testing/raw-get';
import { configErrorOf } from '../../node-kit/testing/config-error-of';
import { findFreePort, isListening, runCli, startDevIdp, type RunningDevIdp } from '../testing';
import { devDefaultsInForce, parseConfig } from './config';

jest.setTimeout(30_000);

describe('dev-idp on a non-loopback address', () => {
  it('lists every dev default in force with its fix', () => {
    const config = parseConfig(['--test-controls', 'on'], {});
    expect(devDefaultsInForce(config).map((d) => d.fix)).toEqual([
      'the dev IdP has no others; use a real IdP off this machine',
      'pass --genesys-client-secret <secret>',
      'leave out --test-controls on',
    ]);
  });

  it('counts the test users as in force even with a secret of its own and no test controls', () => {
    const config = parseConfig(['--genesys-client-secret', 'not-the-default'], {});
    expect(devDefaultsInForce(config)).toHaveLength(1);
  });

  it('refuses --host 0.0.0.0 in the configuration', () => {
    expect(configErrorOf(() => parseConfig(['--host', '0.0.0.0'], {})).code).toBe(
      'dev-defaults-on-network',
    );
  });

  it('lets --allow-dev-defaults-on-network (alone or from the environment) through', () => {
    expect(parseConfig(['--host', '0.0.0.0', '--allow-dev-defaults-on-network'], {}).host).toBe(
      '0.0.0.0',
    );
    const env = { DEV_IDP_HOST: '10.1.2.3', DEV_IDP_ALLOW_DEV_DEFAULTS_ON_NETWORK: 'on' };
    expect(parseConfig([], env).allowDevDefaultsOnNetwork).toBe(true);
  });

  it('exits 2 with one line before binding', async () => {
    const port = await findFreePort();
    const result = await runCli(['--host', '0.0.0.0', '--port', String(port)]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(
      /^dev-idp: --host 0\.0\.0\.0 is not a loopback address and dev defaults are in force: the test users[^\n]+--allow-dev-defaults-on-network[^\n]+\n$/,
    );
    expect(await isListening(port)).toBe(false);
  });
});

describe('dev-idp Host check', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp(['--allowed-hosts', 'idp.example.test']);
  });
  afterAll(() => idp?.stop());

  it('serves its issuer host and the loopback names', async () => {
    for (const host of [`localhost:${idp.port}`, `127.0.0.1:${idp.port}`, 'idp.example.test']) {
      expect((await rawGet(idp.port, '/health', host)).status).toBe(200);
    }
  });

  it('refuses a rebound name with 421 and says what it answers to', async () => {
    const answer = await rawGet(idp.port, '/.well-known/openid-configuration', 'evil.example');
    expect(answer.status).toBe(421);
    expect(answer.body).toContain('"evil.example" is not a name of this server');
  });

  it('refuses an HTTP/1.0 request without Host with 400', async () => {
    const answer = await rawGet(idp.port, '/health', undefined);
    expect([answer.status, answer.body]).toEqual([
      400,
      'the request has no Host header; send one naming this server\n',
    ]);
  });
});
