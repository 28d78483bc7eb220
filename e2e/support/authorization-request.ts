import { createHash, randomBytes } from 'node:crypto';
import type { Page, Response } from '@playwright/test';
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
 * Sends the page to the IdP with `navigate` and captures the request the IdP redirects the main
 * frame to, noting whether the IdP showed a page of its own on the way.
 * (`page.route` cannot be used: it does not see the targets of redirects.)
 */
export async function captureAuthorization(
  page: Page,
  redirectUri: string,
  navigate: () => Promise<unknown>,
): Promise<AuthorizationOutcome> {
  let sawIdpPage = false;
  const onResponse = (response: Response) => {
    const isDocument = response.request().resourceType() === 'document';
    if (isDocument && response.url().startsWith(IDP_ISSUER) && response.status() === 200) {
      sawIdpPage = true;
    }
  };
  page.on('response', onResponse);
  try {
    const redirected = page.waitForRequest(
      (request) => request.frame() === page.mainFrame() && request.url().startsWith(redirectUri),
    );
    // The navigation may tear down what started it before it answers.
    await navigate().catch(() => undefined);
    const request = await redirected;
    return { redirect: new URL(request.url()), sawIdpPage };
  } finally {
    page.off('response', onResponse);
  }
}

/** Sends the page to an authorization URL and captures the request the IdP redirects it to. */
export function followAuthorization(
  page: Page,
  url: string,
  redirectUri: string,
): Promise<AuthorizationOutcome> {
  return captureAuthorization(page, redirectUri, () => page.goto(url, { waitUntil: 'commit' }));
}
