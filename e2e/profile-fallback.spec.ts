/**
 * A published profile the portal refuses (issue items 5 and 6): the profile server publishes a
 * `demo` profile naming, as its Genesys environment, an origin that is no Genesys region and that
 * the portal does not allow. The reloaded portal keeps Messenger signed in on its last good copy,
 * requests nothing from that origin, and reports NGMA4181.
 */
import { expect, test } from '@playwright/test';
import { bridgeState, signInWithMessenger } from './support/bridge';
import { MessengerWidget } from './support/messenger-widget';
import { PROFILE_SERVER, publishDemo, publishDemoBaseline } from './support/profile-server';

/**
 * Accepted by the profile server (the local stack's `--allowed-environment-origins` lists it),
 * refused by the portal: the server's and the portal's allow-lists disagree.
 */
const ATTACKER = 'https://genesys.untrusted.example';
const PUBLISHED = `${PROFILE_SERVER}/profiles/demo/published`;

// Each test starts from, and leaves behind, the demo profile a fresh database holds.
test.beforeEach(({ request }) => publishDemoBaseline(request));
test.afterEach(({ request }) => publishDemoBaseline(request));

test('a profile naming an origin the portal does not allow leaves the portal on its last good copy', async ({
  page,
  request,
}) => {
  // Signing in loads, and keeps, the good profile.
  await signInWithMessenger(page);
  const status = await publishDemo(request, (draft) => ({
    ...draft,
    genesys: { ...draft.genesys, environment: ATTACKER },
  }));
  expect(status, 'publishing the attacker origin').toBe(201);

  const toAttacker: string[] = [];
  page.on('request', (sent) => {
    if (new URL(sent.url()).origin === ATTACKER) toAttacker.push(sent.url());
  });
  // Nothing may leave the machine, even if the portal asked.
  await page.route(`${ATTACKER}/**`, (route) => route.abort());
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });

  const served = page.waitForResponse(PUBLISHED);
  await page.reload();
  const document = (await (await served).json()) as { bridge: { environment: string } };
  expect(document.bridge.environment, 'the portal read the new document').toBe(ATTACKER);

  await new MessengerWidget(page).expectStatus('authenticated');
  await expect(bridgeState(page)).toHaveAttribute('data-state', 'authenticated');
  await expect
    .poll(() => warnings.find((text) => text.includes('NGMA4181')))
    // Production builds give the code and the field, not the text (which names the origin).
    .toMatch(/NGMA4181\b.*using the last good copy \(version \d+\)/);
  expect(toAttacker).toEqual([]);
});
