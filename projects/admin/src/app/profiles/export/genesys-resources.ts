/*
 * The Genesys Cloud half of the Terraform export. Resource and attribute names follow the
 * provider's schemas (MyPureCloud/terraform-provider-genesyscloud, docs/resources/integration.md,
 * integration_credential.md, webdeployments_configuration.md, webdeployments_deployment.md).
 * What those schemas leave to the integration type — its id, its property and credential names —
 * no Genesys or provider document states for "OpenID Connect Messenger Configuration": each of
 * those is a variable below whose description says where an admin reads it in their own org.
 */
import { type DeploymentProfile, formatDuration } from 'ngx-genesys-messenger-auth/profile';

import { attr, block, comment, type HclNode, hclObject, str, stringVariable, strList } from './hcl';

/** Where the type-specific names are documented: the integration type's own schemas in the org. */
const TYPE_SCHEMAS = 'GET /api/v2/integrations/types/{typeId}/configschemas/properties';
const CREDENTIAL_TYPES = 'GET /api/v2/integrations/credentials/types';

/**
 * The names only the org's integration type knows. Genesys documents the UI labels ("Discovery
 * URI", "Max Refresh Token Lifetime", client id and secret under Credentials), not these keys
 * (help.mypurecloud.com/articles/get-started-with-authenticated-web-messaging/).
 */
const UNCONFIRMED = {
  integrationType: [
    'genesys_oidc_integration_type',
    'integrationType.id of the "OpenID Connect Messenger Configuration" integration; no Genesys ' +
      'document publishes it: read it from GET /api/v2/integrations/{integrationId} of the ' +
      'integration imported below.',
  ],
  discoveryUriKey: [
    'genesys_oidc_discovery_uri_property',
    'Config property key of "Discovery URI"; Genesys documents only the label: read the key ' +
      `from ${TYPE_SCHEMAS}.`,
  ],
  maxRefreshKey: [
    'genesys_oidc_max_refresh_token_lifetime_property',
    'Config property key of "Max Refresh Token Lifetime" (seconds); Genesys documents only the ' +
      `label: read the key from ${TYPE_SCHEMAS}.`,
  ],
  credentialsKey: [
    'genesys_oidc_credentials_key',
    'Key of the client credential in the integration config "credentials" map; the provider ' +
      'says it is named by the credentials property of the integration type: ' +
      'GET /api/v2/integrations/types/{typeId}.',
  ],
  credentialType: [
    'genesys_oidc_credential_type',
    `credential_type_name of the integration's client credential; not documented for this ` +
      `integration: pick it from ${CREDENTIAL_TYPES}.`,
  ],
  clientIdField: [
    'genesys_oidc_client_id_field',
    `Field name of the client id in that credential type; read it from ${CREDENTIAL_TYPES}.`,
  ],
  clientSecretField: [
    'genesys_oidc_client_secret_field',
    `Field name of the client secret in that credential type; read it from ${CREDENTIAL_TYPES}.`,
  ],
} as const;

type Unconfirmed = keyof typeof UNCONFIRMED;

/** `var.x` for one of the unconfirmed names. */
function ref(name: Unconfirmed): string {
  return `var.${UNCONFIRMED[name][0]}`;
}

/** `(var.x)`: the unconfirmed name as the key of an object or map literal. */
function key(name: Unconfirmed): string {
  return `(${ref(name)})`;
}

const SECRET_VARIABLE = 'genesys_oidc_client_secret';

/** The variables the Genesys resources read: the unconfirmed names and the client secret. */
export function genesysVariables(profile: DeploymentProfile): HclNode[] {
  const { clientId } = profile.genesys.integration;
  return [
    ...Object.values(UNCONFIRMED).map(([name, description]) => stringVariable(name, description)),
    stringVariable(
      SECRET_VARIABLE,
      `Client secret of IdP client "${clientId}". Never part of a profile: pass it as ` +
        `TF_VAR_${SECRET_VARIABLE}.`,
      // The credential's `fields` are sensitive in the provider's schema too.
      attr('sensitive', 'true'),
    ),
  ];
}

