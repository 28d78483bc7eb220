import { GenesysApiError, type RejectionReason } from './genesys-api-error';
import {
  parseBearer,
  parseCodeExchange,
  parseRefresh,
  type CodeExchangeRequest,
} from './request-validation';
import { RateLimiter, type RateLimits } from './rate-limits';
import {
  timelineStats,
  type JwtRecord,
  type SessionRecord,
  type TokenStats,
} from './session-timeline';
import {
  IdpRefusal,
  type DeploymentConfig,
  type IdentityProviderPort,
  type IdpGrant,
  type JwtSigner,
} from './token-ports';

/** Longest Genesys JWT: 15 minutes (contract §4). */
export const MAX_JWT_LIFETIME_S = 900;
/** Default refresh-token lifetime: 24 hours (contract §4). */
export const DEFAULT_REFRESH_TOKEN_LIFETIME_S = 86_400;
/** The range of the integration's "Max Refresh Token Lifetime": 900 s – 90 days. */
export const REFRESH_TOKEN_LIFETIME_RANGE_S = { min: 900, max: 90 * 86_400 } as const;

/** Options of a {@link GenesysTokenService}. */
export interface GenesysTokenServiceOptions {
  /** The service's clock, ms since the epoch (the simulator shifts it). */
  readonly clock: () => number;
  /** The website's IdP as Genesys reaches it. */
  readonly idp: IdentityProviderPort;
  /** Signs the JWTs. */
  readonly signer: JwtSigner;
  /** The deployments it serves. */
  readonly deployments: readonly DeploymentConfig[];
  /** The `iss` of its JWTs. */
  readonly issuer: string;
  /** Refresh-token lifetime in seconds ("Max Refresh Token Lifetime"); default 24 h. */
  readonly refreshTokenLifetime?: number;
  /** Makes unguessable ids (refresh tokens, JWT ids, session ids). */
  readonly randomId: () => string;
  /** Per-minute limits of the token calls, per deployment (absent: no limit). */
  readonly rateLimits?: Partial<RateLimits>;
}

/** The tokens of a successful code exchange. */
export interface GenesysTokens {
  readonly jwt: string;
  readonly refreshToken?: string;
}

interface IssuedJwt {
  readonly session: SessionRecord;
  readonly known: JwtRecord;
}

/**
 * Genesys' web-deployment token API (contract §4), transport-free: the Node simulator serves it over
 * HTTP and the in-memory backend calls it directly. Bodies arrive unvalidated and are checked here.
 */
export class GenesysTokenService {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byRefreshToken = new Map<string, SessionRecord>();
  private readonly usedCodes = new Set<string>();
  private counters = { codesExchanged: 0, refreshes: 0, revokes: 0 };
  private rejections: Partial<Record<RejectionReason, number>> = {};
  private readonly refreshLifetimeS: number;
  /** The per-minute limits of the token calls; `reset()` restores the configured ones. */
  readonly limits: RateLimiter;

  constructor(private readonly options: GenesysTokenServiceOptions) {
    this.limits = new RateLimiter(options.clock, options.rateLimits);
    this.refreshLifetimeS = options.refreshTokenLifetime ?? DEFAULT_REFRESH_TOKEN_LIFETIME_S;
    const { min, max } = REFRESH_TOKEN_LIFETIME_RANGE_S;
    if (!(this.refreshLifetimeS >= min && this.refreshLifetimeS <= max)) {
      throw new RangeError(`refreshTokenLifetime must be ${min}–${max} seconds`);
    }
  }

  /** The configuration document of a deployment; 404 when it is unknown. */
  deploymentConfig(deploymentId: string): DeploymentConfig {
    const found = this.options.deployments.find((d) => d.id === deploymentId);
    if (!found) {
      throw this.reject(
        new GenesysApiError(
          404,
          'not.found',
          `deployment ${deploymentId} does not exist`,
          'unknown-deployment',
        ),
      );
    }
    return found;
  }

  /** `POST /api/v2/webdeployments/token/oauthcodegrantjwtexchange`. */
  async exchange(body: unknown): Promise<GenesysTokens> {
    const request = this.guard(() => parseCodeExchange(body));
    const deployment = this.authDeployment(request.deploymentId);
    // Refused by the limit, the code stays unused and the IdP is not called.
    this.guard(() => this.limits.take('exchange', deployment.id));
    const grant = await this.grantFor(request);
    this.counters.codesExchanged++;
    const now = this.options.clock();
    const refreshToken = request.oauth.code ? this.options.randomId() : undefined;
    const session: SessionRecord = {
      id: this.options.randomId(),
      deploymentId: deployment.id,
      subject: grant.subject,
      createdAt: now,
      refreshToken,
      refreshExpiresAt: now + this.refreshLifetimeS * 1000,
      idpRefreshToken: grant.refreshToken,
      jwts: [],
      refreshMargins: [],
    };
    this.sessions.set(session.id, session);
    if (refreshToken) this.byRefreshToken.set(refreshToken, session);
    const jwt = await this.issueJwt(session, grant.accessTokenLifetime, now);
    return refreshToken ? { jwt, refreshToken } : { jwt };
  }

