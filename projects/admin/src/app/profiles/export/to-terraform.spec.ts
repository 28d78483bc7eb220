import {
  createDefaultProfile,
  type DeploymentProfile,
  type IdpSettings,
} from 'ngx-genesys-messenger-auth/profile';

import { hclSyntaxProblems } from '../../../testing/hcl-syntax';
import { toTerraform } from './to-terraform';

/** The block whose header line starts with `header`, up to its closing brace at column 0. */
function blockOf(hcl: string, header: string): string {
  const start = hcl.indexOf(`${header}`);
  if (start < 0) throw new Error(`no block ${header}`);
  const end = hcl.indexOf('\n}\n', start);
  return hcl.slice(start, end + 2);
}

/** The value of `description` in `variable "name"`. */
function descriptionOf(hcl: string, name: string): string {
  return /description = "(.*)"/.exec(blockOf(hcl, `variable "${name}"`))?.[1] ?? '';
}

function withIdp(profile: DeploymentProfile, idp: Partial<IdpSettings>): DeploymentProfile {
  return { ...profile, idp: { ...profile.idp, ...idp } };
}

const okta: DeploymentProfile = withIdp(createDefaultProfile('retail-banking'), {
  kind: 'okta',
  issuer: 'https://example.okta.com/oauth2/default',
  accessTokenLifetimeSeconds: 3600,
  refreshTokenIdleSeconds: 7 * 86_400,
  refreshTokenLifetimeSeconds: undefined,
});

/** The variables standing for names Genesys does not document for this integration type. */
const UNCONFIRMED = [
  'genesys_oidc_integration_type',
  'genesys_oidc_discovery_uri_property',
  'genesys_oidc_max_refresh_token_lifetime_property',
  'genesys_oidc_credentials_key',
  'genesys_oidc_credential_type',
  'genesys_oidc_client_id_field',
  'genesys_oidc_client_secret_field',
];

