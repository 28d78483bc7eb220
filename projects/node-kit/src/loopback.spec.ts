import { isLoopbackHost, loopbackHostNames } from './loopback';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '127.255.255.255', 'localhost', 'LocalHost', 'localhost.'])(
    'counts %s as loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(['::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::FFFF:7f00:1'])(
    'counts the IPv6 spelling %s as loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    '0.0.0.0',
    '::',
    '[::]',
    '10.1.2.3',
    '192.168.0.10',
    '128.0.0.1',
    '::2',
    '::ffff:10.0.0.1',
  ])('counts the address %s as reaching the network', (host) =>
    expect(isLoopbackHost(host)).toBe(false),
  );

  it.each([
    'app.localhost',
    'localhost.example.com',
    'my-laptop',
    'fe80::1%lo',
    '127.1',
    '0x7f.0.0.1',
    '',
  ])('does not count %s, which only a lookup could place', (host) =>
    expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('loopbackHostNames', () => {
  it('gives the three loopback spellings with the port', () => {
    expect(loopbackHostNames(4400)).toEqual(['localhost:4400', '127.0.0.1:4400', '[::1]:4400']);
  });

  it('leaves out port 80, as browsers do in Host', () => {
    expect(loopbackHostNames(80)).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });
});
