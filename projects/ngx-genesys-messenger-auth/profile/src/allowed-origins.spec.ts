import { allowedOriginsOf, isOriginAllowed } from './allowed-origins';

describe(allowedOriginsOf.name, () => {
  it('turns domains into https origins, loopback hosts into any-port http(s) origins', () => {
    const genesys = {
      allowAllDomains: false,
      allowedDomains: ['portal.example.com', '*.example.org', '127.0.0.1'],
    };
    expect(allowedOriginsOf(genesys)).toEqual([
      'https://portal.example.com',
      'https://*.example.org',
      'http://127.0.0.1:*',
      'https://127.0.0.1:*',
    ]);
  });
});

describe(isOriginAllowed.name, () => {
  const patterns = ['https://portal.example.com', 'https://*.example.org', 'http://localhost:*'];

  it.each([
    ['https://portal.example.com', true],
    ['https://PORTAL.example.com', false],
    ['http://portal.example.com', false],
    ['https://portal.example.com:8443', false],
    ['https://evil-portal.example.com', false],
    ['https://a.example.org', true],
    ['https://a.b.example.org', true],
    ['https://example.org', false],
    ['https://evilexample.org', false],
    ['http://localhost:4300', true],
    ['http://localhost', true],
    ['null', false],
    ['https://portal.example.com/path', false],
  ])('answers %p with %p', (origin, allowed) => {
    expect(isOriginAllowed(origin, patterns)).toBe(allowed);
  });

  it('allows every origin for "*"', () => {
    expect(isOriginAllowed('https://anything.example', ['*'])).toBe(true);
  });
});
