/** The `demo` profile an empty database starts with, published as version 1. */
import { createDefaultProfile, type DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import type { ProfileRules } from './profile-rules';
import type { Actor, ProfileStore } from './profile-store';

/** The name of the seeded profile. */
export const SEED_PROFILE = 'demo';

/** The actor of the seed in the audit trail. */
export const SEED_ACTOR: Actor = { sub: 'profile-server', name: 'profile-server (seed)' };

/** What {@link seedDemoProfile} did. */
export type SeedOutcome = 'seeded' | 'not-empty' | 'environment-not-allowed';

/**
 * Creates and publishes the `demo` profile when the database has never held a profile. Its
 * Genesys environment is the local simulator, so it is seeded only where the server allows that
 * origin (`--allowed-environment-origins`), as the local stack does.
 * @param store the store
 * @param rules the server's rules
 * @returns what it did
 */
export async function seedDemoProfile(
  store: ProfileStore,
  rules: ProfileRules,
): Promise<SeedOutcome> {
  if (!(await store.isEmpty())) return 'not-empty';
  if (rules.publishBlockers(seedProfile())) return 'environment-not-allowed';
  const { profile } = rules.checkDraft(seedProfile(), SEED_PROFILE);
  const draft = await store.create(SEED_PROFILE, profile, SEED_ACTOR, { from: 'seed' });
  if (!draft) return 'not-empty';
  const outcome = await store.publish(SEED_PROFILE, draft.etag, SEED_ACTOR, rules.publishBlockers);
  if (outcome.kind !== 'published') throw new Error(`seeding failed: ${outcome.kind}`);
  return 'seeded';
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
