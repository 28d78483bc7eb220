import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { IDP_ISSUER } from './stack';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** What came back to the redirect URI of an authorization request. */
export interface AuthorizationOutcome {
  /** The redirect URI with its query, as the browser was sent to it. */
  readonly redirect: URL;
  /** Whether the browser showed any page of the IdP (a login page) on the way. */
  readonly sawIdpPage: boolean;
}

/** An authorization request (code + PKCE S256, fresh state and nonce) for the given client. */
export function authorizationUrl(options: {
  clientId: string;
  redirectUri: string;
  prompt?: 'none' | 'login';
  scope?: string;
}): { url: string; state: string } {
  const state = base64url(randomBytes(16));
  const verifier = base64url(randomBytes(32));
  const url = new URL(`${IDP_ISSUER}/auth`);
  url.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile',
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    ...(options.prompt ? { prompt: options.prompt } : {}),
  }).toString();
  return { url: url.toString(), state };
}

/**
 * Sends the page to an authorization URL and captures where the IdP redirects it, without letting
 * the app at the redirect URI consume the answer.
 */
export async function followAuthorization(
  page: Page,
  url: string,
  redirectUri: string,
): Promise<AuthorizationOutcome> {
  let redirect: URL | undefined;
  let sawIdpPage = false;
  const onResponse = (response: { url(): string; status(): number; request(): { resourceType(): string } }) => {
    const isDocument = response.request().resourceType() === 'document';
    if (isDocument && response.url().startsWith(IDP_ISSUER) && response.status() === 200) {
      sawIdpPage = true;
    }
  };
  page.on('response', onResponse);
  await page.route(`${redirectUri}**`, async (route) => {
    redirect = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'captured by the test' });
  });
  try {
    await page.goto(url);
    await page.waitForURL((current) => current.toString().startsWith(redirectUri));
  } finally {
    page.off('response', onResponse);
    await page.unroute(`${redirectUri}**`);
  }
  if (!redirect) throw new Error(`the IdP never redirected to ${redirectUri}`);
  return { redirect, sawIdpPage };
}
