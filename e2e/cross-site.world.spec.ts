import { expect, type Page } from '@playwright/test';
import { authorizationUrl } from './support/authorization-request';
import { signInWithMessenger } from './support/bridge';
import { test } from './support/cross-site';
import { account, signInAtIdp } from './support/idp-login';
import { authorizeAtTopLevel, authorizeInHiddenIframe } from './support/silent-authorization';
import { CROSS_SITE_PORTAL, IDP_ISSUER, PORTAL_ORIGIN } from './support/stack';

// The world the `cross-site` project builds, proved without the bridge: requests of the Genesys
// Messenger client are sent from a script-free page of the portal's origin, the way the bridge
// sends them (a hidden iframe, or the whole page).

const alice = account('alice');
const MESSENGER_CLIENT = 'genesys-messenger';
/** The portal's static page without script: a page of the portal's origin that does nothing. */
const QUIET_PAGE = '/messenger-silent-callback.html';

/** Alice signs in at the IdP from a page of the portal (top level): the IdP session starts. */
async function aliceSignsInFrom(page: Page, portal: string): Promise<void> {
  const redirectUri = `${portal}${QUIET_PAGE}`;
  await page.goto(redirectUri);
  const { url } = authorizationUrl({ clientId: MESSENGER_CLIENT, redirectUri, prompt: 'login' });
  await page.goto(url);
  await signInAtIdp(page, alice);
  await expect(page).toHaveURL(
    (at) => at.href.startsWith(redirectUri) && at.searchParams.has('code'),
  );
}

/** A `prompt=none` request of the Messenger client, answered to `path` on the portal. */
function silentRequest(portal: string, path: string) {
  const redirectUri = `${portal}${path}`;
  return {
    redirectUri,
    ...authorizationUrl({ clientId: MESSENGER_CLIENT, redirectUri, prompt: 'none' }),
  };
}

async function hiddenIframeAnswer(page: Page, portal: string): Promise<URL | undefined> {
  const { url, redirectUri, state } = silentRequest(portal, QUIET_PAGE);
  const answer = await authorizeInHiddenIframe(page, url, redirectUri);
  if (answer) expect(answer.searchParams.get('state')).toBe(state);
  return answer;
}

test.describe('The cross-site world: portal on 127.0.0.1, IdP on localhost, third-party cookies blocked', () => {
  test('the IdP session is a SameSite=None cookie of the IdP, which the portal’s hidden iframe does not get', async ({
    page,
    context,
  }) => {
    await aliceSignsInFrom(page, CROSS_SITE_PORTAL);
    expect(await context.cookies(IDP_ISSUER)).toContainEqual(
      expect.objectContaining({ name: '_session', sameSite: 'None', secure: true }),
    );

    const answer = await hiddenIframeAnswer(page, CROSS_SITE_PORTAL);

    expect(answer, 'the hidden iframe came back').toBeDefined();
    expect(answer?.searchParams.get('error')).toBe('login_required');
    expect(answer?.searchParams.get('code')).toBeNull();
  });

  test('a top-level prompt=none redirect still returns a code, without a login page', async ({
    page,
  }) => {
    await aliceSignsInFrom(page, CROSS_SITE_PORTAL);
    const { url, redirectUri, state } = silentRequest(CROSS_SITE_PORTAL, '/messenger/callback');

    const { redirect, sawIdpPage } = await authorizeAtTopLevel(page, url, redirectUri);

    expect(redirect.searchParams.get('state')).toBe(state);
    expect(redirect.searchParams.get('iss')).toBe(IDP_ISSUER);
    expect(redirect.searchParams.get('error')).toBeNull();
    expect(redirect.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(sawIdpPage).toBe(false);
  });

  test('alice signs in to the portal and to Messenger on 127.0.0.1', async ({ page }) => {
    await signInWithMessenger(page);
    expect(new URL(page.url()).origin).toBe(CROSS_SITE_PORTAL);
  });

  test.describe('controls: only the blocking of third-party cookies keeps the session out', () => {
    test('on the portal’s localhost origin (same site as the IdP) the hidden iframe gets a code', async ({
      page,
    }) => {
      await aliceSignsInFrom(page, PORTAL_ORIGIN);

      const answer = await hiddenIframeAnswer(page, PORTAL_ORIGIN);

      expect(answer?.searchParams.get('error')).toBeNull();
      expect(answer?.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    });

    test.describe('with third-party cookies allowed', () => {
      test.use({ thirdPartyCookies: 'allowed' });

      test('the portal’s hidden iframe on 127.0.0.1 gets a code', async ({ page }) => {
        await aliceSignsInFrom(page, CROSS_SITE_PORTAL);

        const answer = await hiddenIframeAnswer(page, CROSS_SITE_PORTAL);

        expect(answer?.searchParams.get('error')).toBeNull();
        expect(answer?.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
      });
    });
  });
});
