import {
  MAX_TIMELINE_REFRESH_MARKS,
  profileTimeline,
  type TimelineModel,
} from './profile-timeline';
import { profileFor, profileWith, profileWithAll, validProfile } from './profile.spec-helpers';
import { createDefaultProfile } from './profile-schema';

function count(model: TimelineModel, kind: string): number {
  return [...model.marks, ...model.spans].filter((item) => item.kind === kind).length;
}

describe(profileTimeline.name, () => {
  it('thins the 359 refreshes of a 300 s token to every 2nd', () => {
    const model = profileTimeline(createDefaultProfile('local'));
    expect({
      horizon: model.horizonSeconds,
      refreshCount: model.refreshCount,
      stride: model.refreshStride,
      refreshMarks: count(model, 'jwt-refresh'),
      jwtSpans: count(model, 'jwt-valid'),
      marks: model.marks.length,
    }).toEqual({
      horizon: 86_400,
      refreshCount: 359,
      stride: 2,
      refreshMarks: 179,
      jwtSpans: 180,
      marks: 183,
    });
  });

  it('shows all 102 refreshes of a 900 s token', () => {
    const model = profileTimeline(validProfile(profileWith('idp.accessTokenLifetimeSeconds', 900)));
    expect([model.refreshCount, model.refreshStride, count(model, 'jwt-refresh')]).toEqual([
      102, 1, 102,
    ]);
    expect([count(model, 'jwt-valid'), model.marks.length]).toEqual([103, 106]);
  });

  it('never draws more refresh marks than the cap', () => {
    const json = profileWithAll({
      'idp.accessTokenLifetimeSeconds': 30,
      'refresh.leadSeconds': 10,
    });
    const model = profileTimeline(validProfile(json));
    expect(model.refreshCount).toBeGreaterThan(MAX_TIMELINE_REFRESH_MARKS * 10);
    expect(count(model, 'jwt-refresh')).toBeLessThanOrEqual(MAX_TIMELINE_REFRESH_MARKS);
  });

  it('places refreshes at the cadence and keeps the marks in time order', () => {
    const model = profileTimeline(createDefaultProfile('local'));
    const refreshes = model.marks.filter((mark) => mark.kind === 'jwt-refresh');
    expect(refreshes.slice(0, 2).map((mark) => mark.atSeconds)).toEqual([480, 960]);
    const times = model.marks.map((mark) => mark.atSeconds);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('marks the first JWT expiry, both refresh tokens and the session end', () => {
    const model = profileTimeline(createDefaultProfile('local'));
    const limits = model.marks.filter((mark) => mark.kind !== 'jwt-refresh');
    expect(limits.map((mark) => [mark.kind, mark.atSeconds])).toEqual([
      ['jwt-expiry', 300],
      ['refresh-token-expiry', 86_400],
      ['refresh-token-expiry', 86_400],
      ['session-end', 86_400],
    ]);
  });

  it('stops refreshing when the IdP ends the session early', () => {
    const profile = validProfile(profileWith('idp.refreshTokenLifetimeSeconds', 12 * 3600));
    const model = profileTimeline(profile);
    const session = model.spans.find((span) => span.kind === 'session');
    const lastRefresh = model.marks.filter((mark) => mark.kind === 'jwt-refresh').at(-1);
    expect([session?.toSeconds, model.refreshCount]).toEqual([43_200, 179]);
    expect(lastRefresh?.atSeconds).toBeLessThan(43_200);
  });

  it('marks Keycloak idle and SSO limits', () => {
    const profile = validProfile(profileFor('keycloak', { ssoSessionMaxSeconds: 10 * 3600 }));
    const kinds = profileTimeline(profile).marks.map((mark) => mark.kind);
    expect(kinds).toEqual(expect.arrayContaining(['idp-idle-limit', 'idp-session-limit']));
  });

  it('leaves out marks beyond the horizon', () => {
    const model = profileTimeline(createDefaultProfile('local'), 1);
    expect(model.marks.every((mark) => mark.atSeconds <= 3600)).toBe(true);
    expect(model.spans.every((span) => span.toSeconds <= 3600)).toBe(true);
    expect(count(model, 'session-end')).toBe(0);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a horizon of %p hours',
    (hours) => {
      expect(() => profileTimeline(createDefaultProfile('local'), hours)).toThrow(RangeError);
    },
  );
});
