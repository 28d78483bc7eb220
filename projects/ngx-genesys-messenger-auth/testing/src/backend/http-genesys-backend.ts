import type { ExchangeParameters, GenesysBackend, MessageReceipt } from './genesys-backend';
import { GenesysApiError, type GenesysErrorBody } from './genesys-api-error';
import type { GenesysTokens } from './genesys-token-service';
import type { DeploymentConfig } from './token-ports';

/** Paths of the Genesys Cloud API (contract §4) and of the simulator's messaging stand-in. */
export const GENESYS_PATHS = {
  config: (deploymentId: string) =>
    `/webdeployments/v1/deployments/${encodeURIComponent(deploymentId)}/config.json`,
  exchange: '/api/v2/webdeployments/token/oauthcodegrantjwtexchange',
  refresh: '/api/v2/webdeployments/token/refresh',
  revoke: '/api/v2/webdeployments/token/revoke',
  messages: '/api/v2/webmessaging/messages',
} as const;

/** Where the browser reaches Genesys: the REST API and the configuration CDN. */
export interface GenesysOrigins {
  readonly api: string;
  readonly apiCdn: string;
}

/** Genesys over HTTP, as the emulated Messenger in a browser reaches the simulator (or a real API). */
export class HttpGenesysBackend implements GenesysBackend {
  constructor(
    private readonly origins: GenesysOrigins,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** @inheritdoc */
  deploymentConfig(deploymentId: string): Promise<DeploymentConfig> {
    return this.request(`${this.origins.apiCdn}${GENESYS_PATHS.config(deploymentId)}`, {
      method: 'GET',
    });
  }

  /** @inheritdoc */
  exchangeCode(parameters: ExchangeParameters): Promise<GenesysTokens> {
    return this.post(GENESYS_PATHS.exchange, parameters);
  }

  /** @inheritdoc */
  refresh(refreshToken: string, deploymentId: string): Promise<{ jwt: string }> {
    return this.post(GENESYS_PATHS.refresh, { refreshToken, deploymentId });
  }

  /** @inheritdoc */
  async revoke(jwt: string): Promise<void> {
    await this.request(`${this.origins.api}${GENESYS_PATHS.revoke}`, {
      method: 'DELETE',
      headers: { Authorization: `bearer ${jwt}` },
    });
  }

  /** @inheritdoc */
  sendMessage(jwt: string, text: string): Promise<MessageReceipt> {
    return this.post(GENESYS_PATHS.messages, { text }, { Authorization: `bearer ${jwt}` });
  }

  private post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.request(`${this.origins.api}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(url: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchFn(url, init);
    } catch (error) {
      // No answer at all (offline, refused): a transient failure, like a 503.
      throw new GenesysApiError(503, 'network.error', `no answer from Genesys (${String(error)})`);
    }
    const text = await response.text();
    const body: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const error = (body ?? {}) as Partial<GenesysErrorBody>;
      throw new GenesysApiError(
        response.status,
        error.code ?? 'http.error',
        error.message ?? `HTTP ${response.status}`,
        undefined,
        retryAfterSeconds(response.headers.get('Retry-After')),
      );
    }
    return body as T;
  }
}

/** Reads `Retry-After` (delta seconds or an HTTP date) as whole seconds from now. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON body (a proxy's error page): keep the status, drop the body.
    return undefined;
  }
}
