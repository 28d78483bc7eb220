/**
 * Genesys Cloud regions and their domains (GENESYS-CONTRACT.md §5). Snippets name a region by its
 * `environment`: `prod` or `prod-<region>` (e.g. `prod-euw1`); the bare region code is accepted too.
 */
export const GENESYS_REGIONS = {
  use1: 'mypurecloud.com',
  usw2: 'usw2.pure.cloud',
  cac1: 'cac1.pure.cloud',
  mxc1: 'mxc1.pure.cloud',
  sae1: 'sae1.pure.cloud',
  euw1: 'mypurecloud.ie',
  euw2: 'euw2.pure.cloud',
  euc1: 'mypurecloud.de',
  euc2: 'euc2.pure.cloud',
  mec1: 'mec1.pure.cloud',
  aps1: 'aps1.pure.cloud',
  apne1: 'mypurecloud.jp',
  apne2: 'apne2.pure.cloud',
  apne3: 'apne3.pure.cloud',
  apse1: 'apse1.pure.cloud',
  apse2: 'mypurecloud.com.au',
  'fedramp-use2': 'use2.us-gov-pure.cloud',
} as const;

/** A Genesys Cloud region code. */
export type GenesysRegion = keyof typeof GENESYS_REGIONS;

/** The hosts of one Genesys environment. */
export interface GenesysHosts {
  /** Origin serving `genesys-bootstrap/genesys.min.js`. */
  readonly apps: string;
  /** Origin of the REST API (`/api/v2/...`). */
  readonly api: string;
  /** Origin of the deployment configuration. */
  readonly apiCdn: string;
}

/**
 * The region code an environment names, or undefined when it names none
 * (`prod` → `use1`, `prod-euw1` → `euw1`, `euw1` → `euw1`).
 */
export function regionOf(environment: string): GenesysRegion | undefined {
  const code = environment === 'prod' ? 'use1' : environment.replace(/^prod-/, '');
  return Object.hasOwn(GENESYS_REGIONS, code) ? (code as GenesysRegion) : undefined;
}

/**
 * The hosts of a Genesys environment: a region's `apps.`/`api.`/`api-cdn.` hosts over https, or —
 * for a custom domain such as the local simulator (`http://localhost:4500`) — that one origin.
 */
export function genesysHosts(environmentOrOrigin: string): GenesysHosts {
  const region = regionOf(environmentOrOrigin);
  if (region) {
    const domain = GENESYS_REGIONS[region];
    return {
      apps: `https://apps.${domain}`,
      api: `https://api.${domain}`,
      apiCdn: `https://api-cdn.${domain}`,
    };
  }
  const origin = new URL(environmentOrOrigin).origin;
  return { apps: origin, api: origin, apiCdn: origin };
}
