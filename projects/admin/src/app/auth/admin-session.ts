import { computed, DestroyRef, inject, Injectable, type Signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { catchError, map, of, switchMap } from 'rxjs';

import { type AdminIdentity, readAdminIdentity } from './admin-identity';

/**
 * The app's view of the sign-in: a thin signal facade over angular-auth-oidc-client. The name
 * and roles come from the ID token (the access token is for the profile server, not userinfo).
 */
@Injectable({ providedIn: 'root' })
export class AdminSession {
  private readonly oidc = inject(OidcSecurityService);
  private readonly destroyRef = inject(DestroyRef);

  /** Whether the user holds a valid session. */
  readonly isAuthenticated: Signal<boolean> = toSignal(
    this.oidc.isAuthenticated$.pipe(map((result) => result.isAuthenticated)),
    { initialValue: false },
  );

  /** The signed-in user, `null` when signed out. */
  readonly identity: Signal<AdminIdentity | null> = toSignal(
    this.oidc.isAuthenticated$.pipe(
      switchMap(({ isAuthenticated }) =>
        isAuthenticated
          ? this.oidc.getPayloadFromIdToken().pipe(map((claims) => readAdminIdentity(claims)))
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  /** Whether the user may change profiles (role `admin`); readers see everything read-only. */
  readonly isAdmin: Signal<boolean> = computed(() => this.identity()?.isAdmin ?? false);

  /** Starts the interactive sign-in: a redirect to the IdP, which comes back to `/callback`. */
  signIn(): void {
    this.oidc.authorize();
  }

  /** Revokes the tokens, then ends the IdP session; the IdP redirects back to `/`. */
  signOut(): void {
    this.oidc
      .logoffAndRevokeTokens()
      .pipe(
        // A failed revocation must not keep the user signed in: end the IdP session regardless.
        catchError(() => this.oidc.logoff()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe();
  }
}
