import {
  cliUsage,
  oneOf,
  origin,
  origins,
  port,
  readCli,
  text,
  wholeSeconds,
  type CliOption,
} from './cli-config';
import type { ConfigErrorCode } from './config-error';
import { configErrorOf } from '../testing/config-error-of';

const OPTIONS = {
  port: {
    flag: '--port',
    env: 'KIT_PORT',
    example: '4500',
    description: 'TCP port',
    parse: port,
    fallback: 4500,
  },
  name: {
    flag: '--name',
    env: 'KIT_NAME',
    example: 'alice',
    description: 'a name',
    parse: text,
    fallback: 'nobody',
  },
  mode: {
    flag: '--mode',
    example: 'fast',
    description: 'how fast',
    parse: oneOf('fast', 'slow'),
    fallback: 'slow',
  },
} satisfies Record<string, CliOption<unknown>>;

/** Expects `run` to throw a one-line ConfigError with this code and message. */
function expectConfigError(run: () => unknown, code: ConfigErrorCode, message: string): void {
  const error = configErrorOf(run);
  expect([error.code, error.message]).toEqual([code, message]);
}

const read = (argv: string[], env: Record<string, string> = {}) => readCli(argv, env, OPTIONS);

describe('readCli', () => {
  it('returns every fallback and no help when nothing is given', () => {
    expect(read([])).toEqual({ port: 4500, name: 'nobody', mode: 'slow', help: false });
  });

  it('reads "--flag value" and "--flag=value"', () => {
    expect(read(['--port', '4501', '--name=bob'])).toMatchObject({ port: 4501, name: 'bob' });
  });

  it('keeps everything after the first "=" as the value', () => {
    expect(read(['--name=a=b']).name).toBe('a=b');
  });

  it('takes a value that starts with a single dash', () => {
    expect(read(['--name', '-x']).name).toBe('-x');
  });

  it('lets the last occurrence of a flag win', () => {
    expect(read(['--port', '4501', '--port=4502']).port).toBe(4502);
  });

  it('falls back to the environment variable', () => {
    expect(read([], { KIT_PORT: '4600', KIT_NAME: 'carol' })).toMatchObject({
      port: 4600,
      name: 'carol',
    });
  });

  it('lets flags win over environment variables', () => {
    expect(read(['--port', '4700'], { KIT_PORT: '4600' }).port).toBe(4700);
  });

  it('counts an empty environment variable as unset', () => {
    expect(read([], { KIT_PORT: '' }).port).toBe(4500);
  });

  it('recognises --help', () => {
    expect(read(['--help']).help).toBe(true);
  });

  it('rejects a value for --help', () => {
    expectConfigError(() => read(['--help=yes']), 'unexpected-value', '--help takes no value');
  });

  it('names an unknown flag and lists the known ones', () => {
    expectConfigError(
      () => read(['--colour=red']),
      'unknown-flag',
      'unknown flag --colour; known flags: --port, --name, --mode, --help',
    );
  });

  it('quotes an unknown flag that is not plainly printable', () => {
    expect(configErrorOf(() => read(['--co\nlour'])).message).toMatch(
      /^unknown flag "--co\\nlour"; /,
    );
  });

  it('says what a stray argument should look like, after the first option', () => {
    expectConfigError(
      () => read(['4500']),
      'unexpected-argument',
      'unexpected argument "4500"; flags look like --port 4500 (see --help)',
    );
  });

  it('reports a flag without a value at the end', () => {
    expectConfigError(
      () => read(['--name']),
      'missing-value',
      '--name needs a value, e.g. --name alice',
    );
  });

  it('reports a flag followed by another flag as missing its value', () => {
    expectConfigError(
      () => read(['--name', '--port', '4500']),
      'missing-value',
      '--name needs a value, e.g. --name alice',
    );
  });

  it('reports an empty "--flag=" as missing its value', () => {
    expectConfigError(
      () => read(['--port=']),
      'missing-value',
      '--port needs a value, e.g. --port 4500',
    );
  });

  it('names the flag of a bad value', () => {
    expectConfigError(
      () => read(['--mode', 'warp']),
      'bad-choice',
      '--mode must be one of fast, slow, got "warp"',
    );
  });

  it('names the environment variable of a bad value', () => {
    expectConfigError(
      () => read([], { KIT_PORT: 'x' }),
      'bad-port',
      'KIT_PORT must be a whole number from 1 to 65535, got "x"',
    );
  });
});

