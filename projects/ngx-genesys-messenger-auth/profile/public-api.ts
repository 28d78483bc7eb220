/*
 * ngx-genesys-messenger-auth/profile: the deployment profile — one schema for the admin app, the
 * profile server and the library (GENESYS-CONTRACT.md §4–5). Its validation, the lifetimes it
 * implies, a timeline of a session, and the library configuration and portal document it yields.
 * Angular-free and safe to import in Node.
 */

export {
  DISCOVERY_SUFFIX,
  MAX_GENESYS_JWT_LIFETIME_SECONDS,
  MAX_REFRESH_TOKEN_LIFETIME_RANGE_SECONDS,
  PROFILE_NAME_PATTERN,
  createDefaultProfile,
  type DeploymentProfile,
  type GenesysAuthenticationSettings,
  type GenesysDeploymentSettings,
  type GenesysOidcIntegration,
  type IdpKind,
  type IdpSettings,
  type ProfileRefreshPolicy,
  type ReauthMode,
} from './src/profile-schema';
export {
  IDP_KINDS,
  IDP_KIND_NAMES,
  isIdpKind,
  type IdpDurationField,
  type IdpFieldSpec,
  type IdpKindSpec,
  type SecondsRange,
} from './src/idp-kinds';
export type { ProfileIssue, ProfileIssueCode, ProfileIssueSeverity } from './src/profile-issue';
export { REAUTH_MODES } from './src/validate-refresh';
export { IDP_DURATION_FIELDS } from './src/validate-idp';
export {
  validateProfile,
  type ProfileValidation,
  type ProfileValidationOptions,
} from './src/validate-profile';
export { deriveLifetimes, type DerivedLifetimes } from './src/derive-lifetimes';
export { jwtLifetimeOf, type SessionBound } from './src/session-limits';
export {
  MAX_TIMELINE_REFRESH_MARKS,
  profileTimeline,
  type TimelineMark,
  type TimelineMarkKind,
  type TimelineModel,
  type TimelineSpan,
} from './src/profile-timeline';
export {
  bridgeConfigFromProfile,
  publishedDocument,
  type PublishedProfileDocument,
} from './src/profile-to-bridge-config';
export { allowedOriginsOf, isOriginAllowed } from './src/allowed-origins';
export { formatDuration } from './src/format-duration';
