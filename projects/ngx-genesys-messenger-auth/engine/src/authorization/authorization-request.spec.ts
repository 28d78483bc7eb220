import {
  authorizationUrl,
  INTERACTION_REQUIRED_ERRORS,
  readAuthorizationResponse,
  RESPONSE_PARAMETERS,
  type AuthorizationRequest,
} from './authorization-request';

const ENDPOINT = 'https://idp.example/oauth2/authorize';
const ISSUER = 'https://idp.example';
const REQUEST: AuthorizationRequest = {
  clientId: 'genesys-messenger',
  scope: 'openid profile',
  redirectUri: 'https://portal.example/messenger/callback?x=1',
  state: 'state-123',
  nonce: 'nonce-456',
  codeChallenge: 'challenge-789',
};

describe(authorizationUrl.name, () => {
  it('asks for a code with PKCE S256, state and nonce', () => {
    const url = new URL(authorizationUrl(ENDPOINT, REQUEST));
    expect(url.origin + url.pathname).toBe(ENDPOINT);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'genesys-messenger',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: 'https://portal.example/messenger/callback?x=1',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: 'challenge-789',
      code_challenge_method: 'S256',
    });
  });

  it.each(['none', 'login'] as const)('adds prompt=%s when asked to', (prompt) => {
    const url = new URL(authorizationUrl(ENDPOINT, { ...REQUEST, prompt }));
    expect(url.searchParams.get('prompt')).toBe(prompt);
  });

  it('keeps the query parameters the endpoint already has', () => {
    const url = new URL(authorizationUrl(`${ENDPOINT}?tenant=acme`, REQUEST));
    expect(url.searchParams.get('tenant')).toBe('acme');
    expect(url.searchParams.get('client_id')).toBe('genesys-messenger');
  });
});

describe(readAuthorizationResponse.name, () => {
  const idp = { issuer: ISSUER, issParameterSupported: true };
  const read = (query: string, supported = true) =>
    readAuthorizationResponse(new URLSearchParams(query), 'state-123', {
      ...idp,
      issParameterSupported: supported,
    });

  it('returns the code and iss of a matching answer', () => {
    expect(read(`code=abc&state=state-123&iss=${encodeURIComponent(ISSUER)}`)).toEqual({
      kind: 'code',
      code: 'abc',
      iss: ISSUER,
    });
  });

  it('returns the code alone when the IdP does not send iss', () => {
    expect(read('code=abc&state=state-123', false)).toEqual({ kind: 'code', code: 'abc' });
  });

  it.each([
    ['another state', 'code=abc&state=state-999'],
    ['no state', 'code=abc'],
  ])('refuses an answer with %s', (_, query) => {
    expect(read(`${query}&iss=${encodeURIComponent(ISSUER)}`)).toEqual({
      kind: 'refused',
      problem: 'state-mismatch',
    });
  });

  it('refuses an error answer with another state before reading its error', () => {
    expect(read('error=login_required&state=forged', false)).toEqual({
      kind: 'refused',
      problem: 'state-mismatch',
    });
  });

  it('refuses an answer naming another issuer', () => {
    const query = `code=abc&state=state-123&iss=${encodeURIComponent('https://evil.example')}`;
    expect(read(query)).toEqual({ kind: 'refused', problem: 'issuer-mismatch' });
    expect(read(query, false)).toEqual({ kind: 'refused', problem: 'issuer-mismatch' });
  });

  it('refuses an answer without iss from an IdP that sends it (RFC 9207)', () => {
    expect(read('code=abc&state=state-123')).toEqual({
      kind: 'refused',
      problem: 'issuer-mismatch',
    });
  });

  it('maps an error answer with its description', () => {
    const query = `error=login_required&error_description=sign+in&state=state-123&iss=${encodeURIComponent(ISSUER)}`;
    expect(read(query)).toEqual({
      kind: 'error',
      error: 'login_required',
      description: 'sign in',
    });
  });

  it('refuses an answer with neither a code nor an error', () => {
    expect(read(`state=state-123&iss=${encodeURIComponent(ISSUER)}`)).toEqual({
      kind: 'refused',
      problem: 'no-answer',
    });
  });
});

describe('authorization response constants', () => {
  it('count every OIDC "the user is needed" error as interaction required', () => {
    expect([...INTERACTION_REQUIRED_ERRORS].sort()).toEqual([
      'account_selection_required',
      'consent_required',
      'interaction_required',
      'login_required',
    ]);
  });

  it('strip the code, state and iss (and error details) from the URL', () => {
    expect(RESPONSE_PARAMETERS).toEqual(
      expect.arrayContaining(['code', 'state', 'iss', 'error', 'error_description']),
    );
  });
});