  /** `POST /api/v2/webdeployments/token/refresh`: a new JWT; the refresh token is not rotated. */
  async refresh(body: unknown): Promise<{ jwt: string }> {
    const arrivedAt = this.options.clock();
    const request = this.guard(() => parseRefresh(body));
    if (this.options.deployments.some((d) => d.id === request.deploymentId)) {
      this.guard(() => this.limits.take('refresh', request.deploymentId));
    }
    const session = this.byRefreshToken.get(request.refreshToken);
    if (!session || session.deploymentId !== request.deploymentId) {
      throw this.reject(this.badRequest('the refresh token is not valid', 'unknown-refresh-token'));
    }
    this.expireIfDue(session);
    if (session.endedAt !== undefined) {
      const reason =
        session.endReason === 'refresh-token-expired' ? 'refresh-token-expired' : 'session-ended';
      throw this.reject(this.badRequest('the refresh token is no longer valid', reason));
    }
    // Taken before the IdP is asked, so that a concurrent refresh's JWT is not "the previous one".
    const previousExpiry: number | undefined = session.jwts[session.jwts.length - 1]?.to;
    let lifetime: number | undefined;
    if (session.idpRefreshToken) {
      try {
        const grant = await this.options.idp.refresh(session.idpRefreshToken);
        session.idpRefreshToken = grant.refreshToken ?? session.idpRefreshToken;
        lifetime = grant.accessTokenLifetime;
      } catch (error) {
        if (!(error instanceof IdpRefusal)) throw error;
        this.end(session, 'idp-session-ended');
        throw this.reject(
          this.badRequest('the identity provider ended the session', 'idp-session-ended'),
        );
      }
    }
    this.counters.refreshes++;
    if (previousExpiry !== undefined) session.refreshMargins.push(previousExpiry - arrivedAt);
    return { jwt: await this.issueJwt(session, lifetime, this.options.clock()) };
  }

  /** `DELETE /api/v2/webdeployments/token/revoke`: ends the JWT and the refresh token together. */
  async revoke(authorization: string | undefined): Promise<void> {
    const issued = await this.issuedJwtOf(authorization);
    // The deployment is the JWT's; a call the limit refuses leaves the session as it was.
    this.guard(() => this.limits.take('revoke', issued.session.deploymentId));
    this.requireLive(issued);
    this.end(issued.session, 'revoked');
    this.counters.revokes++;
  }

  /** Checks a bearer JWT for messaging; rejects with 401 when it is missing, forged or expired. */
  async authorize(
    authorization: string | undefined,
  ): Promise<{ sessionId: string; subject: string }> {
    const session = await this.sessionOf(authorization);
    return { sessionId: session.id, subject: session.subject };
  }

  /** Counts a refusal made outside the service (an injected fault, a malformed HTTP request). */
  countRejection(reason: RejectionReason): void {
    this.rejections[reason] = (this.rejections[reason] ?? 0) + 1;
  }

  /** Counters, rejections, each session's refresh margins and intervals without a valid JWT. */
  stats(): TokenStats {
    const now = this.options.clock();
    const sessions = [...this.sessions.values()];
    sessions.forEach((session) => this.expireIfDue(session));
    return {
      ...this.counters,
      rejections: { ...this.rejections },
      limits: this.limits.current(),
      rateLimited: this.limits.refusals(),
      ...timelineStats(sessions, now),
    };
  }

  /** Forgets every session, code and counter. */
  reset(): void {
    this.sessions.clear();
    this.byRefreshToken.clear();
    this.usedCodes.clear();
    this.counters = { codesExchanged: 0, refreshes: 0, revokes: 0 };
    this.rejections = {};
    this.limits.reset();
  }

  private async grantFor(request: CodeExchangeRequest): Promise<IdpGrant> {
    const { oauth } = request;
    if (oauth.code !== undefined) {
      if (this.usedCodes.has(oauth.code)) {
        throw this.reject(
          this.badRequest('the authorization code was already used', 'code-reused'),
        );
      }
      this.usedCodes.add(oauth.code);
    }
    try {
      if (oauth.code !== undefined) return await this.options.idp.exchangeCode(oauth);
      if (!this.options.idp.verifyIdToken) {
        throw new IdpRefusal(
          'unsupported_grant_type',
          'this integration does not accept ID tokens',
        );
      }
      return await this.options.idp.verifyIdToken(oauth.idToken as string, oauth.nonce);
    } catch (error) {
      if (!(error instanceof IdpRefusal)) throw error;
      throw this.reject(
        this.badRequest(`the identity provider refused the code (${error.error})`, 'code-rejected'),
      );
    }
  }

