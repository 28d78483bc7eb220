import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { HttpActivity } from '../api/http-activity';
import { AdminSession } from '../auth/admin-session';
import { SessionArea } from './session-area';

/** The sections of the app, in the toolbar (a menu on phones). */
export const NAV_LINKS = [
  { label: 'Profiles', path: '/profiles', icon: 'tune' },
  { label: 'Audit', path: '/audit', icon: 'fact_check' },
] as const;

/**
 * The app's frame: skip link, toolbar (brand, navigation, session), one progress bar for every
 * request in flight, and the routed page.
 */
@Component({
  selector: 'admin-shell',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    SessionArea,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  protected readonly activity = inject(HttpActivity);
  protected readonly session = inject(AdminSession);
  protected readonly links = NAV_LINKS;

  /** Moves keyboard focus to the main content, as a fragment link would without a `<base>`. */
  protected skipToMain(event: Event): void {
    // With `<base href="/">` a plain "#main-content" link would load the home page instead.
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
