import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  type DerivedLifetimes,
  formatDuration,
  type SessionBound,
} from 'ngx-genesys-messenger-auth/profile';

const BOUND_NAMES: Record<SessionBound, string> = {
  'genesys-max-refresh-token-lifetime': 'Genesys Max Refresh Token Lifetime',
  'idp-refresh-token-lifetime': 'IdP refresh token lifetime',
  'idp-sso-session-max': 'IdP SSO Session Max',
  'idp-idle-window': 'IdP idle window',
};

/** The numbers a profile implies (never typed by the admin), from the schema's `deriveLifetimes`. */
@Component({
  selector: 'admin-derived-lifetimes',
  template: `
    <dl class="numbers" data-testid="derived-lifetimes">
      @for (row of rows(); track row.term) {
        <div class="row">
          <dt>{{ row.term }}</dt>
          <dd>{{ row.value }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .numbers {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 150px), 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    .row {
      min-width: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DerivedLifetimesPanel {
  /** The schema's `deriveLifetimes(profile)`. */
  readonly lifetimes = input.required<DerivedLifetimes>();

  protected readonly rows = computed(() => {
    const d = this.lifetimes();
    return [
      { term: 'Genesys JWT lifetime', value: formatDuration(d.jwtLifetimeSeconds) },
      { term: 'Refresh lead', value: formatDuration(d.leadSeconds) },
      { term: 'Refresh every', value: formatDuration(d.refreshEverySeconds) },
      { term: 'Refreshes per day', value: String(d.refreshesPerDay) },
      {
        term: 'Session ends after',
        value: `${formatDuration(d.sessionEndsAfterSeconds)} (${BOUND_NAMES[d.sessionBoundBy]})`,
      },
      {
        term: 'IdP idle limit',
        value: d.idleLimitSeconds === undefined ? 'None' : formatDuration(d.idleLimitSeconds),
      },
    ];
  });
}