/**
 * The client credential (client id + secret) and the integration, imported by the id the
 * profile names so the Messenger configuration keeps pointing at the same integration.
 */
export function integration(profile: DeploymentProfile, label: string): HclNode[] {
  const { integration: oidc, authentication } = profile.genesys;
  const credential = `genesyscloud_integration_credential.${label}`;
  const address = `genesyscloud_integration.${label}`;
  return [
    block(`resource "genesyscloud_integration_credential" "${label}"`, [
      attr('name', str(`${profile.name}: OpenID Connect Messenger client`)),
      attr('credential_type_name', ref('credentialType')),
      attr(
        'fields',
        hclObject([
          [key('clientIdField'), str(oidc.clientId)],
          [key('clientSecretField'), `var.${SECRET_VARIABLE}`],
        ]),
      ),
    ]),
    block('import', [attr('to', address), attr('id', str(authentication.integrationId))]),
    block(`resource "genesyscloud_integration" "${label}"`, [
      // The provider accepts ENABLED or DISABLED only (resource_genesyscloud_integration_schema.go).
      attr('intended_state', str('ENABLED')),
      attr('integration_type', ref('integrationType')),
      block('config', [
        comment(
          `Max Refresh Token Lifetime: ${formatDuration(oidc.maxRefreshTokenLifetimeSeconds)}.`,
        ),
        attr(
          'properties',
          `jsonencode(${hclObject([
            [key('discoveryUriKey'), str(oidc.discoveryUri)],
            [key('maxRefreshKey'), String(oidc.maxRefreshTokenLifetimeSeconds)],
          ])})`,
        ),
        attr('credentials', hclObject([[key('credentialsKey'), `${credential}.id`]])),
        attr('notes', str(`Managed by deployment profile ${profile.name}.`)),
      ]),
    ]),
  ];
}

/** A new Messenger configuration whose `authentication_settings` use the integration. */
export function configuration(profile: DeploymentProfile, label: string): HclNode {
  const { genesys } = profile;
  const { authentication } = genesys;
  return block(`resource "genesyscloud_webdeployments_configuration" "${label}"`, [
    attr('name', str(genesys.deploymentName)),
    attr('description', str(`Authenticated web messaging (deployment profile ${profile.name}).`)),
    attr('languages', strList(['en-us'])),
    attr('default_language', str('en-us')),
    block('authentication_settings', [
      attr('enabled', String(authentication.enabled)),
      attr('integration_id', `genesyscloud_integration.${label}.id`),
      attr('allow_session_upgrade', String(authentication.allowSessionUpgrade)),
    ]),
  ]);
}

/** The existing web deployment, imported by its id, pointed at the new configuration. */
export function deployment(profile: DeploymentProfile, label: string): HclNode[] {
  const { genesys } = profile;
  const address = `genesyscloud_webdeployments_deployment.${label}`;
  return [
    block('import', [attr('to', address), attr('id', str(genesys.deploymentId))]),
    block(`resource "genesyscloud_webdeployments_deployment" "${label}"`, [
      attr('name', str(genesys.deploymentName)),
      genesys.deploymentDescription
        ? attr('description', str(genesys.deploymentDescription))
        : null,
      attr('allow_all_domains', String(genesys.allowAllDomains)),
      // "allowedDomains must be empty when this is true" (allow_all_domains in the schema).
      genesys.allowAllDomains ? null : attr('allowed_domains', strList(genesys.allowedDomains)),
      block('configuration', [
        attr('id', `genesyscloud_webdeployments_configuration.${label}.id`),
        attr('version', `genesyscloud_webdeployments_configuration.${label}.version`),
      ]),
      // flow_id is optional and not computed: left out, applying would detach the deployment's
      // inbound message flow, which the profile does not know.
      block('lifecycle', [attr('ignore_changes', '[flow_id]')]),
    ]),
  ];
}
