import type { AuthenticatedResult } from 'angular-auth-oidc-client';
import { BehaviorSubject, type Observable, of } from 'rxjs';

/**
 * A stand-in for angular-auth-oidc-client's `OidcSecurityService` in unit tests. Provide it with
 * `{ provide: OidcSecurityService, useValue: fake }` and drive the sign-in with `signIn()`.
 */
export class FakeOidcSecurityService {
  /** The authentication state `isAuthenticated$` replays. */
  readonly authenticated = new BehaviorSubject<AuthenticatedResult>({
    isAuthenticated: false,
    allConfigsAuthenticated: [],
  });
  /** The payload `getPayloadFromIdToken()` returns. */
  idTokenPayload: unknown = null;
  /** How often each method was called. */
  readonly calls = { authorize: 0, logoffAndRevokeTokens: 0, logoff: 0 };

  /** Mirrors `OidcSecurityService.isAuthenticated$`. */
  get isAuthenticated$(): Observable<AuthenticatedResult> {
    return this.authenticated.asObservable();
  }

  /** Mirrors `OidcSecurityService.getPayloadFromIdToken()`. */
  getPayloadFromIdToken(): Observable<unknown> {
    return of(this.idTokenPayload);
  }

  /** Records a sign-in request. */
  authorize(): void {
    this.calls.authorize++;
  }

  /** Records a sign-out request. */
  logoffAndRevokeTokens(): Observable<unknown> {
    this.calls.logoffAndRevokeTokens++;
    return of(null);
  }

  /** Records a plain end-session request. */
  logoff(): Observable<unknown> {
    this.calls.logoff++;
    return of(null);
  }

  /**
   * Moves to the signed-in state with the given ID token claims.
   *
   * @param idTokenClaims The ID token payload.
   */
  signIn(idTokenClaims: Record<string, unknown>): void {
    this.idTokenPayload = idTokenClaims;
    this.authenticated.next({ isAuthenticated: true, allConfigsAuthenticated: [] });
  }
}

/** Ada, who holds the admin role (dev IdP user `ada`). */
export const ADA = { sub: 'ada', name: 'Ada Admin', roles: ['admin'] };
/** Alice, a customer: she may read profiles but not change them (dev IdP user `alice`). */
export const ALICE = { sub: 'alice', name: 'Alice Anderson', roles: ['customer'] };
