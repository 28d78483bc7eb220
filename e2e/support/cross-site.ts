/**
 * The world of the Playwright project `cross-site`: the demo portal on http://127.0.0.1:4200, the
 * IdP on http://localhost:4400 — two *sites* — in a Chromium that blocks third-party cookies, as
 * Safari, Firefox and Chrome with blocking on do. A hidden iframe of the portal then cannot see
 * the IdP session; a top-level redirect still can.
 *
 * Specs of the project (`cross-site.<topic>.spec.ts`) import `test` from here: it gives each test
 * a fresh Chromium profile whose cookie setting is {@link ThirdPartyCookies} (`blocked` unless a
 * spec says `test.use({ thirdPartyCookies: 'allowed' })`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { ADMIN_API, adminAppToken, PROFILE_SERVER } from './profile-server';
import { CROSS_SITE_PORTAL } from './stack';

/** Whether Chromium sends cookies in cross-site frames and subresource requests. */
export type ThirdPartyCookies = 'blocked' | 'allowed';

/**
 * Chromium's own setting (Settings → Privacy → Third-party cookies), the profile preference
 * `profile.cookie_controls_mode`: 0 allows third-party cookies, 1 blocks them. Playwright cannot
 * set it in the incognito-like contexts of `browser.newContext()`, so each test gets a persistent
 * context on a fresh profile that holds it.
 */
const COOKIE_CONTROLS_MODE: Record<ThirdPartyCookies, number> = { allowed: 0, blocked: 1 };

/** The published `demo` profile and its admin API. */
const DEMO_PUBLISHED = `${PROFILE_SERVER}/profiles/demo/published`;
const DEMO_ADMIN = `${ADMIN_API}/profiles/demo`;
/** The allowed domain that lets the portal on {@link CROSS_SITE_PORTAL} read the profile. */
const CROSS_SITE_DOMAIN = new URL(CROSS_SITE_PORTAL).hostname;

/** `test` of the `cross-site` project. */
export const test = base.extend<
  { thirdPartyCookies: ThirdPartyCookies },
  { crossSiteProfile: void }
>({
  thirdPartyCookies: ['blocked', { option: true }],

  crossSiteProfile: [
    async ({ playwright }, use) => {
      const request = await playwright.request.newContext();
      await allowCrossSitePortal(request);
      await request.dispose();
      await use();
    },
    { scope: 'worker', auto: true },
  ],

  context: async (
    { playwright, launchOptions, headless, contextOptions, baseURL, thirdPartyCookies },
    use,
  ) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'e2e-cross-site-'));
    try {
      await mkdir(join(userDataDir, 'Default'));
      const preferences = {
        profile: { cookie_controls_mode: COOKIE_CONTROLS_MODE[thirdPartyCookies] },
      };
      await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
      const context = await playwright.chromium.launchPersistentContext(userDataDir, {
        ...launchOptions,
        headless,
        ...contextOptions,
        baseURL,
      });
      await use(context);
      await context.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  },

  // A persistent context opens with a tab: use it rather than a second one.
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

/**
 * Makes sure the published `demo` profile lets the portal on 127.0.0.1 read it. A database seeded
 * before the seed listed that domain lacks it: then `127.0.0.1` is added to the profile's allowed
 * domains and published (what an admin would do in the admin app).
 */
export async function allowCrossSitePortal(request: APIRequestContext): Promise<void> {
  const published = await request.get(DEMO_PUBLISHED, { headers: { origin: CROSS_SITE_PORTAL } });
  expect(published.status(), 'reading the published demo profile').toBe(200);
  if (published.headers()['access-control-allow-origin'] === CROSS_SITE_PORTAL) return;

  const auth = { authorization: `Bearer ${await adminAppToken('ada')}` };
  const current = await request.get(DEMO_ADMIN, { headers: auth });
  expect(current.status(), 'reading the demo draft').toBe(200);
  const { draft } = (await current.json()) as { draft: { genesys: { allowedDomains: string[] } } };
  const saved = await request.put(DEMO_ADMIN, {
    headers: { ...auth, 'if-match': current.headers()['etag'] ?? '' },
    data: {
      ...draft,
      genesys: {
        ...draft.genesys,
        allowedDomains: [...draft.genesys.allowedDomains, CROSS_SITE_DOMAIN],
      },
    },
  });
  expect(saved.status(), 'saving the demo draft').toBe(200);
  const publishing = await request.post(`${DEMO_ADMIN}/publish`, {
    headers: { ...auth, 'if-match': saved.headers()['etag'] ?? '' },
  });
  expect(publishing.status(), 'publishing the demo draft').toBe(201);
}
