import { createHash, webcrypto } from 'node:crypto';
import { setTimeout as realSleep } from 'node:timers/promises';
import { MessengerAuthErrorCode } from 'ngx-genesys-messenger-auth/core';
import type { AuthorizationMode } from './authorization-request';
import {
  authorizerOn,
  FakePage,
  ISSUER,
  REAUTH_WINDOW_MS,
  REDIRECT_URI,
  SILENT_REDIRECT_URI,
  SILENT_TIMEOUT_MS,
} from './authorization.spec-helpers';
import { MessengerAuthorizer } from './messenger-authorizer';

const START = Date.parse('2026-11-26T09:00:00Z');
const ROUTE = 'http://localhost/orders/42?tab=2';

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const iss = encodeURIComponent(ISSUER);

describe(`${MessengerAuthorizer.name} silent()`, () => {
  let page: FakePage;
  let starts: AuthorizationMode[];
  let authorizer: MessengerAuthorizer;
  /** The requests the IdP received in the hidden iframe. */
  let framed: URL[];

  beforeAll(() => {
    // jsdom has no SubtleCrypto; PKCE needs its SHA-256.
    if (!globalThis.crypto.subtle) {
      Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle });
    }
  });

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.sessionStorage.clear();
    page = new FakePage(ROUTE);
    starts = [];
    framed = [];
    authorizer = authorizerOn(page, starts);
  });

  afterEach(() => jest.useRealTimers());

  /** The IdP answers the framed request by sending the frame to the silent callback. */
  function idpAnswers(answer: (state: string) => string): void {
    page.frameAnswer = (request) => {
      framed.push(request);
      return `${SILENT_REDIRECT_URI}?${answer(request.searchParams.get('state') as string)}`;
    };
  }

  /** Starts silent() and lets its hidden iframe appear (PKCE hashing runs off the fake clock). */
  async function startSilent(): Promise<{ outcome: ReturnType<MessengerAuthorizer['silent']> }> {
    const outcome = authorizer.silent();
    // Rejections are awaited by the test; this only keeps an early one from counting as unhandled.
    outcome.catch(() => undefined);
    for (let i = 0; i < 400 && page.frames.length === 0; i++) await realSleep(5);
    expect(page.frames).toHaveLength(1);
    return { outcome };
  }

  /** Runs silent() while the frame's URL is polled. */
  async function silent() {
    const { outcome } = await startSilent();
    await jest.advanceTimersByTimeAsync(100);
    return outcome;
  }

  it('gets a code in a hidden iframe with prompt=none, without navigating', async () => {
    idpAnswers((state) => `code=silent-code&state=${state}&iss=${iss}`);
    const outcome = await silent();
    const request = framed[0].searchParams;
    expect(outcome).toEqual({
      kind: 'code',
      code: {
        authCode: 'silent-code',
        redirectUri: SILENT_REDIRECT_URI,
        codeVerifier: expect.any(String),
        nonce: request.get('nonce'),
        iss: ISSUER,
      },
    });
    expect([request.get('prompt'), request.get('redirect_uri')]).toEqual([
      'none',
      SILENT_REDIRECT_URI,
    ]);
    expect(request.get('code_challenge_method')).toBe('S256');
    expect(page.assigned).toEqual([]);
    expect(starts).toEqual(['silent-iframe']);
  });

  it('hands over the verifier of the challenge it sent', async () => {
    idpAnswers((state) => `code=silent-code&state=${state}&iss=${iss}`);
    const outcome = await silent();
    const verifier = outcome.kind === 'code' ? (outcome.code.codeVerifier as string) : '';
    expect(s256(verifier)).toBe(framed[0].searchParams.get('code_challenge'));
  });

  it('removes the iframe once the IdP answered', async () => {
    idpAnswers((state) => `code=silent-code&state=${state}&iss=${iss}`);
    await silent();
    expect(page.frames.map((frame) => frame.removed)).toEqual([true]);
  });

  it.each(['login_required', 'interaction_required', 'consent_required'])(
    'reports that the user is needed when the IdP answers %s',
    async (error) => {
      idpAnswers((state) => `error=${error}&state=${state}&iss=${iss}`);
      expect(await silent()).toEqual({ kind: 'interaction-required' });
    },
  );

  it('refuses an answer with another state', async () => {
    idpAnswers(() => `code=silent-code&state=forged&iss=${iss}`);
    await expect(silent()).rejects.toMatchObject({
      code: MessengerAuthErrorCode.AUTHORIZATION_STATE_MISMATCH,
    });
  });

  it('refuses an answer naming another issuer', async () => {
    idpAnswers((state) => `code=silent-code&state=${state}&iss=https%3A%2F%2Fevil.example`);
    await expect(silent()).rejects.toMatchObject({
      code: MessengerAuthErrorCode.AUTHORIZATION_ISSUER_MISMATCH,
    });
  });

  it('does not count a jump of the clock (a tab that slept) as the IdP not answering', async () => {
    const { outcome } = await startSilent();
    jest.setSystemTime(Date.now() + 60 * 60_000);
    await jest.advanceTimersByTimeAsync(SILENT_TIMEOUT_MS / 2);
    idpAnswers((state) => `code=late-code&state=${state}&iss=${iss}`);
    page.frames[0].load();
    await jest.advanceTimersByTimeAsync(100);
    expect(await outcome).toMatchObject({ kind: 'code', code: { authCode: 'late-code' } });
  });

  describe('when the IdP does not answer in the iframe in time', () => {
    let outcome: Promise<unknown>;

    beforeEach(async () => {
      ({ outcome } = await startSilent());
      await jest.advanceTimersByTimeAsync(SILENT_TIMEOUT_MS + 100);
    });

    it('reports no answer and stays on the page (the bridge decides about a redirect)', async () => {
      expect(await outcome).toEqual({ kind: 'no-answer' });
      expect(page.assigned).toEqual([]);
      expect(page.frames.map((frame) => frame.removed)).toEqual([true]);
    });
  });
});

describe(`${MessengerAuthorizer.name} silentRedirect()`, () => {
  let page: FakePage;
  let starts: AuthorizationMode[];
  let authorizer: MessengerAuthorizer;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    window.sessionStorage.clear();
    page = new FakePage(ROUTE);
    starts = [];
    authorizer = authorizerOn(page, starts);
  });

  afterEach(() => jest.useRealTimers());

  it('leaves the page for a prompt=none request that comes back to the callback route', async () => {
    expect(await authorizer.silentRedirect()).toBe('navigating');
    const request = new URL(page.assigned[0]).searchParams;
    expect([request.get('prompt'), request.get('redirect_uri')]).toEqual(['none', REDIRECT_URI]);
    expect(starts).toEqual(['silent-redirect']);
  });

  it("comes back with a code captured on the callback, restoring the user's route", async () => {
    await authorizer.silentRedirect();
    const state = new URL(page.assigned[0]).searchParams.get('state');
    page.url = new URL(`${REDIRECT_URI}?code=redirect-code&state=${state}&iss=${iss}`);
    expect(await authorizer.captureRedirect()).toMatchObject({ authCode: 'redirect-code' });
    expect(page.url.href).toBe(ROUTE);
  });

  it('leaves the page once per window, also across a reload of the tab', async () => {
    await authorizer.silentRedirect();
    const reloaded = authorizerOn(new FakePage(ROUTE), starts);
    await jest.advanceTimersByTimeAsync(REAUTH_WINDOW_MS - 1_000);
    expect(await reloaded.silentRedirect()).toBe('already-tried');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await reloaded.silentRedirect()).toBe('navigating');
    expect(page.assigned).toHaveLength(1);
  });
});
