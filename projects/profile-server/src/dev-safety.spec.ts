/**
 * Safe dev defaults of the profile server (issue 13 §3): it does not trust the dev IdP's tokens on
 * the network without the override, and answers only to its own names in `Host`.
 */
import { findFreePort, isListening } from '../../dev-idp/testing';
import { configErrorOf } from '../../node-kit/testing/config-error-of';
import { rawGet } from '../../node-kit/testing/raw-get';
import { runServer, waitForOutput, type ServerProcess } from '../testing/server-process';
import { devDefaultsInForce, hostNamesOf, parseServerConfig } from './server-config';

const PLACES = { cwd: '/tmp', workspaceRoot: '/work/ws' };
const parse = (argv: string[]) => parseServerConfig(argv, {}, PLACES);

describe('the profile server on a non-loopback address', () => {
  it('counts the dev IdP as issuer as a dev default, and another IdP not', () => {
    expect(devDefaultsInForce(parse([])).map((d) => d.fix)).toEqual(['pass --issuer <your IdP>']);
    expect(devDefaultsInForce(parse(['--issuer', 'https://idp.example.com']))).toEqual([]);
  });

  it.each([
    'http://localhost:4400/',
    'http://127.0.0.1:4400',
    'http://[::1]:4400',
    'http://LOCALHOST:4400',
    'http://localhost.:4400',
    'http://127.1:4400',
    'https://localhost:4400',
    'http://localhost:4400/realms/dev',
    'http://app.localhost:4400',
  ])('counts the dev IdP spelt %s as a dev default, and refuses it on 0.0.0.0', (issuer) => {
    expect(devDefaultsInForce(parse(['--issuer', issuer])).map((d) => d.fix)).toEqual([
      'pass --issuer <your IdP>',
    ]);
    expect(configErrorOf(() => parse(['--host', '0.0.0.0', '--issuer', issuer])).code).toBe(
      'dev-defaults-on-network',
    );
  });

  it.each(['http://localhost:4401', 'http://10.0.0.1:4400', 'https://idp.example.com:4400'])(
    'does not count %s, which is not the dev IdP on this machine',
    (issuer) => expect(devDefaultsInForce(parse(['--issuer', issuer]))).toEqual([]),
  );

  it('refuses --host 0.0.0.0 while it trusts the dev IdP, unless given the override', () => {
    expect(configErrorOf(() => parse(['--host', '0.0.0.0'])).code).toBe('dev-defaults-on-network');
    expect(parse(['--host', '0.0.0.0', '--allow-dev-defaults-on-network']).host).toBe('0.0.0.0');
    expect(parse(['--host', '0.0.0.0', '--issuer', 'https://idp.example.com']).host).toBe(
      '0.0.0.0',
    );
  });

  it('exits 2 with one line before opening the database or binding', async () => {
    const port = await findFreePort();
    const server = runServer(['--host', '0.0.0.0', '--port', String(port), '--db', ':memory:']);
    try {
      expect(await server.exited).toEqual({ code: 2, signal: null });
      expect(server.stdout()).toBe('');
      expect(server.stderr()).toBe(
        'profile-server: --host 0.0.0.0 is not a loopback address and dev defaults are in force: ' +
          "admin tokens of the dev IdP, whose admins' passwords are public (pass --issuer <your " +
          'IdP>). Bind 127.0.0.1, replace them, or pass --allow-dev-defaults-on-network if only ' +
          'you can reach this network\n',
      );
      expect(await isListening(port)).toBe(false);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});

describe('the profile server Host check', () => {
  let server: ServerProcess;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    server = runServer([
      ...['--port', String(port), '--db', ':memory:'],
      ...['--allowed-hosts', 'profiles.test'],
    ]);
    await waitForOutput(server, /profile-server: ready/);
  });
  afterAll(() => server?.child.kill('SIGKILL'));

  it("answers to --audience's host, the loopback names and --allowed-hosts", async () => {
    expect(hostNamesOf(parse([]))).toEqual(['localhost:4600']);
    for (const host of [`localhost:${port}`, `[::1]:${port}`, 'profiles.test', 'localhost:4600']) {
      expect((await rawGet(port, '/health', host)).status).toBe(200);
    }
  });

  it('refuses a rebound name with 421 in its error shape', async () => {
    const answer = await rawGet(port, '/profiles/demo/published', `evil.example:${port}`);
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'misdirected-request' });
  });

  it('refuses an HTTP/1.0 request without Host with 400', async () => {
    const answer = await rawGet(port, '/health', undefined);
    expect([answer.status, JSON.parse(answer.body).error]).toEqual([400, 'bad-request']);
  });
});