describe('readCli with a flag that may stand alone', () => {
  const SWITCHES = {
    port: OPTIONS.port,
    api: {
      flag: '--api',
      env: 'KIT_API',
      example: 'on',
      description: 'the API',
      parse: oneOf('on', 'off'),
      fallback: 'off',
      bare: 'on',
    },
  } satisfies Record<string, CliOption<unknown>>;
  const readSwitches = (argv: string[]) => readCli(argv, {}, SWITCHES).api;

  it('reads the flag alone, at the end or before another flag, as its bare value', () => {
    expect([readSwitches(['--api']), readSwitches(['--api', '--port', '1'])]).toEqual(['on', 'on']);
  });

  it('still reads a following value and "--flag=value"', () => {
    expect([readSwitches(['--api', 'off']), readSwitches(['--api=off'])]).toEqual(['off', 'off']);
  });

  it('shows the value as optional in the usage', () => {
    expect(cliUsage('kit', SWITCHES)).toContain('  --api [on]    the API [KIT_API]\n');
  });
});

describe('cliUsage', () => {
  const usage = cliUsage('npm run kit --', OPTIONS);

  it('starts with the command and how flags are given', () => {
    expect(usage.split('\n')[0]).toBe(
      'Usage: npm run kit -- [flags]   (--flag value or --flag=value; flags win over environment variables)',
    );
  });

  it('lists each option with an example, its description and its variable, then --help', () => {
    expect(usage.split('\n').slice(2)).toEqual([
      '  --port 4500    TCP port [KIT_PORT]',
      '  --name alice   a name [KIT_NAME]',
      '  --mode fast    how fast',
      '  --help         print this help and exit',
      '',
    ]);
  });
});

describe('port', () => {
  it.each([
    ['1', 1],
    ['65535', 65535],
  ])('accepts %s', (value, expected) => {
    expect(port(value, '--port')).toBe(expected);
  });

  it.each(['0', '65536', '', '80.0', '1e3', ' 80', '-1', '99999999999'])(
    'rejects "%s"',
    (value) => {
      expectConfigError(
        () => port(value, '--port'),
        'bad-port',
        `--port must be a whole number from 1 to 65535, got ${JSON.stringify(value)}`,
      );
    },
  );
});

describe('wholeSeconds', () => {
  const seconds = wholeSeconds(900, 7200);

  it.each([
    ['900', 900],
    ['7200', 7200],
  ])('accepts the bound %s', (value, expected) => {
    expect(seconds(value, '--ttl')).toBe(expected);
  });

  it.each(['899', '7201', '60s', '1.5'])('rejects "%s"', (value) => {
    expectConfigError(
      () => seconds(value, 'TTL'),
      'bad-duration',
      `TTL must be whole seconds from 900 to 7200, got "${value}"`,
    );
  });

  it('shortens a long bad value', () => {
    const message = configErrorOf(() => seconds('9'.repeat(80), '--ttl')).message;
    expect(message).toBe(
      `--ttl must be whole seconds from 900 to 7200, got "${'9'.repeat(57)}..."`,
    );
  });
});

describe('origin', () => {
  it.each([
    ['http://localhost:4400', 'http://localhost:4400'],
    ['https://idp.localhost/', 'https://idp.localhost'],
    ['HTTP://LocalHost:4400//', 'http://localhost:4400'],
    ['http://localhost:80', 'http://localhost'],
    ['http://[::1]:4400', 'http://[::1]:4400'],
  ])('accepts %s as %s', (value, expected) => {
    expect(origin(value, '--issuer')).toBe(expected);
  });

  it.each([
    'localhost:4400',
    'ftp://localhost',
    'http://localhost:4400/idp',
    'http://localhost?a=1',
    'http://localhost?',
    'http://localhost#top',
    'http://user:pw@localhost',
    'http://',
  ])('rejects %s', (value) => {
    expectConfigError(
      () => origin(value, '--issuer'),
      'bad-origin',
      '--issuer must be an http(s) origin without path, query or fragment, ' +
        `e.g. http://localhost:4400, got "${value}"`,
    );
  });
});

describe('origins', () => {
  it('reads a comma-separated list, ignoring spaces around items', () => {
    expect(origins('http://a.localhost, http://b.localhost:81/', '--allowed-origins')).toEqual([
      'http://a.localhost',
      'http://b.localhost:81',
    ]);
  });

  it('names the bad item', () => {
    expect(
      configErrorOf(() => origins('http://a.localhost,b', '--allowed-origins')).message,
    ).toMatch(/^--allowed-origins must be an http\(s\) origin .*, got "b"$/);
  });
});

describe('text', () => {
  it('returns the value as given', () => {
    expect(text(' a b ', '--name')).toBe(' a b ');
  });
});

describe('oneOf', () => {
  const auth = oneOf('basic', 'post');

  it('accepts one of the words', () => {
    expect(auth('post', '--client-auth')).toBe('post');
  });

  it('lists the words when given another', () => {
    expectConfigError(
      () => auth('Basic', '--client-auth'),
      'bad-choice',
      '--client-auth must be one of basic, post, got "Basic"',
    );
  });
});