describe(toTerraform.name, () => {
  const local = createDefaultProfile('local');

  it('imports the integration the profile names and sets its type from a variable', () => {
    const hcl = toTerraform(local);

    expect(blockOf(hcl, 'import {\n  to = genesyscloud_integration.local')).toContain(
      'id = "local-oidc-integration"',
    );
    expect(blockOf(hcl, 'resource "genesyscloud_integration" "local"')).toContain(
      'integration_type = var.genesys_oidc_integration_type',
    );
  });

  it('writes the discovery URI and the max refresh token lifetime under the property keys asked for', () => {
    const integration = blockOf(toTerraform(local), 'resource "genesyscloud_integration" "local"');

    expect(integration).toMatch(
      /\(var\.genesys_oidc_discovery_uri_property\)\s+= "http:\/\/localhost:4400\/\.well-known\/openid-configuration"/,
    );
    expect(integration).toMatch(
      /\(var\.genesys_oidc_max_refresh_token_lifetime_property\) = 86400\n/,
    );
    expect(integration).toContain('intended_state   = "ENABLED"');
  });

  it('explains in each variable it asks for why the export could not fill it in', () => {
    const hcl = toTerraform(local);

    for (const name of UNCONFIRMED) {
      expect(descriptionOf(hcl, name)).toMatch(/GET \/api\/v2\/integrations\//);
    }
  });

  it('puts the client id and the secret variable into a credential the integration uses', () => {
    const hcl = toTerraform(local);
    const credential = blockOf(hcl, 'resource "genesyscloud_integration_credential" "local"');

    expect(credential).toContain('credential_type_name = var.genesys_oidc_credential_type');
    expect(credential).toMatch(/\(var\.genesys_oidc_client_id_field\)\s+= "genesys-messenger"/);
    expect(credential).toMatch(
      /\(var\.genesys_oidc_client_secret_field\) = var\.genesys_oidc_client_secret\n/,
    );
    expect(blockOf(hcl, 'resource "genesyscloud_integration" "local"')).toContain(
      '(var.genesys_oidc_credentials_key) = genesyscloud_integration_credential.local.id',
    );
  });

  it('asks for the client secret as a sensitive variable', () => {
    const secret = blockOf(toTerraform(local), 'variable "genesys_oidc_client_secret"');

    expect(secret).toMatch(/sensitive\s+= true/);
  });

  it('never writes a secret, even one smuggled into the profile', () => {
    const smuggled = {
      ...local,
      genesys: {
        ...local.genesys,
        integration: { ...local.genesys.integration, clientSecret: 'hunter2-secret' },
      },
    };

    expect(toTerraform(smuggled)).not.toContain('hunter2');
  });

  it('writes the authentication settings of the Messenger configuration', () => {
    const configuration = blockOf(
      toTerraform(local),
      'resource "genesyscloud_webdeployments_configuration" "local"',
    );

    expect(configuration).toMatch(/authentication_settings \{\n\s+enabled\s+= true/);
    expect(configuration).toContain('integration_id        = genesyscloud_integration.local.id');
    expect(configuration).toContain('allow_session_upgrade = true');
  });

  it('writes the settings as the profile has them when authentication is off', () => {
    const off = {
      ...local,
      genesys: {
        ...local.genesys,
        authentication: {
          ...local.genesys.authentication,
          enabled: false,
          allowSessionUpgrade: false,
        },
      },
    };
    const configuration = blockOf(
      toTerraform(off),
      'resource "genesyscloud_webdeployments_configuration" "local"',
    );

    expect(configuration).toMatch(/enabled\s+= false/);
    expect(configuration).toContain('allow_session_upgrade = false');
  });

  it('imports the existing deployment by its id and points it at the configuration', () => {
    const hcl = toTerraform(local);
    const deployment = blockOf(hcl, 'resource "genesyscloud_webdeployments_deployment" "local"');

    expect(blockOf(hcl, 'import {\n  to = genesyscloud_webdeployments_deployment.local')).toContain(
      `id = "${local.genesys.deploymentId}"`,
    );
    expect(deployment).toContain('allowed_domains   = ["localhost"]');
    expect(deployment).toContain('id      = genesyscloud_webdeployments_configuration.local.id');
    expect(deployment).toContain(
      'version = genesyscloud_webdeployments_configuration.local.version',
    );
  });

  it('keeps the inbound message flow of the imported deployment', () => {
    const deployment = blockOf(
      toTerraform(local),
      'resource "genesyscloud_webdeployments_deployment" "local"',
    );

    expect(deployment).toMatch(/lifecycle \{\n\s+ignore_changes = \[flow_id\]/);
  });

  it('leaves the domain list out when every domain is allowed', () => {
    const open = {
      ...local,
      genesys: { ...local.genesys, allowAllDomains: true, allowedDomains: [] },
    };

    expect(toTerraform(open)).not.toContain('allowed_domains');
    expect(toTerraform(open)).toContain('allow_all_domains = true');
  });

  it('requires a Terraform that knows import blocks', () => {
    expect(blockOf(toTerraform(local), 'terraform {')).toContain('required_version = ">= 1.5.0"');
  });

  it('writes no Okta rule for another IdP', () => {
    expect(toTerraform(local)).not.toContain('okta');
  });

  it('writes the Okta policy rule with the lifetimes in minutes for an Okta IdP', () => {
    const rule = blockOf(
      toTerraform(okta),
      'resource "okta_auth_server_policy_rule" "retail_banking_genesys_messenger"',
    );

    expect(rule).toContain('access_token_lifetime_minutes = 60');
    expect(rule).toContain('refresh_token_window_minutes  = 10080');
    expect(rule).toContain('# refresh_token_lifetime_minutes: not set');
    expect(rule).toContain(
      'scope_whitelist               = ["openid", "profile", "offline_access"]',
    );
  });

  it("leaves Okta's refresh window to its default when the profile sets none", () => {
    const rule = blockOf(
      toTerraform(withIdp(okta, { refreshTokenIdleSeconds: undefined })),
      'resource "okta_auth_server_policy_rule"',
    );

    expect(rule).not.toMatch(/^\s*refresh_token_window_minutes\s*=/m);
    expect(rule).toContain('# refresh_token_window_minutes: the provider default, 10080 (7 days)');
  });

  it('writes a set Okta refresh token lifetime', () => {
    const rule = blockOf(
      toTerraform(withIdp(okta, { refreshTokenLifetimeSeconds: 30 * 86_400 })),
      'resource "okta_auth_server_policy_rule"',
    );

    expect(rule).toContain('refresh_token_lifetime_minutes = 43200');
  });

  it('rounds a lifetime that is not whole minutes up, and says so', () => {
    const hcl = toTerraform(withIdp(okta, { accessTokenLifetimeSeconds: 330 }));

    expect(hcl).toContain('access_token_lifetime_minutes = 6 # 330 s rounded up');
  });

  it('declares the Okta provider only for an Okta IdP', () => {
    expect(toTerraform(okta)).toContain('source = "okta/okta"');
    expect(toTerraform(local)).toContain('source = "mypurecloud/genesyscloud"');
  });

  it('escapes quotes and template sequences in names', () => {
    const tricky = {
      ...local,
      genesys: { ...local.genesys, deploymentName: 'Say "hi" ${var.x} %{if}' },
    };

    expect(toTerraform(tricky)).toMatch(/name\s+= "Say \\"hi\\" \$\$\{var\.x\} %%\{if\}"/);
  });

  it.each([
    ['the local profile', local],
    ['an Okta profile', okta],
    [
      'an Okta profile with every lifetime set',
      withIdp(okta, { refreshTokenLifetimeSeconds: 86_400 }),
    ],
    [
      'a profile with quotes, backslashes and templates in its strings',
      {
        ...local,
        genesys: {
          ...local.genesys,
          deploymentName: 'A "b" \\ ${c} %{d} {e}',
          deploymentDescription: 'line one\nline two ]) }',
          authentication: { ...local.genesys.authentication, integrationId: 'oidc_1"' },
        },
      },
    ],
  ])('writes lexically valid HCL for %s, declaring every variable it uses', (_, profile) => {
    expect(hclSyntaxProblems(toTerraform(profile))).toEqual([]);
  });
});
