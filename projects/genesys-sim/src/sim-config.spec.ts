import { DEFAULT_DEPLOYMENTS, parseSimConfig } from './sim-config';
import { configErrorOf } from '../../node-kit/testing/config-error-of';

/** A readFile that must not be called. */
const noFile = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};

/** A readFile that serves one file. */
const fileWith =
  (content: string) =>
  (path: string): string => {
    if (path !== 'deployments.json') throw new Error(`ENOENT: no such file, open '${path}'`);
    return content;
  };

const deploymentsError = (content: string) =>
  configErrorOf(() => parseSimConfig(['--deployments', 'deployments.json'], {}, fileWith(content)));

describe('parseSimConfig', () => {
  it('uses the defaults when nothing is given', () => {
    expect(parseSimConfig([], {}, noFile)).toEqual({
      port: 4500,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:4500',
      idpIssuer: 'http://localhost:4400',
      clientId: 'genesys-messenger',
      clientSecret: 'dev-only-genesys-secret',
      clientAuth: 'basic',
      refreshTokenLifetime: 86_400,
      rateLimits: {},
      allowedOrigins: ['http://localhost:4200', 'http://localhost:4300'],
      deployments: DEFAULT_DEPLOYMENTS,
      controlApi: false,
      allowedHosts: [],
      allowDevDefaultsOnNetwork: false,
      help: false,
    });
  });

  it('derives the public URL from the port', () => {
    expect(parseSimConfig(['--port=4510'], {}, noFile).publicUrl).toBe('http://localhost:4510');
  });

  it('reads environment variables, with flags winning', () => {
    const config = parseSimConfig(
      ['--client-auth', 'post'],
      {
        GENESYS_SIM_CLIENT_AUTH: 'basic',
        GENESYS_SIM_ALLOWED_ORIGINS: 'http://a.localhost, http://b.localhost/',
        GENESYS_SIM_REFRESH_TOKEN_LIFETIME: '900',
      },
      noFile,
    );
    expect([config.clientAuth, config.allowedOrigins, config.refreshTokenLifetime]).toEqual([
      'post',
      ['http://a.localhost', 'http://b.localhost'],
      900,
    ]);
  });

  it('names the variable of a refresh-token lifetime out of the Genesys range', () => {
    const error = configErrorOf(() =>
      parseSimConfig([], { GENESYS_SIM_REFRESH_TOKEN_LIFETIME: '899' }, noFile),
    );
    expect([error.code, error.message]).toEqual([
      'bad-duration',
      'GENESYS_SIM_REFRESH_TOKEN_LIFETIME must be whole seconds from 900 to 7776000, got "899"',
    ]);
  });

  it('reads per-minute rate limits, off for a call not named', () => {
    expect(
      parseSimConfig(['--rate-limits', 'exchange=5, refresh=60,revoke=off'], {}, noFile).rateLimits,
    ).toEqual({ exchange: 5, refresh: 60, revoke: null });
    expect(parseSimConfig([], { GENESYS_SIM_RATE_LIMITS: 'refresh=2' }, noFile).rateLimits).toEqual(
      { refresh: 2 },
    );
  });

  it.each([
    ['exchange=abc', 'exchange=abc'],
    ['exchange=0', 'exchange=0'],
    ['exchange=5,refreshes=1', 'refreshes=1'],
    ['exchange', 'exchange'],
    ['exchange=1=2', 'exchange=1=2'],
  ])('reports the bad pair of --rate-limits %s in one line', (value, pair) => {
    const error = configErrorOf(() => parseSimConfig(['--rate-limits', value], {}, noFile));
    expect([error.code, error.message]).toEqual([
      'bad-choice',
      '--rate-limits must be pairs like exchange=30,refresh=60,revoke=30 (exchange, refresh or ' +
        `revoke = calls per minute 1–100000, or off), got "${pair}"`,
    ]);
  });

  it('reads a deployments file', () => {
    const file = JSON.stringify([
      { id: 'dep-1', name: 'One', auth: { enabled: true, allowSessionUpgrade: false } },
    ]);
    const config = parseSimConfig(['--deployments', 'deployments.json'], {}, fileWith(file));
    expect(config.deployments).toEqual([
      { id: 'dep-1', name: 'One', auth: { enabled: true, allowSessionUpgrade: false } },
    ]);
  });

  describe('deployments file errors', () => {
    it('report a file that cannot be read', () => {
      const error = configErrorOf(() =>
        parseSimConfig(['--deployments', 'missing.json'], {}, fileWith('[]')),
      );
      expect([error.code, error.message]).toEqual([
        'bad-file',
        "--deployments missing.json: ENOENT: no such file, open 'missing.json'",
      ]);
    });

    it('report a file that is not JSON', () => {
      const error = deploymentsError('not json');
      expect(error.code).toBe('bad-file');
      expect(error.message).toMatch(/^--deployments deployments\.json: .*JSON/);
    });

    it.each(['[]', '{}'])('report %s as not a non-empty array', (content) => {
      const error = deploymentsError(content);
      expect([error.code, error.message]).toEqual([
        'bad-file',
        '--deployments deployments.json: expected a non-empty JSON array of deployments',
      ]);
    });

    it('report a bad id with its index', () => {
      const file = JSON.stringify([
        { id: 'ok', name: 'One', auth: { enabled: true, allowSessionUpgrade: true } },
        { id: 'not ok', name: 'Two', auth: { enabled: true, allowSessionUpgrade: true } },
      ]);
      expect(deploymentsError(file).message).toBe(
        '--deployments deployments.json: [1].id must be 1–128 letters, digits, "-" or "_"',
      );
    });

    it('report a bad name', () => {
      const file = JSON.stringify([
        { id: 'a', name: '', auth: { enabled: true, allowSessionUpgrade: true } },
      ]);
      expect(deploymentsError(file).message).toBe(
        '--deployments deployments.json: [0].name must be 1–100 characters',
      );
    });

    it('report a bad auth object', () => {
      const file = JSON.stringify([{ id: 'a', name: 'A', auth: { enabled: 'yes' } }]);
      expect(deploymentsError(file).message).toBe(
        '--deployments deployments.json: [0].auth must be {"enabled": boolean, "allowSessionUpgrade": boolean}',
      );
    });
  });
});
