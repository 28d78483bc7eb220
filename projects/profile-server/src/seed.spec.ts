import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { openTestStore, type TestStore } from '../testing/test-store';
import { profileRules } from './profile-rules';
import type { ProfileStore } from './profile-store';
import { SEED_ACTOR, SEED_PROFILE, seedDemoProfile } from './seed';

const rules = profileRules({ environmentOrigins: ['http://localhost:4500'] });
const ada = { sub: 'sub-ada', name: 'ada' };

describe('seedDemoProfile', () => {
  let opened: TestStore;
  let store: ProfileStore;

  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
  });
  afterEach(() => opened.close());

  it('publishes the demo profile as version 1 into an empty database, with its audit entries', async () => {
    expect(await seedDemoProfile(store, rules)).toBe('seeded');
    expect(await store.list()).toEqual([
      expect.objectContaining({ name: SEED_PROFILE, latestVersion: 1, unpublishedChanges: false }),
    ]);
    expect(await store.audit.list({ limit: 10 })).toEqual([
      expect.objectContaining({ action: 'publish', actorName: SEED_ACTOR.name }),
      expect.objectContaining({ action: 'create', detail: { from: 'seed' } }),
    ]);
  });

  it('lets the demo portal read the profile on 127.0.0.1 as well as on localhost', async () => {
    await seedDemoProfile(store, rules);
    const published = (await store.version(SEED_PROFILE, 'latest'))?.document as DeploymentProfile;
    expect(published.genesys.allowedDomains).toEqual(['localhost', '127.0.0.1']);
  });

  it('does nothing the second time', async () => {
    await seedDemoProfile(store, rules);
    expect(await seedDemoProfile(store, rules)).toBe('not-empty');
    expect(await store.versions(SEED_PROFILE)).toHaveLength(1);
  });

  it('does not bring the demo profile back after every profile was deleted', async () => {
    await seedDemoProfile(store, rules);
    const etag = (await store.get(SEED_PROFILE))?.etag ?? '';
    expect((await store.unpublish(SEED_PROFILE, etag, ada)).kind).toBe('unpublished');
    expect(await store.delete(SEED_PROFILE, etag, ada)).toEqual({ kind: 'deleted' });
    expect(await seedDemoProfile(store, rules)).toBe('not-empty');
    expect(await store.list()).toEqual([]);
  });

  it('seeds nothing where the simulator is not an allowed environment origin', async () => {
    expect(await seedDemoProfile(store, profileRules({ environmentOrigins: [] }))).toBe(
      'environment-not-allowed',
    );
    expect(await store.list()).toEqual([]);
  });
});
