import { computed, DestroyRef, inject, Injectable, type Signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { catchError, map, of, switchMap } from 'rxjs';

import { mergeClaims, readUserProfile, type UserProfile } from './user-profile';

/**
 * The portal's view of the customer's sign-in: a thin signal facade over angular-auth-oidc-client's
 * `OidcSecurityService`, so templates read signals and never touch tokens.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly oidc = inject(OidcSecurityService);
  private readonly destroyRef = inject(DestroyRef);

  /** Whether the user holds a valid portal session. */
  readonly isAuthenticated: Signal<boolean> = toSignal(
    this.oidc.isAuthenticated$.pipe(map((result) => result.isAuthenticated)),
    { initialValue: false },
  );

  /** The signed-in user's details from the ID token and UserInfo claims, `null` when signed out. */
  readonly profile: Signal<UserProfile | null> = toSignal(
    this.oidc.userData$.pipe(
      switchMap(({ userData }) =>
        userData
          ? this.oidc
              .getPayloadFromIdToken()
              .pipe(
                map((idTokenClaims: unknown) =>
                  readUserProfile(mergeClaims(idTokenClaims, userData)),
                ),
              )
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  /** The signed-in user's display name, `null` when signed out or not yet known. */
  readonly userName: Signal<string | null> = computed(() =>
    this.isAuthenticated() ? (this.profile()?.displayName ?? null) : null,
  );

  /** Starts the interactive sign-in: a redirect to the IdP, which comes back to `/callback`. */
  signIn(): void {
    this.oidc.authorize();
  }

  /**
   * Revokes the refresh and access tokens, then ends the IdP session; the IdP redirects back to
   * `/signed-out`.
   */
  signOut(): void {
    this.oidc
      .logoffAndRevokeTokens()
      .pipe(
        // A failed revocation must not keep the user signed in: end the IdP session regardless
        // (angular-auth-oidc-client has already logged the revocation error).
        catchError(() => this.oidc.logoff()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe();
  }
}