  private authDeployment(deploymentId: string): DeploymentConfig {
    const deployment = this.deploymentConfig(deploymentId);
    if (!deployment.auth.enabled) {
      throw this.reject(
        this.badRequest(
          `authenticated messaging is off for deployment ${deploymentId}`,
          'authentication-disabled',
        ),
      );
    }
    return deployment;
  }

  /**
   * Signs a JWT issued at `issuedAt` (ms). Its claims are whole seconds, as most issuers write a
   * NumericDate: `iat` rounded down, `exp = iat + lifetime`. The record keeps the issue time to the
   * ms and ends at `exp`, so gaps and margins are exact — and the JWT lives up to 999 ms less than
   * `exp - iat` says, as one from such an issuer does.
   */
  private async issueJwt(
    session: SessionRecord,
    idpLifetime: number | undefined,
    issuedAt: number,
  ): Promise<string> {
    const lifetime = Math.min(MAX_JWT_LIFETIME_S, idpLifetime ?? MAX_JWT_LIFETIME_S);
    const iat = Math.floor(issuedAt / 1000);
    const jti = this.options.randomId();
    const jwt = await this.options.signer.sign({
      iss: this.options.issuer,
      sub: session.subject,
      aud: session.deploymentId,
      sid: session.id,
      jti,
      iat,
      exp: iat + lifetime,
    });
    session.jwts.push({ jti, from: issuedAt, to: (iat + lifetime) * 1000 });
    return jwt;
  }

  private async sessionOf(authorization: string | undefined): Promise<SessionRecord> {
    const issued = await this.issuedJwtOf(authorization);
    this.requireLive(issued);
    return issued.session;
  }

  /** The session and JWT record of a bearer JWT this service signed; 401 otherwise. */
  private async issuedJwtOf(authorization: string | undefined): Promise<IssuedJwt> {
    const jwt = this.guard(() => parseBearer(authorization));
    let claims: Record<string, unknown>;
    try {
      claims = await this.options.signer.verify(jwt);
    } catch {
      throw this.reject(
        this.unauthorized('the JWT is not one this deployment issued', 'jwt-invalid'),
      );
    }
    const session = this.sessions.get(String(claims['sid']));
    const known = session?.jwts.find((j) => j.jti === claims['jti']);
    if (!session || !known) {
      throw this.reject(
        this.unauthorized('the JWT is not one this deployment issued', 'jwt-invalid'),
      );
    }
    return { session, known };
  }

  /** 401 unless the session goes on and the JWT has not expired. */
  private requireLive({ session, known }: IssuedJwt): void {
    if (session.endedAt !== undefined) {
      throw this.reject(
        this.unauthorized(`the session has ended (${session.endReason})`, 'session-ended'),
      );
    }
    if (this.options.clock() >= known.to) {
      throw this.reject(this.unauthorized('the JWT has expired', 'jwt-expired'));
    }
  }

  private expireIfDue(session: SessionRecord): void {
    if (
      session.endedAt === undefined &&
      session.refreshToken &&
      this.options.clock() >= session.refreshExpiresAt
    ) {
      session.endedAt = session.refreshExpiresAt;
      session.endReason = 'refresh-token-expired';
    }
  }

  private end(session: SessionRecord, reason: string): void {
    if (session.endedAt !== undefined) return;
    const now = this.options.clock();
    session.endedAt = now;
    session.endReason = reason;
    // A revoked session's JWTs stop being valid now, not at their exp.
    for (let i = 0; i < session.jwts.length; i++) {
      const jwt = session.jwts[i];
      if (jwt.to > now) session.jwts[i] = { ...jwt, to: Math.max(jwt.from, now) };
    }
  }

  private guard<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      throw error instanceof GenesysApiError ? this.reject(error) : error;
    }
  }

  private reject(error: GenesysApiError): GenesysApiError {
    if (error.reason) this.countRejection(error.reason);
    return error;
  }

  private badRequest(message: string, reason: RejectionReason): GenesysApiError {
    return new GenesysApiError(400, 'bad.request', message, reason);
  }

  private unauthorized(message: string, reason: RejectionReason): GenesysApiError {
    return new GenesysApiError(401, 'authentication.required', message, reason);
  }
}
