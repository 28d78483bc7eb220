/*
 * The Okta half of the Terraform export: the access-policy rule of the custom authorization
 * server, which is where Okta keeps token lifetimes. Attribute names, ranges and defaults are
 * those of okta/terraform-provider-okta, docs/resources/auth_server_policy_rule.md: access token
 * 5–1440 min (default 60), refresh window 5–2 628 000 min (default 10080, between the access and
 * the refresh lifetime), refresh lifetime optional with no default.
 */
import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { attr, block, comment, type HclNode, str, stringVariable, strList } from './hcl';

/** Whole minutes for Okta, rounded up (the rule's lifetimes are in minutes). */
function minutes(seconds: number): string {
  const value = Math.ceil(seconds / 60);
  return value * 60 === seconds ? String(value) : `${value} # ${seconds} s rounded up`;
}

/**
 * The variables and the `okta_auth_server_policy_rule` carrying the profile's lifetimes.
 *
 * @param profile A valid profile whose IdP is Okta.
 * @param label The resource label of the profile.
 */
export function oktaRule(profile: DeploymentProfile, label: string): HclNode[] {
  const { idp, genesys } = profile;
  return [
    stringVariable(
      'okta_auth_server_id',
      `The custom authorization server with issuer ${idp.issuer}.`,
    ),
    stringVariable(
      'okta_policy_id',
      `The access policy covering client ${genesys.integration.clientId}.`,
    ),
    block(`resource "okta_auth_server_policy_rule" "${label}_genesys_messenger"`, [
      attr('auth_server_id', 'var.okta_auth_server_id'),
      attr('policy_id', 'var.okta_policy_id'),
      attr('name', str(`Genesys Messenger (${profile.name})`)),
      attr('status', str('ACTIVE')),
      attr('priority', '1'),
      attr('grant_type_whitelist', strList(['authorization_code'])),
      attr('scope_whitelist', strList(idp.scopes)),
      attr('group_whitelist', strList(['EVERYONE'])),
      attr('access_token_lifetime_minutes', minutes(idp.accessTokenLifetimeSeconds)),
      idp.refreshTokenIdleSeconds === undefined
        ? comment('refresh_token_window_minutes: the provider default, 10080 (7 days)')
        : attr('refresh_token_window_minutes', minutes(idp.refreshTokenIdleSeconds)),
      idp.refreshTokenLifetimeSeconds === undefined
        ? comment('refresh_token_lifetime_minutes: not set, the profile sets no absolute limit')
        : attr('refresh_token_lifetime_minutes', minutes(idp.refreshTokenLifetimeSeconds)),
    ]),
  ];
}
