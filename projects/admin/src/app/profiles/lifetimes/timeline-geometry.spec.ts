import { createDefaultProfile, profileTimeline } from 'ngx-genesys-messenger-auth/profile';

import { clockLabel, timelineGeometry } from './timeline-geometry';

describe(timelineGeometry.name, () => {
  const model = profileTimeline(createDefaultProfile('local'), 24);
  const geometry = timelineGeometry(model, 720);

  it('draws one bar per JWT span of the model', () => {
    expect(geometry.jwts.length).toBe(model.spans.filter((s) => s.kind === 'jwt-valid').length);
  });

  it('alternates JWT bars between two rows so overlapping JWTs stay apart', () => {
    expect(geometry.jwts[0].y).not.toBe(geometry.jwts[1].y);
    expect(geometry.jwts[0].y).toBe(geometry.jwts[2].y);
  });

  it('draws the session from sign-in to its end, here the whole day', () => {
    expect(geometry.session?.x).toBe(12);
    expect(geometry.session?.width).toBeCloseTo(696);
  });

  it('places a refresh tick and a limit line where the model says', () => {
    const firstRefresh = model.marks.find((m) => m.kind === 'jwt-refresh');
    const expiry = model.marks.find((m) => m.kind === 'jwt-expiry');

    expect(geometry.refreshes[0].x).toBeCloseTo(12 + (firstRefresh!.atSeconds / 86_400) * 696);
    expect(geometry.limits.find((l) => l.kind === 'jwt-expiry')?.x).toBeCloseTo(
      12 + (expiry!.atSeconds / 86_400) * 696,
    );
  });

  it('labels the axis every 3 hours over a day', () => {
    expect(geometry.ticks.map((t) => t.label)).toEqual([
      '0 h',
      '3 h',
      '6 h',
      '9 h',
      '12 h',
      '15 h',
      '18 h',
      '21 h',
      '24 h',
    ]);
  });
});

describe(clockLabel.name, () => {
  it('writes hours and minutes after sign-in', () => {
    expect(clockLabel(0)).toBe('0:00');
    expect(clockLabel(240)).toBe('0:04');
    expect(clockLabel(86_400)).toBe('24:00');
  });
});
