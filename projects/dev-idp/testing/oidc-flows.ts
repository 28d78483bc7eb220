/**
 * Drives the dev IdP's real endpoints over HTTP the way a browser and an RP back end would:
 * authorization request, login form, token endpoint, end-session. Redirects are followed by hand
 * (relative `Location`s resolved) with a {@link CookieJar} standing in for the browser.
 */
import { createHash, randomBytes } from 'node:crypto';

import { CookieJar } from './cookie-jar';
import { discover } from './discovery';
import { TEST_PASSWORDS } from '../src/accounts';
import { CLIENT_IDS } from '../src/clients';
import { exchangeCode, type TokenResponse } from './token-endpoint';

/** The demo portal's redirect URI at the dev IdP. */
const PORTAL_CALLBACK = 'http://localhost:4200/callback';

/** A PKCE verifier and its S256 challenge. */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
}

/** A page the IdP rendered instead of redirecting (login form, error page). */
export interface IdpPage {
  readonly url: URL;
  readonly status: number;
  readonly html: string;
}

/** Where an IdP round trip ended: back at the client's redirect URI, or on an IdP page. */
export interface FlowResult {
  /** The redirect to the client (`redirect_uri` or `post_logout_redirect_uri`), if reached. */
  readonly redirect?: URL;
  /** The IdP page shown instead, if any. */
  readonly page?: IdpPage;
  readonly jar: CookieJar;
}

/** Options of {@link authorize}. */
export interface AuthorizeOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** Default `openid profile email`. */
  readonly scope?: string;
  readonly prompt?: string;
  /** S256 challenge; by default one is generated (see the result's `codeVerifier`). */
  readonly codeChallenge?: string;
  /** Whether to send no PKCE challenge at all. */
  readonly withoutPkce?: boolean;
  readonly state?: string;
  readonly nonce?: string;
  /** The browser's cookies; pass the jar of an earlier flow to reuse its IdP session. */
  readonly jar?: CookieJar;
}

/** Result of an authorization request. */
export interface AuthorizeResult extends FlowResult {
  /** `code` of the authorization response. */
  readonly code?: string;
  /** `error` of the authorization response (e.g. `login_required`). */
  readonly error?: string;
  readonly state: string;
  readonly nonce: string;
  /** The generated PKCE verifier (undefined when a challenge was passed in or PKCE was off). */
  readonly codeVerifier?: string;
}

/** Options of {@link authorizeWithPassword}. */
export interface PasswordAuthorizeOptions extends AuthorizeOptions {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates a PKCE pair (43-character verifier, S256 challenge).
 * @returns verifier and challenge
 */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Sends an authorization request and follows the IdP's redirects until it either redirects to the
 * client (code or error) or shows a page (the login form).
 * @param options the request
 * @returns the outcome, with the cookie jar
 */
export async function authorize(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const metadata = await discover(options.issuer);
  const pkce = options.codeChallenge || options.withoutPkce ? undefined : createPkcePair();
  const state = options.state ?? randomBytes(12).toString('base64url');
  const nonce = options.nonce ?? randomBytes(12).toString('base64url');
  const url = new URL(String(metadata['authorization_endpoint']));
  const challenge = options.codeChallenge ?? pkce?.challenge;
  const params: Record<string, string | undefined> = {
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile email',
    state,
    nonce,
    prompt: options.prompt,
    code_challenge: challenge,
    code_challenge_method: challenge ? 'S256' : undefined,
  };
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  const jar = options.jar ?? new CookieJar();
  const flow = await follow(new Request(url), jar, options.redirectUri);
  return { ...flow, ...responseParams(flow.redirect), state, nonce, codeVerifier: pkce?.verifier };
}

/**
 * Submits the IdP's login form shown on `page` and follows the redirects.
 * @param page the login page returned by {@link authorize}
 * @param credentials username and password to type
 * @param jar the browser's cookies
 * @param redirectUri where the flow ends
 * @returns the outcome (a redirect with a code, or the login page again)
 */
export async function submitLogin(
  page: IdpPage,
  credentials: { readonly username: string; readonly password: string },
  jar: CookieJar,
  redirectUri: string,
): Promise<FlowResult & { readonly code?: string; readonly error?: string }> {
  const form = /<form[^>]*data-testid="idp-login-form"[^>]*>/.exec(page.html)?.[0];
  const action = form && /action="([^"]*)"/.exec(form)?.[1];
  if (!action) {
    throw new Error(`no login form on ${page.url} (status ${page.status})`);
  }
  const body = new URLSearchParams(credentials);
  const request = new Request(new URL(unescapeHtml(action), page.url), { method: 'POST', body });
  const flow = await follow(request, jar, redirectUri);
  return { ...flow, ...responseParams(flow.redirect) };
}

