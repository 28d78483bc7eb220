import type { OAuthExchangeParameters } from './request-validation';
import { IdpRefusal, type IdentityProviderPort, type IdpGrant } from './token-ports';

interface IssuedCode {
  readonly subject: string;
  readonly redirectUri?: string;
  readonly accessTokenLifetime: number;
  readonly codeVerifier?: string;
}

/** Options of one code the test hands out. */
export interface CodeOptions {
  /** Whose code it is. */
  readonly subject: string;
  /** The redirect URI the exchange must repeat; any when absent. */
  readonly redirectUri?: string;
  /** The IdP access token's lifetime in seconds (default 300, as in the field report). */
  readonly accessTokenLifetime?: number;
  /** The PKCE verifier the exchange must send; none required when absent. */
  readonly codeVerifier?: string;
}

/**
 * An identity provider for unit tests: tests issue codes, end users' sessions, and the Genesys
 * token service exchanges and refreshes against it. Codes are single-use, like a real IdP's.
 */
export class InMemoryIdentityProvider implements IdentityProviderPort {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshTokens = new Map<string, { subject: string; lifetime: number }>();
  private readonly endedSubjects = new Set<string>();
  private sequence = 0;

  /** Issues an authorization code. */
  issueCode(options: CodeOptions): string {
    const code = `code-${++this.sequence}-${Math.random().toString(36).slice(2, 12)}`;
    this.endedSubjects.delete(options.subject);
    this.codes.set(code, { accessTokenLifetime: 300, ...options });
    return code;
  }

  /** Ends a user's IdP session: later refreshes for them are refused. */
  endSession(subject: string): void {
    this.endedSubjects.add(subject);
  }

  /** @inheritdoc */
  async exchangeCode(oauth: OAuthExchangeParameters): Promise<IdpGrant> {
    const issued = oauth.code === undefined ? undefined : this.codes.get(oauth.code);
    if (!issued) throw new IdpRefusal('invalid_grant', 'unknown or already used code');
    this.codes.delete(oauth.code as string);
    if (issued.redirectUri !== undefined && issued.redirectUri !== oauth.redirectUri) {
      throw new IdpRefusal(
        'invalid_grant',
        'redirect_uri does not match the authorization request',
      );
    }
    if (issued.codeVerifier !== undefined && issued.codeVerifier !== oauth.codeVerifier) {
      throw new IdpRefusal('invalid_grant', 'PKCE verification failed');
    }
    const refreshToken = `idp-rt-${++this.sequence}`;
    this.refreshTokens.set(refreshToken, {
      subject: issued.subject,
      lifetime: issued.accessTokenLifetime,
    });
    return {
      subject: issued.subject,
      accessTokenLifetime: issued.accessTokenLifetime,
      refreshToken,
    };
  }

  /** @inheritdoc */
  async refresh(refreshToken: string): Promise<IdpGrant> {
    const known = this.refreshTokens.get(refreshToken);
    if (!known || this.endedSubjects.has(known.subject)) {
      throw new IdpRefusal('invalid_grant', 'the IdP session has ended');
    }
    return { subject: known.subject, accessTokenLifetime: known.lifetime, refreshToken };
  }
}
