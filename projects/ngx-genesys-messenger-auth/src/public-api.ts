/*
 * Public API surface of ngx-genesys-messenger-auth.
 */

// The Genesys Messenger JavaScript API, typed.
export type {
  GenesysAuthCodeResult,
  GenesysAuthenticatedData,
  GenesysCommandEvent,
  GenesysCommandHandler,
  GenesysEnvelope,
  GenesysGlobal,
  GenesysPlugin,
  GenesysSnippetConfig,
  GenesysSubscriber,
} from './lib/messenger/genesys-api';
export { installGenesysSnippet, type GenesysHostWindow } from './lib/messenger/genesys-snippet';

// Genesys regions and hosts.
export {
  GENESYS_REGIONS,
  genesysHosts,
  regionOf,
  type GenesysHosts,
  type GenesysRegion,
} from './lib/core/genesys-regions';

// Internals shared with the secondary entry points.
export { readJwtTimes as ɵreadJwtTimes, type JwtTimes as ɵJwtTimes } from './lib/core/jwt-claims';
