/** The `demo` profile an empty database starts with, published as version 1. */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { checkDraft, publishBlockers } from './profile-rules';
import type { Actor, ProfileStore } from './profile-store';

/** The name of the seeded profile. */
export const SEED_PROFILE = 'demo';

/** The actor of the seed in the audit trail. */
export const SEED_ACTOR: Actor = { sub: 'profile-server', name: 'profile-server (seed)' };

/**
 * Creates and publishes the `demo` profile when the database has never held a profile.
 * @param store the store
 * @returns whether it seeded
 */
export function seedDemoProfile(store: ProfileStore): boolean {
  if (!store.isEmpty()) return false;
  const { profile } = checkDraft(seedProfile(), SEED_PROFILE);
  const draft = store.create(SEED_PROFILE, profile, SEED_ACTOR, { from: 'seed' });
  if (!draft) return false;
  const outcome = store.publish(SEED_PROFILE, draft.etag, SEED_ACTOR, publishBlockers);
  if (outcome.kind !== 'published') throw new Error(`seeding failed: ${outcome.kind}`);
  return true;
}

/**
 * The schema's default profile, also allowed on `127.0.0.1`: the demo portal is opened there too,
 * as another site than the IdP on `localhost` (the e2e project `cross-site`).
 */
function seedProfile(): DeploymentProfile {
  const defaults = createDefaultProfile(SEED_PROFILE);
  const domains = new Set([...defaults.genesys.allowedDomains, '127.0.0.1']);
  return { ...defaults, genesys: { ...defaults.genesys, allowedDomains: [...domains] } };
}
