import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { NAV_GROUPS, PRIMARY_LINKS } from './nav-links';
import { ChatStatus } from '../messenger/chat-status';
import { SessionArea } from './session-area';

/** Below this width the side navigation overlays the page and opens from a menu button. */
export const HANDSET_QUERY = '(max-width: 959.98px)';

/**
 * The portal's frame: skip link, toolbar (brand, primary navigation, session controls),
 * responsive side navigation, the routed page and the footer.
 */
@Component({
  selector: 'portal-shell',
  imports: [
    ChatStatus,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
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

  /** Whether the viewport is narrow enough for the overlay navigation. */
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Whether the side navigation is open; reset to the layout's default on every breakpoint change. */
  protected readonly navOpen = linkedSignal(() => !this.isHandset());

  protected readonly primaryLinks = PRIMARY_LINKS;
  protected readonly navGroups = NAV_GROUPS;
  protected readonly year = new Date().getFullYear();

  /** Moves keyboard focus to the main content, as a fragment link would without a `<base>`. */
  protected skipToMain(event: Event): void {
    // With `<base href="/">` a plain "#main-content" link would load the home page instead.
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** Closes the overlay navigation after a link was chosen in it. */
  protected closeIfHandset(): void {
    if (this.isHandset()) {
      this.navOpen.set(false);
    }
  }
}
