import { createServer } from 'node:net';
import type { Server } from 'node:net';

import {
  decodeJwtPayload,
  findFreePort,
  isListening,
  runCli,
  signInToPortal,
  startDevIdp,
} from '../testing';
import type { RunningDevIdp } from '../testing';

jest.setTimeout(20_000);

/** Alice signs in to the demo portal with PKCE and exchanges the code. */
const aliceSignsInToPortal = (idp: RunningDevIdp, scope?: string) =>
  signInToPortal(idp.issuer, 'alice', scope);

describe('dev-idp command line', () => {
  it('rejects an unknown flag with one stderr line naming it, before listening', async () => {
    const port = await findFreePort();
    const result = await runCli(['--port', String(port), '--colour', 'blue']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^dev-idp: unknown flag --colour; known flags: .+\n$/);
    expect(result.stdout).toBe('');
    expect(await isListening(port)).toBe(false);
  });

  it('rejects a non-numeric lifetime with one stderr line naming flag and value', async () => {
    const result = await runCli(['--access-token-ttl', 'soon']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(
      'dev-idp: --access-token-ttl must be whole seconds from 1 to 31536000, got "soon"\n',
    );
    expect(result.stdout).toBe('');
  });

  it('reports a port in use in one line', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli(['--port', String(port)]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toBe(
        `dev-idp: 127.0.0.1:${port} is already in use; stop the process that holds it or pass --port <free port>\n`,
      );
    } finally {
      holder.close();
    }
  });

  it('prints the usage for --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('--genesys-client-secret');
  });
});

describe('dev-idp with --access-token-ttl 60 --id-token-ttl 120', () => {
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp(['--access-token-ttl', '60', '--id-token-ttl', '120']);
  });
  afterAll(() => idp?.stop());

  it('prints one ready line with the lifetimes', () => {
    expect(idp.output()).toContain(
      `dev-idp: ready at http://localhost:${idp.port} (bound 127.0.0.1:${idp.port}; ` +
        'access token 60 s, id token 120 s, refresh token 86400 s, session 86400 s)\n',
    );
  });

  it('issues access tokens that live 60 s', async () => {
    const tokens = await aliceSignsInToPortal(idp);
    expect([tokens.status, tokens.body['expires_in']]).toEqual([200, 60]);
  });

  it('issues ID tokens that live 120 s', async () => {
    const tokens = await aliceSignsInToPortal(idp);
    const claims = decodeJwtPayload(String(tokens.body['id_token']));
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(120);
  });

  it('issues a refresh token when offline_access is asked for, without a consent screen', async () => {
    const tokens = await aliceSignsInToPortal(idp, 'openid profile offline_access');
    expect(typeof tokens.body['refresh_token']).toBe('string');
  });

  it('stops with exit code 0 on SIGTERM', async () => {
    const port = idp.port;
    expect(await idp.stop()).toEqual({ code: 0, signal: null });
    expect(await isListening(port)).toBe(false);
  });
});
