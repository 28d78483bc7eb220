import { ConfigError, hostPort, listenError, printable, quote } from './config-error';

describe('ConfigError', () => {
  it('carries its code and message', () => {
    const error = new ConfigError('bad-port', '--port must be a whole number');
    expect([error.name, error.code, error.message]).toEqual([
      'ConfigError',
      'bad-port',
      '--port must be a whole number',
    ]);
  });
});

describe('quote', () => {
  it('escapes control characters so the message stays on one line', () => {
    expect(quote('a\nb')).toBe('"a\\nb"');
  });

  it('shortens a long value to 60 characters', () => {
    expect(quote('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
  });
});

describe('printable', () => {
  it('shows a plain value as is', () => {
    expect(printable('--colour')).toBe('--colour');
  });

  it('quotes a value with spaces or control characters', () => {
    expect([printable('a b'), printable('a\tb')]).toEqual(['"a b"', '"a\\tb"']);
  });
});

describe('hostPort', () => {
  it('joins a host name or IPv4 address and the port', () => {
    expect(hostPort('127.0.0.1', 4400)).toBe('127.0.0.1:4400');
  });

  it('brackets an IPv6 address', () => {
    expect(hostPort('::1', 4400)).toBe('[::1]:4400');
  });
});

describe('listenError', () => {
  it('says how to fix a port in use', () => {
    const error = listenError('EADDRINUSE', '::1', 4400);
    expect([error.code, error.message]).toEqual([
      'port-in-use',
      '[::1]:4400 is already in use; stop the process that holds it or pass --port <free port>',
    ]);
  });

  it('suggests a port above 1023 when not allowed to listen', () => {
    const error = listenError('EACCES', '127.0.0.1', 80);
    expect([error.code, error.message]).toEqual([
      'cannot-listen',
      'no permission to listen on 127.0.0.1:80; pass --port with a number above 1023',
    ]);
  });

  it.each(['EADDRNOTAVAIL', 'ENOTFOUND'])(
    'names the --host that is not on this machine (%s)',
    (code) => {
      const error = listenError(code, '10.9.9.9', 4400);
      expect([error.code, error.message]).toEqual([
        'cannot-listen',
        'cannot bind 10.9.9.9:4400: --host 10.9.9.9 is not an address of this machine; use 127.0.0.1',
      ]);
    },
  );

  it('quotes a host that is not plainly printable', () => {
    expect(listenError('ENOTFOUND', 'my host', 4400).message).toContain('--host "my host" is not');
  });

  it('names the system error code otherwise', () => {
    const error = listenError('EINVAL', '127.0.0.1', 4400);
    expect([error.code, error.message]).toEqual([
      'cannot-listen',
      'cannot listen on 127.0.0.1:4400 (EINVAL); check --host and --port',
    ]);
  });

  it('copes without a system error code', () => {
    expect(listenError(undefined, '127.0.0.1', 4400).message).toBe(
      'cannot listen on 127.0.0.1:4400 (unknown error); check --host and --port',
    );
  });
});
