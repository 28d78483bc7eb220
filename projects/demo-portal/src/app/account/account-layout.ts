import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { Session } from '../auth/session';

/** A tab in the account area's local navigation. */
interface AccountTab {
  readonly label: string;
  readonly link: string;
}

/** Frame of the signed-in area: a greeting and tabs for its pages. */
@Component({
  selector: 'portal-account-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <div class="portal-page">
      <h1 class="portal-page-title">
        @if (firstName(); as name) {
          Welcome back, {{ name }}
        } @else {
          Welcome back
        }
      </h1>
      <nav
        mat-tab-nav-bar
        mat-stretch-tabs="false"
        mat-align-tabs="start"
        [tabPanel]="panel"
        aria-label="Account sections"
      >
        @for (tab of tabs; track tab.link) {
          <a
            mat-tab-link
            [routerLink]="tab.link"
            routerLinkActive
            #active="routerLinkActive"
            [routerLinkActiveOptions]="{ exact: true }"
            [active]="active.isActive"
          >
            {{ tab.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountLayout {
  private readonly session = inject(Session);

  protected readonly tabs: readonly AccountTab[] = [
    { label: 'Overview', link: '/account' },
    { label: 'Profile', link: '/account/profile' },
  ];

  /** The first word of the user's display name, for a friendly greeting. */
  protected readonly firstName = computed(() => this.session.userName()?.split(' ')[0] ?? null);
}
