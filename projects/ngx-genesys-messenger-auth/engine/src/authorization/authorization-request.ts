import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
  ɵDEV_MODE as DEV_MODE,
  type ɵPendingAuthorization as PendingAuthorization,
} from 'ngx-genesys-messenger-auth/core';

// The attempt's shape and the response parameters are shared with the start-up capture (/core).
export {
  ɵRESPONSE_PARAMETERS as RESPONSE_PARAMETERS,
  type ɵAuthorizationMode as AuthorizationMode,
  type ɵPendingAuthorization as PendingAuthorization,
} from 'ngx-genesys-messenger-auth/core';

/** Messenger's own authorization request: what the bridge sends and what it must find on return. */

/** The IdP metadata the bridge needs (from the discovery document the portal's library uses). */
export interface IdpMetadata {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  /** Whether the IdP puts `iss` in authorization responses (RFC 9207); then it must be there. */
  readonly issParameterSupported: boolean;
  readonly endSessionEndpoint?: string;
}

/** The parameters of an authorization request. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeChallenge: string;
  /** `none` for silent attempts. */
  readonly prompt?: 'none' | 'login';
}

/** The URL of an authorization request (code flow, PKCE S256). */
export function authorizationUrl(endpoint: string, request: AuthorizationRequest): string {
  const url = new URL(endpoint);
  const params: Record<string, string> = {
    client_id: request.clientId,
    response_type: 'code',
    scope: request.scope,
    redirect_uri: request.redirectUri,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  if (request.prompt) params['prompt'] = request.prompt;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** What an authorization response said. */
export type AuthorizationResponse =
  | { readonly kind: 'code'; readonly code: string; readonly iss?: string }
  | { readonly kind: 'error'; readonly error: string; readonly description?: string };

/** Why a response is refused. */
export type ResponseProblem = 'state-mismatch' | 'issuer-mismatch' | 'no-answer';

/**
 * Reads and checks an authorization response (query parameters of the redirect URI).
 * @returns the response, or the problem that makes it unusable
 */
export function readAuthorizationResponse(
  params: URLSearchParams,
  expectedState: string,
  idp: Pick<IdpMetadata, 'issuer' | 'issParameterSupported'>,
): AuthorizationResponse | { readonly kind: 'refused'; readonly problem: ResponseProblem } {
  if (params.get('state') !== expectedState) return { kind: 'refused', problem: 'state-mismatch' };
  const iss = params.get('iss');
  // RFC 9207: a present iss must name our IdP; a missing one is refused where the IdP sends it.
  if ((iss !== null && iss !== idp.issuer) || (iss === null && idp.issParameterSupported)) {
    return { kind: 'refused', problem: 'issuer-mismatch' };
  }
  const error = params.get('error');
  if (error)
    return { kind: 'error', error, description: params.get('error_description') ?? undefined };
  const code = params.get('code');
  if (!code) return { kind: 'refused', problem: 'no-answer' };
  return iss === null ? { kind: 'code', code } : { kind: 'code', code, iss };
}

/** Errors after which only the user can continue (an interactive login). */
export const INTERACTION_REQUIRED_ERRORS: readonly string[] = [
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
];

/**
 * Reads the IdP's answer to an attempt: the code with what Messenger must send with it, or the
 * coded error (`state` and `iss` are checked; `login_required` and its kin are LOGIN_REQUIRED).
 */
export function codeFromAnswer(
  params: URLSearchParams,
  pending: PendingAuthorization,
  idp: IdpMetadata,
): GenesysAuthCodeResult | MessengerAuthError {
  const response = readAuthorizationResponse(params, pending.state, idp);
  switch (response.kind) {
    case 'code':
      return {
        authCode: response.code,
        redirectUri: pending.redirectUri,
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
        ...(response.iss ? { iss: response.iss } : {}),
      };
    case 'error':
      return INTERACTION_REQUIRED_ERRORS.includes(response.error)
        ? new MessengerAuthError(
            MessengerAuthErrorCode.LOGIN_REQUIRED,
            DEV_MODE && `the IdP needs the user (${response.error})`,
          )
        : new MessengerAuthError(
            MessengerAuthErrorCode.AUTHORIZATION_ERROR,
            DEV_MODE && `the IdP answered ${response.error}`,
          );
    case 'refused':
      return response.problem === 'issuer-mismatch'
        ? new MessengerAuthError(
            MessengerAuthErrorCode.AUTHORIZATION_ISSUER_MISMATCH,
            DEV_MODE && 'the answer names another issuer',
          )
        : new MessengerAuthError(
            response.problem === 'state-mismatch'
              ? MessengerAuthErrorCode.AUTHORIZATION_STATE_MISMATCH
              : MessengerAuthErrorCode.AUTHORIZATION_CALLBACK_INVALID,
            DEV_MODE && `the IdP's answer was refused (${response.problem})`,
          );
  }
}
