/**
 * The part of oidc-provider 9.x that the dev IdP uses. The package ships no type declarations and
 * `@types/oidc-provider` is not a dependency of this workspace, so the surface is declared here,
 * narrowed to what our code touches.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  /** Client registration metadata (snake_case, as in RFC 7591). */
  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
  }

  export interface Client {
    readonly clientId: string;
    readonly clientName?: string;
    readonly clientAuthMethod: string;
    readonly redirectUris: readonly string[];
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface Session {
    readonly accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface InteractionResults {
    login?: { accountId: string };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface PromptDetail {
    readonly name: string;
    readonly reasons: readonly string[];
    readonly details: {
      readonly missingOIDCScope?: readonly string[];
      readonly missingOIDCClaims?: readonly string[];
    };
  }

  export interface Interaction {
    readonly uid: string;
    readonly prompt: PromptDetail;
    readonly params: UnknownObject;
    readonly grantId?: string;
    readonly session?: { readonly accountId?: string };
  }

  export interface Grant {
    readonly jti: string;
    readonly accountId?: string;
    readonly clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantStatic {
    new (properties: { accountId?: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface BaseToken {
    readonly kind: string;
    readonly accountId?: string;
    readonly clientId?: string;
    readonly scope?: string;
    readonly remainingTTL: number;
    isSenderConstrained(): boolean;
  }

  export interface OIDCContext {
    readonly client?: Client;
    readonly session: Session;
    readonly result?: InteractionResults;
    readonly route: string;
    readonly provider: Provider;
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    /** All requested scopes (OIDC and API scopes). */
    readonly requestParamScopes: Set<string>;
    /** The APIs the request is for, by resource indicator. */
    readonly resourceServers: Readonly<Record<string, ResourceServer>>;
    readonly entities: { readonly RotatedRefreshToken?: BaseToken };
  }

  /** The Koa context oidc-provider hands to configuration callbacks. */
  export interface KoaContextWithOIDC {
    readonly oidc: OIDCContext;
    body: unknown;
    type: string;
    status: number;
  }

  /** What `getResourceServerInfo` says about an API (resource indicator). */
  export interface ResourceServerInfo {
    /** Space-separated scopes the API accepts. */
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  export interface ResourceServer {
    readonly scopes: Set<string>;
    identifier(): string;
  }

  export interface AccountClaims extends UnknownObject {
    sub: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  }

  export interface ErrorOut {
    readonly error: string;
    readonly error_description?: string;
    readonly state?: string;
  }

  export interface AdapterPayload extends UnknownObject {
    grantId?: string;
    userCode?: string;
    uid?: string;
    consumed?: unknown;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  type Ttl<T> =
    number | ((ctx: KoaContextWithOIDC | undefined, token: T, client: Client) => number);

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: ClientMetadata[];
    jwks?: { keys: UnknownObject[] };
    cookies?: { keys?: string[] };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
    claims?: Record<string, string[]>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    responseTypes?: string[];
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    issueRefreshToken?: (
      ctx: KoaContextWithOIDC,
      client: Client,
      code: BaseToken,
    ) => Promise<boolean>;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    extraTokenClaims?: (
      ctx: KoaContextWithOIDC,
      token: BaseToken,
    ) => Promise<UnknownObject | undefined>;
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string };
    features?: {
      devInteractions?: { enabled: boolean };
      revocation?: {
        enabled: boolean;
        allowedPolicy?: (
          ctx: KoaContextWithOIDC,
          client: Client,
          token: BaseToken,
        ) => Promise<boolean>;
      };
      userinfo?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: KoaContextWithOIDC,
          client: Client,
          oneOf?: string[],
        ) => Promise<string | string[] | undefined>;
        useGrantedResource?: (ctx: KoaContextWithOIDC, model: BaseToken) => Promise<boolean>;
        getResourceServerInfo?: (
          ctx: KoaContextWithOIDC,
          resourceIndicator: string,
          client: Client,
        ) => Promise<ResourceServerInfo>;
      };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContextWithOIDC, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: KoaContextWithOIDC) => Promise<void>;
      };
    };
    ttl?: {
      AccessToken?: Ttl<BaseToken>;
      AuthorizationCode?: Ttl<BaseToken>;
      IdToken?: Ttl<BaseToken>;
      RefreshToken?: Ttl<BaseToken>;
      Interaction?: number | ((ctx: KoaContextWithOIDC, interaction: Interaction) => number);
      Session?: number | ((ctx: KoaContextWithOIDC, session: Session) => number);
      Grant?: number | ((ctx: KoaContextWithOIDC, grant: Grant) => number);
    };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantStatic;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'server_error', listener: (ctx: KoaContextWithOIDC, error: Error) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly error: string;
      readonly error_description?: string;
      readonly status: number;
    }
    class SessionNotFound extends OIDCProviderError {}
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
  }

  export default Provider;
}
