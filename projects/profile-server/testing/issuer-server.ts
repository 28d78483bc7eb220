/**
 * Serves a {@link LocalIssuer}'s discovery document and JWKS over HTTP on 127.0.0.1, so a real
 * profile-server process (which finds keys by discovery) accepts its tokens.
 */
import { createServer, type Server } from 'node:http';

import type { LocalIssuer } from './local-issuer';

/** A served issuer. */
export interface IssuerServer {
  /** `http://127.0.0.1:<port>`: pass it as `--issuer` and as the tokens' `iss`. */
  readonly issuer: string;
  close(): Promise<void>;
}

/**
 * Starts serving.
 * @param local the issuer whose public key is served
 * @returns the issuer URL and a close function
 */
export async function serveIssuer(local: LocalIssuer): Promise<IssuerServer> {
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const bodies: Record<string, object> = {
      '/.well-known/openid-configuration': { issuer, jwks_uri: `${issuer}/jwks` },
      '/jwks': { keys: [local.publicJwk] },
    };
    const body = bodies[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    issuer,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
