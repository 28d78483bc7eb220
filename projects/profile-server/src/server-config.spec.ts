import { parseServerConfig, readyLine, usage } from './server-config';
import { configErrorOf } from '../../node-kit/testing/config-error-of';

const PLACES = { cwd: '/home/me/elsewhere', workspaceRoot: '/work/ws' };

describe('parseServerConfig', () => {
  it('uses the defaults when nothing is given, the database in the workspace root', () => {
    expect(parseServerConfig([], {}, PLACES)).toEqual({
      port: 4600,
      host: '127.0.0.1',
      db: '/work/ws/.data/profiles.sqlite',
      issuer: 'http://localhost:4400',
      audience: 'http://localhost:4600',
      clientId: 'admin',
      adminOrigins: ['http://localhost:4300'],
      allowedEnvironmentOrigins: [],
      adminRateLimit: 600,
      portalRateLimit: 1200,
      seed: true,
      allowedHosts: [],
      allowDevDefaultsOnNetwork: false,
      help: false,
    });
  });

  it('takes a relative --db from the current directory, an absolute one and :memory: as given', () => {
    expect(parseServerConfig(['--db', 'p.sqlite'], {}, PLACES).db).toBe(
      '/home/me/elsewhere/p.sqlite',
    );
    expect(parseServerConfig(['--db=/tmp/p.sqlite'], {}, PLACES).db).toBe('/tmp/p.sqlite');
    expect(parseServerConfig(['--db', ':memory:'], {}, PLACES).db).toBe(':memory:');
  });

  it('keeps a PostgreSQL URL as given and refuses one that does not parse, without echoing it', () => {
    for (const url of ['postgres://ada@db.internal:5432/profiles', 'postgresql://ada@h/p']) {
      expect(parseServerConfig(['--db', url], {}, PLACES).db).toBe(url);
    }
    const bad = () => parseServerConfig(['--db', 'postgres://ada:pw-9f@[bad/profiles'], {}, PLACES);
    expect(bad).toThrow('--db looks like a PostgreSQL URL but does not parse');
    expect(bad).not.toThrow(/pw-9f/);
  });

  it('keeps an issuer with a path exactly as given', () => {
    const issuer = 'https://sso.example.com/realms/portal';
    expect(parseServerConfig(['--issuer', issuer], {}, PLACES).issuer).toBe(issuer);
  });

  it('reads environment variables, flags winning', () => {
    const config = parseServerConfig(
      ['--port', '4610'],
      {
        PROFILE_SERVER_PORT: '4620',
        PROFILE_SERVER_SEED: 'off',
        PROFILE_SERVER_ADMIN_ORIGINS: 'http://localhost:4300, https://admin.example.com/',
      },
      PLACES,
    );
    expect([config.port, config.seed, config.adminOrigins]).toEqual([
      4610,
      false,
      ['http://localhost:4300', 'https://admin.example.com'],
    ]);
  });

  it.each([
    [['--port', '0'], 'bad-port', '--port must be a whole number from 1 to 65535'],
    [['--issuer', 'ftp://localhost:4400'], 'bad-url', '--issuer must be an http(s) URL'],
    [['--issuer', 'http://localhost:4400/?x=1'], 'bad-url', '--issuer must be an http(s) URL'],
    [['--seed', 'yes'], 'bad-choice', '--seed must be one of on, off'],
    [['--admin-origins', 'localhost:4300'], 'bad-origin', '--admin-origins must be'],
    [['--database', 'x'], 'unknown-flag', 'unknown flag --database'],
  ])('refuses %j with one %s line', (argv, code, message) => {
    const error = configErrorOf(() => parseServerConfig(argv, {}, PLACES));
    expect([error.code, error.message.split('\n')]).toEqual([
      code,
      [expect.stringContaining(message)],
    ]);
  });
});

describe('readyLine', () => {
  it('says where it listens, which database and which IdP it trusts', () => {
    const line = readyLine(parseServerConfig([], {}, PLACES), 4600);
    expect(line).toBe(
      'profile-server: ready at http://localhost:4600 (bound 127.0.0.1:4600; ' +
        'db /work/ws/.data/profiles.sqlite; issuer http://localhost:4400, ' +
        'audience http://localhost:4600, client admin; admin origins http://localhost:4300; ' +
        'environment origins none)',
    );
  });
});

describe('readyLine with PostgreSQL', () => {
  it('shows the database URL without its password', () => {
    const db = 'postgres://ada:hunter2@db.internal:5432/profiles?sslmode=require';
    const line = readyLine(parseServerConfig(['--db', db], {}, PLACES), 4600);
    expect(line).toContain('db postgres://ada:***@db.internal:5432/profiles;');
    expect(line).not.toContain('hunter2');
  });
});

describe('usage', () => {
  it('lists every flag with its variable', () => {
    for (const flag of [
      '--port',
      '--host',
      '--db',
      '--issuer',
      '--audience',
      '--client-id',
      '--admin-origins',
      '--seed',
    ]) {
      expect(usage()).toContain(flag);
    }
    expect(usage()).toContain('PROFILE_SERVER_DB');
  });
});
