import type { ConfigErrorCode } from '../../node-kit/src/config-error';
import { DEFAULT_GENESYS_CLIENT_SECRET, parseConfig, readyLine, usage } from './config';
import { configErrorOf } from '../../node-kit/testing/config-error-of';

function expectError(argv: string[], code: ConfigErrorCode, env: Record<string, string> = {}) {
  const error = configErrorOf(() => parseConfig(argv, env));
  expect(error.code).toBe(code);
  expect(error.message).not.toContain('\n');
  return expect(error.message);
}

describe('parseConfig', () => {
  describe('defaults', () => {
    const config = parseConfig([], {});

    it('listens on 127.0.0.1:4400', () => {
      expect([config.host, config.port]).toEqual(['127.0.0.1', 4400]);
    });

    it('uses http://localhost:4400 as the issuer', () => {
      expect(config.issuer).toBe('http://localhost:4400');
    });

    it('uses the field report lifetimes (300 s tokens, one-day refresh token and session)', () => {
      expect(config.lifetimes).toEqual({
        accessToken: 300,
        idToken: 300,
        refreshToken: 86400,
        session: 86400,
      });
    });

    it('uses the dev-only Genesys client secret', () => {
      expect(config.genesysClientSecret).toBe(DEFAULT_GENESYS_CLIENT_SECRET);
    });

    it('does not ask for help', () => {
      expect(config.help).toBe(false);
    });
  });

  describe('flags', () => {
    it('accepts "--flag value" and "--flag=value"', () => {
      const config = parseConfig(['--port', '4411', '--access-token-ttl=60'], {});
      expect([config.port, config.lifetimes.accessToken]).toEqual([4411, 60]);
    });

    it('derives the default issuer from the port', () => {
      expect(parseConfig(['--port', '5555'], {}).issuer).toBe('http://localhost:5555');
    });

    it('reads every lifetime flag', () => {
      const config = parseConfig(
        ['--id-token-ttl', '120', '--refresh-token-ttl', '3600', '--session-ttl=7200'],
        {},
      );
      expect(config.lifetimes).toEqual({
        accessToken: 300,
        idToken: 120,
        refreshToken: 3600,
        session: 7200,
      });
    });

    it('reads the host, issuer and Genesys client secret', () => {
      const config = parseConfig(
        ['--host', '::1', '--issuer', 'http://localhost:9000', '--genesys-client-secret', 's3'],
        {},
      );
      expect([config.host, config.issuer, config.genesysClientSecret]).toEqual([
        '::1',
        'http://localhost:9000',
        's3',
      ]);
    });

    it('drops a trailing slash from the issuer', () => {
      expect(parseConfig(['--issuer', 'http://localhost:4400/'], {}).issuer).toBe(
        'http://localhost:4400',
      );
    });

    it('accepts the lifetime bounds 1 and 31536000', () => {
      const config = parseConfig(['--access-token-ttl', '1', '--session-ttl', '31536000'], {});
      expect([config.lifetimes.accessToken, config.lifetimes.session]).toEqual([1, 31536000]);
    });

    it('lets the last occurrence of a flag win', () => {
      expect(parseConfig(['--port', '4401', '--port', '4402'], {}).port).toBe(4402);
    });

    it('recognises --help', () => {
      expect(parseConfig(['--help'], {}).help).toBe(true);
    });
  });

  describe('environment variables', () => {
    const env = {
      DEV_IDP_PORT: '4600',
      DEV_IDP_HOST: '127.0.0.2',
      DEV_IDP_ACCESS_TOKEN_TTL: '90',
      DEV_IDP_ID_TOKEN_TTL: '91',
      DEV_IDP_REFRESH_TOKEN_TTL: '92',
      DEV_IDP_SESSION_TTL: '93',
      DEV_IDP_GENESYS_CLIENT_SECRET: 'from-env',
      DEV_IDP_TEST_CONTROLS: 'on',
      DEV_IDP_ALLOWED_HOSTS: 'idp.example.com',
      DEV_IDP_ALLOW_DEV_DEFAULTS_ON_NETWORK: 'off',
    };

    it('configure every setting', () => {
      const config = parseConfig([], env);
      expect(config).toEqual({
        testControls: true,
        port: 4600,
        host: '127.0.0.2',
        issuer: 'http://localhost:4600',
        lifetimes: { accessToken: 90, idToken: 91, refreshToken: 92, session: 93 },
        genesysClientSecret: 'from-env',
        allowedHosts: ['idp.example.com'],
        allowDevDefaultsOnNetwork: false,
        help: false,
      });
    });

    it('configure the issuer', () => {
      expect(parseConfig([], { DEV_IDP_ISSUER: 'https://idp.localhost' }).issuer).toBe(
        'https://idp.localhost',
      );
    });

    it('lose to flags', () => {
      const config = parseConfig(['--port', '4700', '--access-token-ttl', '30'], env);
      expect([config.port, config.lifetimes.accessToken]).toEqual([4700, 30]);
    });

    it('count as unset when empty', () => {
      expect(parseConfig([], { DEV_IDP_PORT: '' }).port).toBe(4400);
    });
  });

  describe('errors', () => {
    it('name the allowed values of --test-controls', () => {
      expectError(['--test-controls', 'maybe'], 'bad-choice').toBe(
        '--test-controls must be one of on, off, got "maybe"',
      );
    });

    it('name an unknown flag and list the known ones', () => {
      expectError(['--verbose'], 'unknown-flag').toBe(
        'unknown flag --verbose; known flags: --port, --host, --issuer, --access-token-ttl, ' +
          '--id-token-ttl, --refresh-token-ttl, --session-ttl, --genesys-client-secret, ' +
          '--test-controls, --allowed-hosts, --allow-dev-defaults-on-network, --help',
      );
    });

    it('name an unknown flag given with a value', () => {
      expectError(['--colour=red'], 'unknown-flag').toContain('unknown flag --colour;');
    });

    it('say what a stray argument should look like', () => {
      expectError(['4400'], 'unexpected-argument').toBe(
        'unexpected argument "4400"; flags look like --port 4400 (see --help)',
      );
    });

    it('report a flag without a value at the end', () => {
      expectError(['--port'], 'missing-value').toBe('--port needs a value, e.g. --port 4400');
    });

    it('report a flag followed by another flag as missing its value', () => {
      expectError(['--host', '--port', '4400'], 'missing-value').toBe(
        '--host needs a value, e.g. --host 127.0.0.1',
      );
    });

    it('report an empty "--flag=" as missing its value', () => {
      expectError(['--genesys-client-secret='], 'missing-value').toBe(
        '--genesys-client-secret needs a value, e.g. --genesys-client-secret <secret>',
      );
    });

    it('reject a value for --help', () => {
      expectError(['--help=yes'], 'unexpected-value').toBe('--help takes no value');
    });

    it('name the flag and value of a non-numeric lifetime', () => {
      expectError(['--access-token-ttl', 'five'], 'bad-duration').toBe(
        '--access-token-ttl must be whole seconds from 1 to 31536000, got "five"',
      );
    });

    it.each([
      ['--id-token-ttl', '0'],
      ['--refresh-token-ttl', '31536001'],
      ['--session-ttl', '1.5'],
      ['--access-token-ttl', '-5'],
      ['--access-token-ttl', '60s'],
    ])('reject %s %s as out of range or not whole seconds', (flag, value) => {
      expectError([flag, value], 'bad-duration').toBe(
        `${flag} must be whole seconds from 1 to 31536000, got "${value}"`,
      );
    });

    it('name the environment variable of a bad lifetime', () => {
      expectError([], 'bad-duration', { DEV_IDP_SESSION_TTL: 'soon' }).toBe(
        'DEV_IDP_SESSION_TTL must be whole seconds from 1 to 31536000, got "soon"',
      );
    });

    it.each(['0', '65536', 'http', '44.0'])('reject the port %s', (value) => {
      expectError(['--port', value], 'bad-port').toBe(
        `--port must be a whole number from 1 to 65535, got "${value}"`,
      );
    });

    it('name the environment variable of a bad port', () => {
      expectError([], 'bad-port', { DEV_IDP_PORT: 'x' }).toBe(
        'DEV_IDP_PORT must be a whole number from 1 to 65535, got "x"',
      );
    });

    it.each([
      'localhost:4400',
      'ftp://localhost',
      'http://localhost:4400/idp',
      'http://h/?a=1',
      'http://localhost:4400#',
    ])('reject the issuer %s', (value) => {
      expectError(['--issuer', value], 'bad-origin').toBe(
        '--issuer must be an http(s) origin without path, query or fragment, ' +
          `e.g. http://localhost:4400, got "${value}"`,
      );
    });

    it('name the environment variable of a bad issuer', () => {
      expectError([], 'bad-origin', { DEV_IDP_ISSUER: 'idp' }).toMatch(
        /^DEV_IDP_ISSUER must be an http\(s\) origin .*, got "idp"$/,
      );
    });

    it('keep a control character in a value on one line', () => {
      expectError(['--port', '44\n00'], 'bad-port').toBe(
        '--port must be a whole number from 1 to 65535, got "44\\n00"',
      );
    });
  });
});

