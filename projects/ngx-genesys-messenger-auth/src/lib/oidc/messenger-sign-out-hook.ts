import { Injectable } from '@angular/core';

/**
 * @internal Where angular-auth-oidc-client's logoff paths find Messenger's sign-out:
 * `MessengerAuth` registers it when it is created, `MessengerAwareOidcSecurityService` runs it.
 * Neither injects the other, so their dependency (MessengerAuth follows the portal's OIDC service)
 * stays one-way.
 */
@Injectable()
export class MessengerSignOutHook {
  private signOut: () => Promise<void> = () => Promise.resolve();

  /** Sets what signing Messenger out does. */
  register(signOut: () => Promise<void>): void {
    this.signOut = signOut;
  }

  /** Signs Messenger out (nothing before the bridge is set up). */
  run(): Promise<void> {
    return this.signOut();
  }
}
