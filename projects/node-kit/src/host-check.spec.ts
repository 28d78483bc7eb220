import { configErrorOf } from '../testing/config-error-of';
import { canonicalHost, createHostCheck, hostNames } from './host-check';

describe('canonicalHost', () => {
  it('writes names in lower case, compresses IPv6 and drops port 80', () => {
    expect(['LocalHost:4400', '[0:0::1]:4400', 'Portal.Example.com:80'].map(canonicalHost)).toEqual(
      ['localhost:4400', '[::1]:4400', 'portal.example.com'],
    );
  });

  it.each(['', 'a b', 'user@evil.example', 'evil.example/x', 'x:99999', 'host:', '[zz::1]', '-x'])(
    'finds %j malformed',
    (value) => expect(canonicalHost(value)).toBeUndefined(),
  );
});

describe('hostNames', () => {
  it('reads a comma-separated list in canonical form', () => {
    expect(hostNames('Dev.Example.com, 10.0.0.5:4400', '--allowed-hosts')).toEqual([
      'dev.example.com',
      '10.0.0.5:4400',
    ]);
  });

  it('names the flag and the bad item', () => {
    const error = configErrorOf(() => hostNames('ok.example,http://bad', '--allowed-hosts'));
    expect([error.code, error.message]).toEqual([
      'bad-host',
      '--allowed-hosts must be host names with an optional port, separated by commas, ' +
        'e.g. portal.example.com,portal.example.com:8443, got "http://bad"',
    ]);
  });
});

describe('createHostCheck', () => {
  const check = createHostCheck(['idp.example.com:4400']);

  it('serves the loopback names on the port the request arrived on', () => {
    for (const host of ['localhost:4400', '127.0.0.1:4400', '[::1]:4400', 'LOCALHOST:4400']) {
      expect(check(host, 4400)).toBeUndefined();
    }
  });

  it('serves the configured names', () => {
    expect(check('idp.example.com:4400', 4400)).toBeUndefined();
  });

  it('refuses a rebound name with 421, saying which names it answers to', () => {
    expect(check('evil.example:4400', 4400)).toEqual({
      status: 421,
      message:
        'Host "evil.example:4400" is not a name of this server (it answers to localhost:4400, ' +
        '127.0.0.1:4400, [::1]:4400, idp.example.com:4400); start it with --allowed-hosts ' +
        '<name> to add one',
    });
  });

  it('refuses a loopback name on another port', () => {
    expect(check('localhost:4401', 4400)?.status).toBe(421);
  });

  it('refuses a request without Host with 400', () => {
    expect(check(undefined, 4400)).toEqual({
      status: 400,
      message: 'the request has no Host header; send one naming this server',
    });
    expect(check('', 4400)?.status).toBe(400);
  });

  it('refuses a malformed Host with 400, quoting it safely', () => {
    expect(check('a\u0007b', 4400)).toEqual({
      status: 400,
      message: 'malformed Host header "a\\u0007b"',
    });
  });
});
