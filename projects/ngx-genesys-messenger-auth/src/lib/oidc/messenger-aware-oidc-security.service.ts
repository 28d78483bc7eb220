import { Injectable, inject } from '@angular/core';
import { OidcSecurityService, type LogoutAuthOptions } from 'angular-auth-oidc-client';
import { concatMap, defer, from, type Observable } from 'rxjs';
import { MessengerSignOutHook } from './messenger-sign-out-hook';

/**
 * angular-auth-oidc-client's `OidcSecurityService` with every logoff path signing Messenger out
 * first (`Auth.logout`, which revokes its tokens), then going on as the library does (the IdP's
 * end-session redirect). Provided in place of the library's service by `provideMessengerAuth`, so
 * the portal's own code needs no change.
 */
@Injectable()
export class MessengerAwareOidcSecurityService extends OidcSecurityService {
  private readonly messengerSignOut = inject(MessengerSignOutHook);

  /** Signs Messenger out, then logs off as the library does. */
  override logoff(configId?: string, logoutAuthOptions?: LogoutAuthOptions): Observable<unknown> {
    return this.messengerFirst().pipe(concatMap(() => super.logoff(configId, logoutAuthOptions)));
  }

  /** Signs Messenger out, then revokes the portal's tokens and logs off as the library does. */
  override logoffAndRevokeTokens(
    configId?: string,
    logoutAuthOptions?: LogoutAuthOptions,
  ): Observable<unknown> {
    return this.messengerFirst().pipe(
      concatMap(() => super.logoffAndRevokeTokens(configId, logoutAuthOptions)),
    );
  }

  /** Logs off locally at once and signs Messenger out beside it. */
  override logoffLocal(configId?: string): void {
    void this.messengerSignOut.run();
    super.logoffLocal(configId);
  }

  /** Logs off every configuration locally and signs Messenger out beside it. */
  override logoffLocalMultiple(): void {
    void this.messengerSignOut.run();
    super.logoffLocalMultiple();
  }

  private messengerFirst(): Observable<void> {
    return defer(() => from(this.messengerSignOut.run()));
  }
}
