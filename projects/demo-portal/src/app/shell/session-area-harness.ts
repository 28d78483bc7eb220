import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** What the session area says about the session. */
export interface SessionStatus {
  /** The visible status text, `Signed in` or `Signed out`. */
  readonly text: string;
  /** The machine-readable state, `signed-in` or `signed-out`. */
  readonly state: string | null;
}

/** Test harness for `SessionArea`, the toolbar's session controls. */
export class SessionAreaHarness extends ComponentHarness {
  /** The selector of the component this harness drives. */
  static hostSelector = 'portal-session-area';

  private readonly status = this.locatorFor('[data-testid="session-status"]');
  private readonly name = this.locatorForOptional('[data-testid="user-name"]');
  private readonly signInButton = this.locatorForOptional(
    MatButtonHarness.with({ selector: '[data-testid="sign-in"]' }),
  );
  private readonly signOutButton = this.locatorForOptional(
    MatButtonHarness.with({ selector: '[data-testid="sign-out"]' }),
  );

  /** @returns The session status shown. */
  async getStatus(): Promise<SessionStatus> {
    const status = await this.status();
    return { text: await status.text(), state: await status.getAttribute('data-state') };
  }

  /** @returns The user's display name, or `null` when none is shown. */
  async getUserName(): Promise<string | null> {
    return (await this.name())?.text() ?? null;
  }

  /** @returns The sign-in button, or `null` when it is not shown. */
  async getSignInButton(): Promise<MatButtonHarness | null> {
    return this.signInButton();
  }

  /** @returns The sign-out button, or `null` when it is not shown. */
  async getSignOutButton(): Promise<MatButtonHarness | null> {
    return this.signOutButton();
  }
}
