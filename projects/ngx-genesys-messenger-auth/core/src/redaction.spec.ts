import { REDACTED_URL_PARAMETERS, fingerprint, redactUrl } from './redaction';

describe(fingerprint.name, () => {
  const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJpYXQiOjEsImV4cCI6OTAxfQ.c2lnbmF0dXJl';

  it('is six lower-case hex characters', () => {
    expect(fingerprint(jwt)).toMatch(/^[0-9a-f]{6}$/);
  });

  it('is the same for the same input', () => {
    expect(fingerprint(jwt)).toBe(fingerprint(`${jwt}`));
  });

  it('matches the FNV-1a reference value', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c.
    expect(fingerprint('a')).toBe('0c292c');
  });

  it('hashes the UTF-8 bytes of non-ASCII input', () => {
    // Hashing the UTF-16 unit 0xe9 instead of the bytes c3 a9 would give another value.
    expect(fingerprint('é')).toBe(fnv1aHex([0xc3, 0xa9]).slice(-6));
  });

  it('differs for inputs that differ in one character', () => {
    expect(fingerprint(`${jwt}A`)).not.toBe(fingerprint(`${jwt}B`));
  });

  it('tells a thousand distinct tokens apart', () => {
    const prints = new Set(Array.from({ length: 1000 }, (_, i) => fingerprint(`token-${i}`)));
    expect(prints.size).toBe(1000);
  });

  it('does not contain any part of the secret', () => {
    expect(jwt).not.toContain(fingerprint(jwt));
  });
});

/** An independent FNV-1a over bytes, to check the implementation against. */
function fnv1aHex(bytes: number[]): string {
  let hash = 2166136261n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 16777619n) % 2n ** 32n;
  return hash.toString(16).padStart(8, '0');
}

describe(redactUrl.name, () => {
  it('hides the code and state of a callback and keeps iss', () => {
    expect(
      redactUrl('https://portal.test/messenger/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp'),
    ).toBe(
      'https://portal.test/messenger/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
  });

  it.each(REDACTED_URL_PARAMETERS)('hides the value of %s', (name) => {
    expect(redactUrl(`/cb?${name}=s3cr3t&keep=1`)).toBe(`/cb?${name}=[redacted]&keep=1`);
  });

  it('hides parameters in the fragment', () => {
    expect(redactUrl('/cb#id_token=a.b.c&access_token=t&token_type=Bearer')).toBe(
      '/cb#id_token=[redacted]&access_token=[redacted]&token_type=Bearer',
    );
  });

  it('hides parameters of a hash-routed callback', () => {
    expect(redactUrl('/#/callback?code=abc&error=x')).toBe('/#/callback?code=[redacted]&error=x');
  });

  it('keeps parameters whose names only start or end like a secret one', () => {
    const url = '/authorize?code_challenge=ch&code_challenge_method=S256&postcode=1&xstate=2';
    expect(redactUrl(url)).toBe(url);
  });

  it('keeps the path even when it contains a parameter-like word', () => {
    expect(redactUrl('/code=1/state?x=1')).toBe('/code=1/state?x=1');
  });

  it('hides the parameters of error callbacks without touching the error', () => {
    expect(redactUrl('/cb?error=login_required&error_description=Login%20required&state=s')).toBe(
      '/cb?error=login_required&error_description=Login%20required&state=[redacted]',
    );
  });

  it('leaves a URL without secrets unchanged', () => {
    expect(redactUrl('https://idp.test/authorize?client_id=portal&scope=openid%20profile')).toBe(
      'https://idp.test/authorize?client_id=portal&scope=openid%20profile',
    );
  });
});