describe('readyLine', () => {
  it('states issuer, bind address and lifetimes', () => {
    expect(readyLine(parseConfig(['--access-token-ttl', '60'], {}))).toBe(
      'dev-idp: ready at http://localhost:4400 (bound 127.0.0.1:4400; access token 60 s, ' +
        'id token 300 s, refresh token 86400 s, session 86400 s)',
    );
  });

  it('never contains the client secret', () => {
    const config = parseConfig(['--genesys-client-secret', 'top-secret-value'], {});
    expect(readyLine(config)).not.toContain('top-secret-value');
  });
});

describe('usage', () => {
  it('lists every flag with its environment variable', () => {
    expect(usage()).toMatch(
      /^ {2}--access-token-ttl 300 +access-token lifetime in seconds \(default 300\) \[DEV_IDP_ACCESS_TOKEN_TTL\]$/m,
    );
  });

  it('lists every flag once, ending with --help', () => {
    const flags = usage()
      .match(/^ {2}--[\w-]+/gm)
      ?.map((flag) => flag.trim());
    expect(flags).toEqual([
      '--port',
      '--host',
      '--issuer',
      '--access-token-ttl',
      '--id-token-ttl',
      '--refresh-token-ttl',
      '--session-ttl',
      '--genesys-client-secret',
      '--test-controls',
      '--allowed-hosts',
      '--allow-dev-defaults-on-network',
      '--help',
    ]);
  });
});
