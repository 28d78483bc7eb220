import { expect, type APIRequestContext } from '@playwright/test';
import { CLIENT_IDS, signInForTokens, TEST_PASSWORDS } from '../../projects/dev-idp/testing';
import { IDP_ISSUER } from './stack';

/** Where the profile server answers, and its admin API. */
export const PROFILE_SERVER = 'http://localhost:4600';
export const ADMIN_API = `${PROFILE_SERVER}/admin`;
/** The admin app. */
export const ADMIN_APP = 'http://localhost:4300';

/**
 * An access token of the admin app's client for a test user, got the way the admin app gets one
 * (authorization code with PKCE at the dev IdP).
 */
export async function adminAppToken(username: keyof typeof TEST_PASSWORDS): Promise<string> {
  const tokens = await signInForTokens({
    issuer: IDP_ISSUER,
    clientId: CLIENT_IDS.admin,
    redirectUri: `${ADMIN_APP}/callback`,
    scope: 'openid profile roles',
    username,
    password: TEST_PASSWORDS[username],
  });
  return String(tokens.body['access_token']);
}

/** Creates a profile with the schema's defaults through the admin API and returns its name. */
export async function createProfile(
  request: APIRequestContext,
  token: string,
  prefix: string,
): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}`;
  const response = await request.post(`${ADMIN_API}/profiles`, {
    headers: { authorization: `Bearer ${token}` },
    data: { name },
  });
  expect(response.status(), `creating ${name} answered ${response.status()}`).toBe(201);
  return name;
}
