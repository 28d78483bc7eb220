/**
 * Finding the IdP's keys against a local stand-in IdP over HTTP: the discovery issuer must match,
 * fetches time out, a rotated key costs exactly one JWKS refetch and unknown keys no more, and the
 * 503 names no URL or cause.
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';

import { TEST_AUDIENCE, TEST_CLIENT_ID } from '../testing/local-issuer';
import { refusal } from '../testing/refusal';
import { createAuthenticator } from './auth';

interface Key {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
}

/** A stand-in IdP: discovery and JWKS, counting JWKS fetches; it can lie or go silent. */
class StandInIdp {
  readonly server: Server;
  base = '';
  published: Key[] = [];
  jwksFetches = 0;
  discoveryIssuer?: string;
  silent = false;

  constructor() {
    this.server = createServer((req, res) => {
      // A server that never answers: the request stays open until the client gives up.
      if (this.silent) return;
      if (req.url === '/.well-known/openid-configuration') {
        const issuer = this.discoveryIssuer ?? this.base;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ issuer, jwks_uri: `${this.base}/jwks` }));
        return;
      }
      this.jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: this.published.map((key) => key.jwk) }));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  token(key: Key): Promise<string> {
    return new SignJWT({ client_id: TEST_CLIENT_ID, roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })
      .setIssuer(this.base)
      .setAudience(TEST_AUDIENCE)
      .setSubject('ada')
      .setExpirationTime('5m')
      .sign(key.privateKey);
  }
}

describe('createAuthenticator finding the IdP keys', () => {
  let idp: StandInIdp;
  let k1: Key;
  let k2: Key;
  let k3: Key;
  let failures: string[];
  const authenticator = (fetching: { timeoutMs?: number; cooldownMs?: number } = {}) =>
    createAuthenticator({
      issuer: idp.base,
      audience: TEST_AUDIENCE,
      clientId: TEST_CLIENT_ID,
      fetching,
      onIdpFailure: (detail) => failures.push(detail),
    });

  beforeAll(async () => {
    [k1, k2, k3] = await Promise.all([newKey('k1'), newKey('k2'), newKey('k3')]);
  });
  beforeEach(async () => {
    idp = new StandInIdp();
    idp.published = [k1];
    failures = [];
    await idp.start();
  });
  afterEach(() => idp.stop());

  it('fetches the JWKS again exactly once for a rotated key, and not at all for a second unknown key', async () => {
    const auth = authenticator({ cooldownMs: 200 });
    expect((await auth.authenticate(`Bearer ${await idp.token(k1)}`)).isAdmin).toBe(true);
    expect(idp.jwksFetches).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));

    idp.published = [k1, k2];
    expect((await auth.authenticate(`Bearer ${await idp.token(k2)}`)).isAdmin).toBe(true);
    expect(idp.jwksFetches).toBe(2);

    const unknown = await refusal(auth, `Bearer ${await idp.token(k3)}`);
    expect(unknown.status).toBe(401);
    expect(idp.jwksFetches).toBe(2);
    expect((await refusal(auth, `Bearer ${await idp.token(k3)}`)).status).toBe(401);
    expect(idp.jwksFetches).toBe(2);
  });

  it('refuses a discovery document naming another issuer (503) and logs why', async () => {
    idp.discoveryIssuer = 'http://evil.example';
    const answer = await refusal(authenticator(), `Bearer ${await idp.token(k1)}`);
    expect([answer.status, answer.code]).toEqual([503, 'idp-unavailable']);
    expect(idp.jwksFetches).toBe(0);
    expect(failures).toEqual([expect.stringContaining('names the issuer "http://evil.example"')]);
  });

  it('gives up on an IdP that never answers after its timeout, with a 503 naming no URL or cause', async () => {
    idp.silent = true;
    const started = Date.now();
    const answer = await refusal(
      authenticator({ timeoutMs: 300 }),
      `Bearer ${await idp.token(k1)}`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect([answer.status, answer.extra.headers?.['retry-after']]).toEqual([503, '5']);
    expect(answer.message).toBe(
      'the identity provider cannot be reached to check the token; retry shortly',
    );
    expect(JSON.stringify(answer.extra)).not.toContain('127.0.0.1');
    expect(failures).toEqual([expect.stringMatching(/timeout|abort/i)]);
  });

  it('gives up on a JWKS fetch that never answers after its timeout', async () => {
    const auth = authenticator({ timeoutMs: 300 });
    const token = await idp.token(k1);
    const server = idp.server;
    // Discovery answers, then the JWKS request hangs.
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      if (req.url !== '/.well-known/openid-configuration') return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: idp.base, jwks_uri: `${idp.base}/jwks` }));
    });
    const started = Date.now();
    expect((await refusal(auth, `Bearer ${token}`)).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('tries discovery again at the next request after a failure', async () => {
    idp.discoveryIssuer = 'http://evil.example';
    const auth = authenticator();
    const token = await idp.token(k1);
    expect((await refusal(auth, `Bearer ${token}`)).status).toBe(503);
    idp.discoveryIssuer = undefined;
    expect((await auth.authenticate(`Bearer ${token}`)).sub).toBe('ada');
  });
});
