import {
  createDefaultProfile,
  type DeploymentProfile,
  type IdpSettings,
} from 'ngx-genesys-messenger-auth/profile';

import { str } from './hcl';
import { toTerraform } from './to-terraform';

/** The body of the block whose header line starts with `header`, up to its closing brace. */
function blockOf(hcl: string, header: string): string {
  const start = hcl.indexOf(`${header}`);
  if (start < 0) throw new Error(`no block ${header}`);
  const end = hcl.indexOf('\n}\n', start);
  return hcl.slice(start, end + 2);
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

describe(toTerraform.name, () => {
  const local = createDefaultProfile('local');

  it('writes the integration with the discovery URI and the max refresh token lifetime', () => {
    const integration = blockOf(toTerraform(local), 'resource "genesyscloud_integration" "local"');

    expect(integration).toContain(
      'discoveryUri            = "http://localhost:4400/.well-known/openid-configuration"',
    );
    expect(integration).toContain('maxRefreshTokenLifetime = 86400');
    expect(integration).toContain('integration_type = var.genesys_oidc_integration_type');
  });

  it('writes the authentication settings of the Messenger configuration', () => {
    const configuration = blockOf(
      toTerraform(local),
      'resource "genesyscloud_webdeployments_configuration" "local"',
    );

    expect(configuration).toMatch(/authentication_settings \{[^}]*enabled\s+= true/);
    expect(configuration).toContain('integration_id        = genesyscloud_integration.local.id');
    expect(configuration).toContain('allow_session_upgrade = true');
  });

  it('imports the existing deployment by its id and points it at the configuration', () => {
    const hcl = toTerraform(local);
    const deployment = blockOf(hcl, 'resource "genesyscloud_webdeployments_deployment" "local"');

    expect(hcl).toContain(`id = "${local.genesys.deploymentId}"`);
    expect(deployment).toContain('allowed_domains   = ["localhost"]');
    expect(deployment).toContain(
      'version = genesyscloud_webdeployments_configuration.local.version',
    );
  });

  it('leaves the domain list out when every domain is allowed', () => {
    const open = {
      ...local,
      genesys: { ...local.genesys, allowAllDomains: true, allowedDomains: [] },
    };

    expect(toTerraform(open)).not.toContain('allowed_domains');
    expect(toTerraform(open)).toContain('allow_all_domains = true');
  });

  it('never writes a secret', () => {
    expect(toTerraform(local).toLowerCase()).not.toMatch(/secret\s*=/);
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
    expect(rule).toContain('# refresh_token_lifetime_minutes: unlimited');
    expect(rule).toContain(
      'scope_whitelist               = ["openid", "profile", "offline_access"]',
    );
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
});

describe('str', () => {
  it('escapes backslashes and newlines', () => {
    expect(str('a\\b\nc')).toBe('"a\\\\b\\nc"');
  });
});
