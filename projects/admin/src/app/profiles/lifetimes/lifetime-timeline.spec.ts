import { TestBed } from '@angular/core/testing';
import {
  createDefaultProfile,
  type DeploymentProfile,
  profileTimeline,
} from 'ngx-genesys-messenger-auth/profile';

import { LifetimeTimeline } from './lifetime-timeline';

function render(profile: DeploymentProfile): HTMLElement {
  const fixture = TestBed.createComponent(LifetimeTimeline);
  fixture.componentRef.setInput('model', profileTimeline(profile, 24));
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe(LifetimeTimeline.name, () => {
  const local = createDefaultProfile('local');

  it('gives the drawing an accessible name and description', () => {
    const host = render(local);
    const svg = host.querySelector('svg[role="img"]')!;
    const title = host.querySelector(`#${svg.getAttribute('aria-labelledby')}`);
    const desc = host.querySelector(`#${svg.getAttribute('aria-describedby')}`);

    expect(title?.textContent).toContain('Session timeline, first 24 hours');
    expect(desc?.textContent).toContain('refreshed every 4 min');
  });

  it('lists every event of the picture as text', () => {
    const host = render(local);
    const events = [...host.querySelectorAll('[data-testid="timeline-events"] li')].map((li) =>
      li.textContent?.trim().replace(/\s+/g, ' '),
    );
    const limits = profileTimeline(local, 24).marks.filter((m) => m.kind !== 'jwt-refresh');

    expect(events).toHaveLength(limits.length);
    expect(events[0]).toBe(`0:05 ${limits[0].label}`);
  });

  it('draws a line for each refresh and each limit', () => {
    const host = render(local);
    const model = profileTimeline(local, 24);

    expect(host.querySelectorAll('svg[role="img"] line.mark')).toHaveLength(model.marks.length);
  });

  it('updates when the profile changes', () => {
    const fixture = TestBed.createComponent(LifetimeTimeline);
    fixture.componentRef.setInput('model', profileTimeline(local, 24));
    fixture.detectChanges();
    const longer = { ...local, idp: { ...local.idp, accessTokenLifetimeSeconds: 900 } };

    fixture.componentRef.setInput('model', profileTimeline(longer, 24));
    fixture.detectChanges();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('refreshed every 14 min');
  });

  it('says when the session outlives the picture', () => {
    const week = {
      ...local,
      genesys: {
        ...local.genesys,
        integration: { ...local.genesys.integration, maxRefreshTokenLifetimeSeconds: 7 * 86_400 },
      },
      idp: { ...local.idp, refreshTokenLifetimeSeconds: 7 * 86_400 },
    };

    expect(render(week).textContent).toContain('goes on beyond 24 h');
  });
});
