import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { openDatabase, type Db } from './database';
import { profileRules } from './profile-rules';
import { ProfileStore } from './profile-store';
import { SEED_ACTOR, SEED_PROFILE, seedDemoProfile } from './seed';

const rules = profileRules({ environmentOrigins: ['http://localhost:4500'] });
const ada = { sub: 'sub-ada', name: 'ada' };

describe('seedDemoProfile', () => {
  let db: Db;
  let store: ProfileStore;

  beforeEach(() => {
    db = openDatabase(':memory:').db;
    store = new ProfileStore(db);
  });
  afterEach(() => db.close());

  it('publishes the demo profile as version 1 into an empty database, with its audit entries', () => {
    expect(seedDemoProfile(store, rules)).toBe('seeded');
    expect(store.list()).toEqual([
      expect.objectContaining({ name: SEED_PROFILE, latestVersion: 1, unpublishedChanges: false }),
    ]);
    expect(store.audit.list({ limit: 10 })).toEqual([
      expect.objectContaining({ action: 'publish', actorName: SEED_ACTOR.name }),
      expect.objectContaining({ action: 'create', detail: { from: 'seed' } }),
    ]);
  });

  it('lets the demo portal read the profile on 127.0.0.1 as well as on localhost', () => {
    seedDemoProfile(store, rules);
    const published = store.version(SEED_PROFILE, 'latest')?.document as DeploymentProfile;
    expect(published.genesys.allowedDomains).toEqual(['localhost', '127.0.0.1']);
  });

  it('does nothing the second time', () => {
    seedDemoProfile(store, rules);
    expect(seedDemoProfile(store, rules)).toBe('not-empty');
    expect(store.versions(SEED_PROFILE)).toHaveLength(1);
  });

  it('does not bring the demo profile back after every profile was deleted', () => {
    seedDemoProfile(store, rules);
    const etag = store.get(SEED_PROFILE)?.etag ?? '';
    expect(store.unpublish(SEED_PROFILE, etag, ada).kind).toBe('unpublished');
    expect(store.delete(SEED_PROFILE, etag, ada)).toEqual({ kind: 'deleted' });
    expect(seedDemoProfile(store, rules)).toBe('not-empty');
    expect(store.list()).toEqual([]);
  });

  it('seeds nothing where the simulator is not an allowed environment origin', () => {
    expect(seedDemoProfile(store, profileRules({ environmentOrigins: [] }))).toBe(
      'environment-not-allowed',
    );
    expect(store.list()).toEqual([]);
  });
});
