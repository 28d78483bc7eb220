import { DEFAULT_REFRESH_POLICY, leadTimeMs } from 'ngx-genesys-messenger-auth/core';

import { deriveLifetimes } from './derive-lifetimes';
import {
  pairs,
  profileFor,
  profileWith,
  profileWithAll,
  validProfile,
  warningsOf,
} from './profile.spec-helpers';
import { createDefaultProfile } from './profile-schema';

const DAY = 86_400;

function derive(json: Record<string, unknown>) {
  return deriveLifetimes(validProfile(json));
}

function codesAt(json: Record<string, unknown>, path: string): string[] {
  return pairs(derive(json).warnings)
    .filter(([where]) => where === path)
    .map(([, code]) => code);
}

describe(deriveLifetimes.name, () => {
  it('derives the local stack: 300 s JWT refreshed every 240 s until Genesys ends it after 24 h', () => {
    expect(deriveLifetimes(createDefaultProfile('local'))).toEqual({
      jwtLifetimeSeconds: 300,
      leadSeconds: 60,
      refreshEverySeconds: 240,
      refreshesPerDay: 360,
      sessionEndsAfterSeconds: DAY,
      sessionBoundBy: 'genesys-max-refresh-token-lifetime',
      idleLimitSeconds: undefined,
      warnings: [expect.objectContaining({ code: 'jwt-lifetime-from-access-token' })],
    });
  });

  it.each([
    [60, 60],
    [899, 899],
    [900, 900],
    [3600, 900],
  ])('gives an access token of %p s a JWT of %p s: min(15 min, access token)', (access, jwt) => {
    const lead = Math.min(30, access - 1);
    const json = profileWithAll({
      'idp.accessTokenLifetimeSeconds': access,
      'refresh.leadSeconds': lead,
    });
    expect(derive(json).jwtLifetimeSeconds).toBe(jwt);
  });

  it.each([20, 60, 300, 900])('takes the lead of a %p s JWT from the core', (access) => {
    const json = profileWithAll({
      'idp.accessTokenLifetimeSeconds': access,
      'refresh.leadSeconds': 10,
      'refresh.floorSeconds': 4,
    });
    const policy = { ...DEFAULT_REFRESH_POLICY, leadMs: 10_000, minLeadMs: 4_000 };
    const derived = derive(json);
    expect(derived.leadSeconds).toBe(leadTimeMs(access * 1000, policy) / 1000);
    expect(derived.refreshEverySeconds).toBe(access - derived.leadSeconds);
  });

  it('counts the refreshes of a day for a 15 min JWT', () => {
    const derived = derive(profileWith('idp.accessTokenLifetimeSeconds', 3600));
    expect([derived.refreshEverySeconds, derived.refreshesPerDay]).toEqual([840, 102]);
  });

  it("ends the session with the IdP refresh token when it is shorter than Genesys' one", () => {
    const derived = derive(profileWith('idp.refreshTokenLifetimeSeconds', 12 * 3600));
    expect([derived.sessionEndsAfterSeconds, derived.sessionBoundBy]).toEqual([
      12 * 3600,
      'idp-refresh-token-lifetime',
    ]);
  });

  it('ends a Keycloak session at SSO Session Max', () => {
    const derived = derive(profileFor('keycloak', { ssoSessionMaxSeconds: 8 * 3600 }));
    expect([derived.sessionEndsAfterSeconds, derived.sessionBoundBy]).toEqual([
      8 * 3600,
      'idp-sso-session-max',
    ]);
  });

  it('keeps a session alive through an idle window longer than the refresh cadence', () => {
    const derived = derive(profileFor('okta', { refreshTokenIdleSeconds: 3600 }));
    expect([derived.sessionBoundBy, derived.idleLimitSeconds]).toEqual([
      'genesys-max-refresh-token-lifetime',
      3600,
    ]);
  });

  it('ends the session after an idle window no refresh can renew', () => {
    const json = profileFor('keycloak', { refreshTokenIdleSeconds: 120 });
    const derived = derive(json);
    expect([derived.sessionEndsAfterSeconds, derived.sessionBoundBy]).toEqual([
      120,
      'idp-idle-window',
    ]);
  });

  it('names Genesys as the bound when the IdP ends the session at the same time', () => {
    expect(derive(profileWith('idp.refreshTokenLifetimeSeconds', DAY)).sessionBoundBy).toBe(
      'genesys-max-refresh-token-lifetime',
    );
  });

  describe('warnings', () => {
    it('explains that an access token under 15 min sets the JWT lifetime (info)', () => {
      const [issue] = derive(profileWith('idp.accessTokenLifetimeSeconds', 600)).warnings;
      expect(issue).toEqual({
        path: 'idp.accessTokenLifetimeSeconds',
        code: 'jwt-lifetime-from-access-token',
        severity: 'info',
        message: expect.stringContaining('10 min'),
      });
    });

    it('says nothing about the JWT lifetime for an access token of 15 min', () => {
      const json = profileWith('idp.accessTokenLifetimeSeconds', 900);
      expect(codesAt(json, 'idp.accessTokenLifetimeSeconds')).toEqual([]);
    });

    it('warns when the scopes lack offline_access for an IdP that needs it', () => {
      const json = profileWith('idp.scopes', ['openid', 'profile']);
      expect(codesAt(json, 'idp.scopes')).toEqual(['missing-offline-access']);
    });

    it.each(['keycloak', 'pingone', 'cognito'] as const)(
      'does not ask %s for offline_access',
      (kind) => {
        expect(codesAt(profileFor(kind, { scopes: ['openid'] }), 'idp.scopes')).toEqual([]);
      },
    );

    it.each([
      [
        { accessTokenLifetimeSeconds: 3600, refreshTokenIdleSeconds: 1800 },
        'refreshTokenIdleSeconds',
      ],
      [
        { refreshTokenIdleSeconds: 30 * DAY, refreshTokenLifetimeSeconds: 7 * DAY },
        'refreshTokenLifetimeSeconds',
      ],
      [
        { accessTokenLifetimeSeconds: 7200, refreshTokenLifetimeSeconds: 3600 },
        'refreshTokenLifetimeSeconds',
      ],
    ])('warns when Okta is not access ≤ window ≤ refresh (%p)', (idp, field) => {
      expect(codesAt(profileFor('okta', idp), `idp.${field}`)).toContain('okta-window-order');
    });

    it('accepts Okta windows in order', () => {
      const idp = { refreshTokenIdleSeconds: 7 * DAY, refreshTokenLifetimeSeconds: 90 * DAY };
      expect(pairs(derive(profileFor('okta', idp)).warnings)).toEqual([]);
    });

    it.each([
      [7 * DAY, ['entra-spa-refresh-fixed']],
      [DAY, []],
    ])('checks an Entra refresh token of %p s against the fixed 24 h', (seconds, codes) => {
      const json = profileFor('entra', { refreshTokenLifetimeSeconds: seconds });
      expect(codesAt(json, 'idp.refreshTokenLifetimeSeconds')).toEqual(codes);
    });

    it.each([
      ['refreshTokenIdleSeconds', 'ssoSessionIdleSeconds'],
      ['refreshTokenLifetimeSeconds', 'ssoSessionMaxSeconds'],
    ])('warns when Keycloak %s exceeds %s', (client, sso) => {
      const json = profileFor('keycloak', { [sso]: 3600, [client]: 3601 });
      expect(codesAt(json, `idp.${client}`)).toContain('keycloak-client-exceeds-sso');
    });

    it('accepts Keycloak client values equal to the SSO values', () => {
      const idp = { refreshTokenIdleSeconds: 1800, refreshTokenLifetimeSeconds: 36_000 };
      expect(pairs(derive(profileFor('keycloak', idp)).warnings)).toEqual([
        ['idp.accessTokenLifetimeSeconds', 'jwt-lifetime-from-access-token'],
        ['idp.refreshTokenLifetimeSeconds', 'idp-session-shorter-than-genesys'],
      ]);
    });

    it.each([
      [150, []],
      [151, ['lead-close-to-jwt-lifetime']],
    ])('checks a lead of %p s against half a 300 s JWT', (lead, codes) => {
      expect(codesAt(profileWith('refresh.leadSeconds', lead), 'refresh.leadSeconds')).toEqual(
        codes,
      );
    });

    it('warns when the IdP ends the session before the Genesys refresh token expires', () => {
      const json = profileWith('idp.refreshTokenLifetimeSeconds', DAY - 1);
      expect(codesAt(json, 'idp.refreshTokenLifetimeSeconds')).toEqual([
        'idp-session-shorter-than-genesys',
      ]);
    });

    it('warns when the idle window is not longer than the refresh cadence', () => {
      const json = profileWith('idp.refreshTokenIdleSeconds', 240);
      expect(codesAt(json, 'idp.refreshTokenIdleSeconds')).toEqual([
        'idle-window-shorter-than-refresh',
      ]);
    });

    it.each([
      [3599, ['outside-recommended-range']],
      [3600, []],
      [5400, []],
      [5401, ['outside-recommended-range']],
    ])('checks an Entra access token of %p s against the usual 60–90 min', (seconds, codes) => {
      const json = profileFor('entra', { accessTokenLifetimeSeconds: seconds });
      expect(codesAt(json, 'idp.accessTokenLifetimeSeconds')).toEqual(codes);
    });

    it('includes the lifetime warnings in validateProfile', () => {
      const json = profileWith('idp.refreshTokenLifetimeSeconds', 3600);
      expect(warningsOf(json)).toEqual(pairs(derive(json).warnings));
    });
  });
});
