import { createHash, webcrypto } from 'node:crypto';
import { MessengerAuthError, MessengerAuthErrorCode } from 'ngx-genesys-messenger-auth/core';
import type { AuthorizationMode } from './authorization-request';
import {
  authorizerOn,
  FakePage,
  ISSUER,
  REAUTH_WINDOW_MS,
  REDIRECT_URI,
  SETTINGS,
} from './authorization.spec-helpers';
import { ɵMAX_PENDING_AGE_MS as MAX_PENDING_AGE_MS } from 'ngx-genesys-messenger-auth/core';
import { MessengerAuthorizer } from './messenger-authorizer';

const START = Date.parse('2026-11-26T09:00:00Z');
const ROUTE = 'http://localhost/orders/42?tab=2#notes';

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

describe(MessengerAuthorizer.name, () => {
  let page: FakePage;
  let starts: AuthorizationMode[];
  let authorizer: MessengerAuthorizer;

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
    page.scrollY = 300;
    starts = [];
    authorizer = authorizerOn(page, starts);
  });

  afterEach(() => jest.useRealTimers());

  /** The request the page was last sent to. */
  const lastRequest = () => new URL(page.assigned.at(-1) as string);

  /** An interactive login, then the IdP sends the page back to the callback with `answer`. */
  async function loginAndComeBack(answer: (state: string) => string) {
    await authorizer.interactive();
    const state = lastRequest().searchParams.get('state') as string;
    page.url = new URL(`${REDIRECT_URI}?${answer(state)}`);
    return authorizer.captureRedirect();
  }

  const codeAnswer = (state: string, iss = ISSUER) =>
    `code=the-code&state=${state}&iss=${encodeURIComponent(iss)}&session_state=s`;

  describe('interactive()', () => {
    it('sends the page to the IdP for a code with state, nonce and an S256 challenge', async () => {
      expect(await authorizer.interactive()).toBe('navigating');
      const request = lastRequest();
      expect(request.origin + request.pathname).toBe(SETTINGS.idp.authorizationEndpoint);
      expect(Object.fromEntries(request.searchParams)).toEqual({
        client_id: 'genesys-messenger',
        response_type: 'code',
        scope: 'openid profile',
        redirect_uri: REDIRECT_URI,
        state: expect.stringMatching(/^[\w-]{32}$/),
        nonce: expect.stringMatching(/^[\w-]{32}$/),
        code_challenge: expect.stringMatching(/^[\w-]{43}$/),
        code_challenge_method: 'S256',
      });
      expect(starts).toEqual(['interactive']);
    });

    it('uses a fresh state, nonce and verifier for every attempt', async () => {
      await authorizer.interactive();
      jest.advanceTimersByTime(REAUTH_WINDOW_MS);
      await authorizer.interactive();
      const [first, second] = page.assigned.map((url) => new URL(url).searchParams);
      for (const name of ['state', 'nonce', 'code_challenge']) {
        expect(first.get(name)).not.toBe(second.get(name));
      }
    });

    it('refuses a second login within the window, without navigating', async () => {
      await authorizer.interactive();
      jest.advanceTimersByTime(REAUTH_WINDOW_MS - 1);
      await expect(authorizer.interactive()).rejects.toMatchObject({
        code: MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED,
      });
      expect(page.assigned).toHaveLength(1);
    });

    it('refuses it on the page the login came back to as well (the guard outlives the page)', async () => {
      await authorizer.interactive();
      const reloaded = authorizerOn(new FakePage(REDIRECT_URI));
      await expect(reloaded.interactive()).rejects.toBeInstanceOf(MessengerAuthError);
    });

    it('allows a login again once the window has passed', async () => {
      await authorizer.interactive();
      jest.advanceTimersByTime(REAUTH_WINDOW_MS);
      await expect(authorizer.interactive()).resolves.toBe('navigating');
    });
  });

  describe('captureRedirect()', () => {
    it('returns the code with the verifier of the challenge sent, the nonce and iss', async () => {
      const result = await loginAndComeBack((state) => codeAnswer(state));
      const request = lastRequest().searchParams;
      expect(result).toEqual({
        authCode: 'the-code',
        redirectUri: REDIRECT_URI,
        codeVerifier: expect.stringMatching(/^[\w-]{43}$/),
        nonce: request.get('nonce'),
        iss: ISSUER,
      });
      const { codeVerifier } = result as { codeVerifier: string };
      expect(s256(codeVerifier)).toBe(request.get('code_challenge'));
    });

    it('takes the answer out of the URL and restores the route the user was on', async () => {
      await loginAndComeBack((state) => codeAnswer(state));
      expect(page.replaced).toEqual([[page.historyState, '/orders/42?tab=2#notes']]);
      expect(page.url.href).toBe(ROUTE);
    });

    it('restores the scroll position', async () => {
      await loginAndComeBack((state) => codeAnswer(state));
      expect(page.scrolledTo).toEqual([300]);
    });

    it('takes an answer only once', async () => {
      await loginAndComeBack((state) => codeAnswer(state));
      const state = new URL(page.assigned[0]).searchParams.get('state') as string;
      page.url = new URL(`${REDIRECT_URI}?${codeAnswer(state)}`);
      expect(await authorizer.captureRedirect()).toMatchObject({
        code: MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
      });
      expect(page.replaced.map(([, url]) => url)).toEqual(['/orders/42?tab=2#notes', '/']);
    });

    it('refuses an answer naming another issuer', async () => {
      const result = await loginAndComeBack((state) => codeAnswer(state, 'https://evil.example'));
      expect(result).toMatchObject({ code: MessengerAuthErrorCode.AUTHORIZATION_ISSUER_MISMATCH });
      expect(page.url.href).toBe(ROUTE);
    });

    it('refuses an answer without iss from an IdP that sends it', async () => {
      const result = await loginAndComeBack((state) => `code=the-code&state=${state}`);
      expect(result).toMatchObject({ code: MessengerAuthErrorCode.AUTHORIZATION_ISSUER_MISMATCH });
    });

    it.each([
      ['login_required', MessengerAuthErrorCode.LOGIN_REQUIRED],
      ['consent_required', MessengerAuthErrorCode.LOGIN_REQUIRED],
      ['access_denied', MessengerAuthErrorCode.AUTHORIZATION_ERROR],
    ])('maps the error %s to code %d', async (error, code) => {
      const result = await loginAndComeBack(
        (state) => `error=${error}&state=${state}&iss=${encodeURIComponent(ISSUER)}`,
      );
      expect(result).toMatchObject({ code });
      expect(page.url.href).toBe(ROUTE);
    });

    it("leaves the portal's own callback untouched, even with a pending state", async () => {
      await authorizer.interactive();
      const state = lastRequest().searchParams.get('state');
      page.url = new URL(`http://localhost/callback?code=portal-code&state=${state}`);
      expect(await authorizer.captureRedirect()).toBeUndefined();
      expect(page.replaced).toEqual([]);
      expect(page.url.searchParams.get('code')).toBe('portal-code');
    });

    it('reports a coded error, and still cleans the URL, when the IdP metadata is unavailable', async () => {
      const failing = authorizerOn(page, starts, window.sessionStorage, {
        settings: () => Promise.reject(new Error('discovery failed: 503')),
      });
      await authorizer.interactive();
      const state = lastRequest().searchParams.get('state') as string;
      page.url = new URL(`${REDIRECT_URI}?${codeAnswer(state)}`);
      const result = await failing.captureRedirect();
      expect(result).toMatchObject({ code: MessengerAuthErrorCode.DISCOVERY_FAILED });
      expect(page.url.href).toBe(ROUTE);
    });

    it('reports a coded error instead of throwing when the URL cannot be cleaned', async () => {
      await authorizer.interactive();
      const state = lastRequest().searchParams.get('state') as string;
      page.url = new URL(`${REDIRECT_URI}?${codeAnswer(state)}`);
      page.replaceStateThrows = true;
      await expect(authorizer.captureRedirect()).resolves.toMatchObject({
        code: MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
      });
    });

    it('refuses an answer that comes back after its request expired', async () => {
      await authorizer.interactive();
      const state = lastRequest().searchParams.get('state') as string;
      jest.advanceTimersByTime(MAX_PENDING_AGE_MS + 1);
      page.url = new URL(`${REDIRECT_URI}?${codeAnswer(state)}`);
      expect(await authorizer.captureRedirect()).toMatchObject({
        code: MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
      });
      expect(page.url.href).toBe(ROUTE);
    });

    it.each([
      ['an unknown state', 'code=x&state=unknown'],
      ['no state', 'code=x'],
      ['an error without state', 'error=login_required'],
    ])(
      'removes an answer with %s from its own callback path and starts at the root',
      async (_, answer) => {
        page.url = new URL(`${REDIRECT_URI}?${answer}`);
        expect(await authorizer.captureRedirect()).toMatchObject({
          code: MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
        });
        expect(page.replaced).toEqual([[page.historyState, '/']]);
        expect(page.url.href).toBe(new URL('/', REDIRECT_URI).href);
      },
    );

    it('leaves its callback path alone when it carries no answer, or an extended path', async () => {
      page.url = new URL(REDIRECT_URI);
      expect(await authorizer.captureRedirect()).toBeUndefined();
      page.url = new URL(`${REDIRECT_URI}/more?code=x&state=unknown`);
      expect(await authorizer.captureRedirect()).toBeUndefined();
      expect(page.replaced).toEqual([]);
    });
  });
});