/**
 * Signs in through the real login form and returns the authorization code.
 * @param options the authorization request plus the credentials
 * @returns the code, PKCE verifier, state, nonce and the cookie jar (holding the IdP session)
 * @throws Error when the flow ends anywhere but at the redirect URI with a code
 */
export async function authorizeWithPassword(
  options: PasswordAuthorizeOptions,
): Promise<AuthorizeResult & { readonly code: string }> {
  const started = await authorize(options);
  const finished = started.page
    ? {
        ...started,
        ...(await submitLogin(started.page, options, started.jar, options.redirectUri)),
      }
    : started;
  if (!finished.code) {
    const where = finished.page ? `page ${finished.page.url}` : `redirect ${finished.redirect}`;
    throw new Error(`sign-in of ${options.username} did not yield a code (ended on ${where})`);
  }
  return { ...finished, code: finished.code };
}

/**
 * Signs a user in to a public client the way a browser app does: login form, code with PKCE,
 * then the token exchange.
 * @param options the authorization request plus the credentials
 * @returns the token endpoint's answer (throws unless it is 200)
 */
export async function signInForTokens(options: PasswordAuthorizeOptions): Promise<TokenResponse> {
  const flow = await authorizeWithPassword(options);
  const tokens = await exchangeCode({
    issuer: options.issuer,
    clientId: options.clientId,
    code: flow.code,
    redirectUri: options.redirectUri,
    codeVerifier: flow.codeVerifier,
  });
  if (tokens.status !== 200) {
    throw new Error(`token endpoint answered ${tokens.status}: ${JSON.stringify(tokens.body)}`);
  }
  return tokens;
}

/**
 * A test user signs in to the demo portal's client (PKCE) and gets its tokens.
 * @param issuer the dev IdP
 * @param username a test user
 * @param scope the scopes asked for
 * @returns the token endpoint's answer
 */
export function signInToPortal(
  issuer: string,
  username: keyof typeof TEST_PASSWORDS,
  scope = 'openid profile email',
): Promise<TokenResponse> {
  return signInForTokens({
    issuer,
    clientId: CLIENT_IDS.demoPortal,
    redirectUri: PORTAL_CALLBACK,
    scope,
    username,
    password: TEST_PASSWORDS[username],
  });
}

/**
 * Signs out through the end-session endpoint, submitting the IdP's logout form like a browser.
 * @param options issuer, the browser's jar, optional client and post-logout redirect URI
 * @returns the outcome (redirect to the client, or the IdP's "signed out" page)
 */
export async function signOut(options: {
  readonly issuer: string;
  readonly jar: CookieJar;
  readonly clientId?: string;
  readonly postLogoutRedirectUri?: string;
}): Promise<FlowResult> {
  const metadata = await discover(options.issuer);
  const url = new URL(String(metadata['end_session_endpoint']));
  if (options.clientId) {
    url.searchParams.set('client_id', options.clientId);
  }
  if (options.postLogoutRedirectUri) {
    url.searchParams.set('post_logout_redirect_uri', options.postLogoutRedirectUri);
  }
  const end = options.postLogoutRedirectUri ?? 'urn:none';
  const shown = await follow(new Request(url), options.jar, end);
  const html = shown.page?.html ?? '';
  const action = /<form id="op\.logoutForm"[^>]*action="([^"]*)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]*)"/.exec(html)?.[1];
  if (!shown.page || !action || !xsrf) {
    return shown;
  }
  const body = new URLSearchParams({ xsrf: unescapeHtml(xsrf), logout: 'yes' });
  const target = new URL(unescapeHtml(action), shown.page.url);
  return follow(new Request(target, { method: 'POST', body }), options.jar, end);
}

/** Follows redirects within the IdP; stops at `end` (query ignored) or at a non-redirect answer. */
async function follow(first: Request, jar: CookieJar, end: string): Promise<FlowResult> {
  let request = first;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = jar.header();
    if (cookie) {
      request.headers.set('cookie', cookie);
    }
    const response = await fetch(request, { redirect: 'manual' });
    jar.store(response);
    const html = await response.text();
    const location = response.headers.get('location');
    const url = new URL(request.url);
    if (response.status < 300 || response.status > 399 || !location) {
      return { page: { url, status: response.status, html }, jar };
    }
    const next = new URL(location, url);
    if (withoutQuery(next) === withoutQuery(new URL(end))) {
      return { redirect: next, jar };
    }
    if (next.origin !== url.origin) {
      throw new Error(`unexpected redirect from ${url} to ${next}`);
    }
    request = new Request(next);
  }
  throw new Error(`too many redirects from ${first.url}`);
}

function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function responseParams(redirect: URL | undefined): { code?: string; error?: string } {
  const params = redirect?.searchParams;
  return { code: params?.get('code') ?? undefined, error: params?.get('error') ?? undefined };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
