import type { AuthenticatedResult, UserDataResult } from 'angular-auth-oidc-client';
import { BehaviorSubject, type Observable, of } from 'rxjs';

/**
 * A stand-in for angular-auth-oidc-client's `OidcSecurityService` in unit tests: the test drives
 * its state through the subjects and reads back which calls the code under test made.
 * Provide it with `{ provide: OidcSecurityService, useValue: fake }`. Shared by the demo portal's
 * and the admin app's specs.
 */
export class FakeOidcSecurityService {
  /** The authentication state `isAuthenticated$` replays. */
  readonly authenticated = new BehaviorSubject<AuthenticatedResult>({
    isAuthenticated: false,
    allConfigsAuthenticated: [],
  });
  /** The UserInfo state `userData$` replays. */
  readonly userDataResult = new BehaviorSubject<UserDataResult>({
    userData: null,
    allUserData: [],
  });
  /** The payload `getPayloadFromIdToken()` returns. */
  idTokenPayload: unknown = null;
  /** What `logoffAndRevokeTokens()` returns; replace it to make revocation fail. */
  revocation: Observable<unknown> = of(null);
  /** How often each method was called. */
  readonly calls = { authorize: 0, logoffAndRevokeTokens: 0, logoff: 0 };

  /** Mirrors `OidcSecurityService.isAuthenticated$`. */
  get isAuthenticated$(): Observable<AuthenticatedResult> {
    return this.authenticated.asObservable();
  }

  /** Mirrors `OidcSecurityService.userData$`. */
  get userData$(): Observable<UserDataResult> {
    return this.userDataResult.asObservable();
  }

  /** Mirrors `OidcSecurityService.getPayloadFromIdToken()`. */
  getPayloadFromIdToken(): Observable<unknown> {
    return of(this.idTokenPayload);
  }

  /** Records a sign-in request. */
  authorize(): void {
    this.calls.authorize++;
  }

  /** Records a sign-out request and answers with `revocation`. */
  logoffAndRevokeTokens(): Observable<unknown> {
    this.calls.logoffAndRevokeTokens++;
    return this.revocation;
  }

  /** Records a plain end-session request. */
  logoff(): Observable<unknown> {
    this.calls.logoff++;
    return of(null);
  }

  /**
   * Moves to the signed-in state, as angular-auth-oidc-client does after a code exchange.
   *
   * @param idTokenClaims The ID token payload.
   * @param userInfo The UserInfo response (none for apps that do not call UserInfo).
   */
  signIn(
    idTokenClaims: Record<string, unknown>,
    userInfo: Record<string, unknown> | null = null,
  ): void {
    this.idTokenPayload = idTokenClaims;
    this.authenticated.next({ isAuthenticated: true, allConfigsAuthenticated: [] });
    this.userDataResult.next({ userData: userInfo, allUserData: [] });
  }

  /** Moves to the signed-out state, as a local logoff does. */
  signOut(): void {
    this.idTokenPayload = null;
    this.authenticated.next({ isAuthenticated: false, allConfigsAuthenticated: [] });
    this.userDataResult.next({ userData: null, allUserData: [] });
  }
}
