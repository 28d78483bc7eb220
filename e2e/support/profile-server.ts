import { expect, type APIRequestContext } from '@playwright/test';
import { CLIENT_IDS, signInForTokens, TEST_PASSWORDS } from '../../projects/dev-idp/testing';
import { SIM_ORIGIN } from './genesys-sim';
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

/**
 * Saves the seeded `demo` profile's draft as `edit` changes it, as ada, and publishes it.
 * @returns the publish answer's status: 201, or 409 when the published version holds it already
 */
export async function publishDemo(
  request: APIRequestContext,
  edit: (draft: DemoDraft) => DemoDraft,
): Promise<number> {
  const auth = { authorization: `Bearer ${await adminAppToken('ada')}` };
  const url = `${ADMIN_API}/profiles/demo`;
  const current = await request.get(url, { headers: auth });
  expect(current.status(), 'reading the demo draft').toBe(200);
  const { draft } = (await current.json()) as { draft: DemoDraft };
  const saved = await request.put(url, {
    headers: { ...auth, 'if-match': current.headers()['etag'] ?? '' },
    data: edit(draft),
  });
  expect(saved.status(), 'saving the demo draft').toBe(200);
  const published = await request.post(`${url}/publish`, {
    headers: { ...auth, 'if-match': saved.headers()['etag'] ?? '' },
  });
  // 409 nothing-to-publish: the published version holds these values already.
  expect([201, 409], 'publishing the demo draft').toContain(published.status());
  return published.status();
}

/**
 * Publishes the seeded `demo` profile's values again — the simulator as Genesys, a 300 s IdP
 * access token, a 60 s refresh lead and a login page when needed, the field report's settings —
 * so a spec that changes them starts from, and leaves, what a fresh database holds.
 */
export async function publishDemoBaseline(request: APIRequestContext): Promise<void> {
  await publishDemo(request, (draft) => ({
    ...draft,
    genesys: { ...draft.genesys, environment: SIM_ORIGIN },
    idp: { ...draft.idp, accessTokenLifetimeSeconds: 300 },
    refresh: { ...draft.refresh, leadSeconds: 60, reauthMode: 'silent-then-interactive' },
  }));
}

/** The parts of a draft the specs change; the rest passes through as read. */
export interface DemoDraft {
  readonly genesys: Record<string, unknown>;
  readonly idp: Record<string, unknown>;
  readonly refresh: Record<string, unknown>;
}
