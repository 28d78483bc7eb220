import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { openDatabase, type Db } from './database';
import { ProfileStore } from './profile-store';
import { SEED_ACTOR, SEED_PROFILE, seedDemoProfile } from './seed';

describe('seedDemoProfile', () => {
  let db: Db;
  let store: ProfileStore;

  beforeEach(() => {
    db = openDatabase(':memory:').db;
    store = new ProfileStore(db);
  });
  afterEach(() => db.close());

  it('publishes the demo profile as version 1 into an empty database, with its audit entries', () => {
    expect(seedDemoProfile(store)).toBe(true);
    expect(store.list()).toEqual([
      expect.objectContaining({ name: SEED_PROFILE, latestVersion: 1, unpublishedChanges: false }),
    ]);
    expect(store.audit.list({ limit: 10 })).toEqual([
      expect.objectContaining({ action: 'publish', actorName: SEED_ACTOR.name }),
      expect.objectContaining({ action: 'create', detail: { from: 'seed' } }),
    ]);
  });

  it('lets the demo portal read the profile on 127.0.0.1 as well as on localhost', () => {
    seedDemoProfile(store);
    const published = store.version(SEED_PROFILE, 'latest')?.document as DeploymentProfile;
    expect(published.genesys.allowedDomains).toEqual(['localhost', '127.0.0.1']);
  });

  it('does nothing the second time', () => {
    seedDemoProfile(store);
    expect(seedDemoProfile(store)).toBe(false);
    expect(store.versions(SEED_PROFILE)).toHaveLength(1);
  });

  it('does not bring the demo profile back after every profile was deleted', () => {
    seedDemoProfile(store);
    store.delete(SEED_PROFILE, undefined, { sub: 'sub-ada', name: 'ada' });
    expect(seedDemoProfile(store)).toBe(false);
    expect(store.list()).toEqual([]);
  });
});
