import { FormControl, FormGroup } from '@angular/forms';
import {
  createDefaultProfile,
  type DeploymentProfile,
  IDP_DURATION_FIELDS,
  IDP_KINDS,
  type IdpDurationField,
  type IdpKind,
  type ReauthMode,
} from 'ngx-genesys-messenger-auth/profile';

/** A duration typed in seconds; `null` while the field is empty. */
export type SecondsControl = FormControl<number | null>;

/** The Genesys side. Lists are edited as text (separated by commas or spaces). */
export interface GenesysForm {
  environment: FormControl<string>;
  deploymentId: FormControl<string>;
  deploymentName: FormControl<string>;
  deploymentDescription: FormControl<string>;
  allowAllDomains: FormControl<boolean>;
  allowedDomains: FormControl<string>;
  authentication: FormGroup<{
    enabled: FormControl<boolean>;
    integrationId: FormControl<string>;
    allowSessionUpgrade: FormControl<boolean>;
  }>;
  integration: FormGroup<{
    discoveryUri: FormControl<string>;
    clientId: FormControl<string>;
    maxRefreshTokenLifetimeSeconds: SecondsControl;
  }>;
}

/** The IdP. Every lifetime has a control; the kind decides which are shown and sent. */
export type IdpForm = {
  kind: FormControl<IdpKind>;
  issuer: FormControl<string>;
  portalClientId: FormControl<string>;
  scopes: FormControl<string>;
} & Record<IdpDurationField, SecondsControl>;

/** The refresh policy. */
export interface RefreshForm {
  leadSeconds: SecondsControl;
  floorSeconds: SecondsControl;
  backoffCapSeconds: SecondsControl;
  reauthMode: FormControl<ReauthMode>;
}

/** The editor's form: everything of a profile except its name (which is its URL). */
export interface ProfileForm {
  genesys: FormGroup<GenesysForm>;
  idp: FormGroup<IdpForm>;
  refresh: FormGroup<RefreshForm>;
}

/** The form's raw value. */
export type ProfileFormValue = ReturnType<FormGroup<ProfileForm>['getRawValue']>;

const text = (value = '') => new FormControl(value, { nonNullable: true });
const flag = (value = false) => new FormControl(value, { nonNullable: true });
const seconds = () => new FormControl<number | null>(null);

/** Creates the editor's form, filled with the local stack's default profile. */
export function createProfileForm(): FormGroup<ProfileForm> {
  const form = new FormGroup<ProfileForm>({
    genesys: new FormGroup<GenesysForm>({
      environment: text(),
      deploymentId: text(),
      deploymentName: text(),
      deploymentDescription: text(),
      allowAllDomains: flag(),
      allowedDomains: text(),
      authentication: new FormGroup({
        enabled: flag(true),
        integrationId: text(),
        allowSessionUpgrade: flag(),
      }),
      integration: new FormGroup({
        discoveryUri: text(),
        clientId: text(),
        maxRefreshTokenLifetimeSeconds: seconds(),
      }),
    }),
    idp: new FormGroup<IdpForm>({
      kind: new FormControl<IdpKind>('generic', { nonNullable: true }),
      issuer: text(),
      portalClientId: text(),
      scopes: text(),
      accessTokenLifetimeSeconds: seconds(),
      refreshTokenLifetimeSeconds: seconds(),
      refreshTokenIdleSeconds: seconds(),
      ssoSessionIdleSeconds: seconds(),
      ssoSessionMaxSeconds: seconds(),
    }),
    refresh: new FormGroup<RefreshForm>({
      leadSeconds: seconds(),
      floorSeconds: seconds(),
      backoffCapSeconds: seconds(),
      reauthMode: new FormControl<ReauthMode>('silent-then-interactive', { nonNullable: true }),
    }),
  });
  form.setValue(formValueOf(createDefaultProfile('draft')));
  return form;
}

function list(values: readonly string[] | undefined, separator: string): string {
  return Array.isArray(values) ? values.join(separator) : '';
}

function num(value: number | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * The form value showing a profile. Tolerates a partial profile (a draft the server stored before
 * a rule changed): missing fields become empty.
 *
 * @param profile The profile to edit.
 */
export function formValueOf(profile: DeploymentProfile): ProfileFormValue {
  const genesys = profile.genesys ?? ({} as Partial<DeploymentProfile['genesys']>);
  const idp = profile.idp ?? ({} as Partial<DeploymentProfile['idp']>);
  const refresh = profile.refresh ?? ({} as Partial<DeploymentProfile['refresh']>);
  return {
    genesys: {
      environment: genesys.environment ?? '',
      deploymentId: genesys.deploymentId ?? '',
      deploymentName: genesys.deploymentName ?? '',
      deploymentDescription: genesys.deploymentDescription ?? '',
      allowAllDomains: genesys.allowAllDomains ?? false,
      allowedDomains: list(genesys.allowedDomains, ', '),
      authentication: {
        enabled: genesys.authentication?.enabled ?? true,
        integrationId: genesys.authentication?.integrationId ?? '',
        allowSessionUpgrade: genesys.authentication?.allowSessionUpgrade ?? false,
      },
      integration: {
        discoveryUri: genesys.integration?.discoveryUri ?? '',
        clientId: genesys.integration?.clientId ?? '',
        maxRefreshTokenLifetimeSeconds: num(genesys.integration?.maxRefreshTokenLifetimeSeconds),
      },
    },
    idp: {
      kind: idp.kind ?? 'generic',
      issuer: idp.issuer ?? '',
      portalClientId: idp.portalClientId ?? '',
      scopes: list(idp.scopes, ' '),
      accessTokenLifetimeSeconds: num(idp.accessTokenLifetimeSeconds),
      refreshTokenLifetimeSeconds: num(idp.refreshTokenLifetimeSeconds),
      refreshTokenIdleSeconds: num(idp.refreshTokenIdleSeconds),
      ssoSessionIdleSeconds: num(idp.ssoSessionIdleSeconds),
      ssoSessionMaxSeconds: num(idp.ssoSessionMaxSeconds),
    },
    refresh: {
      leadSeconds: num(refresh.leadSeconds),
      floorSeconds: num(refresh.floorSeconds),
      backoffCapSeconds: num(refresh.backoffCapSeconds),
      reauthMode: refresh.reauthMode ?? 'silent-then-interactive',
    },
  };
}

/** Splits a list typed as text at commas and white space. */
export function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter((item) => item !== '');
}

/** Drops the fields that are empty, so the schema reports them as missing, not as wrong. */
function present<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== '' && value !== null),
  ) as Partial<T>;
}

/**
 * The profile a form value describes, for `validateProfile` to judge (so it is typed loosely:
 * it is whatever the admin typed). Empty fields are left out; the lifetimes are those of the
 * chosen IdP kind only; with "allow all domains" the domain list is sent empty.
 *
 * @param name The profile's name.
 * @param value The form's raw value.
 */
export function profileInputOf(name: string, value: ProfileFormValue): Record<string, unknown> {
  const { genesys, idp, refresh } = value;
  const kindFields = IDP_KINDS[idp.kind]?.fields ?? {};
  const durations = Object.fromEntries(
    IDP_DURATION_FIELDS.filter((field) => field in kindFields).map((field) => [field, idp[field]]),
  );
  return {
    name,
    genesys: {
      ...present({
        environment: genesys.environment.trim(),
        deploymentId: genesys.deploymentId.trim(),
        deploymentName: genesys.deploymentName,
        deploymentDescription: genesys.deploymentDescription,
      }),
      allowAllDomains: genesys.allowAllDomains,
      allowedDomains: genesys.allowAllDomains ? [] : splitList(genesys.allowedDomains),
      authentication: {
        enabled: genesys.authentication.enabled,
        ...present({ integrationId: genesys.authentication.integrationId.trim() }),
        allowSessionUpgrade: genesys.authentication.allowSessionUpgrade,
      },
      integration: present({
        discoveryUri: genesys.integration.discoveryUri.trim(),
        clientId: genesys.integration.clientId.trim(),
        maxRefreshTokenLifetimeSeconds: genesys.integration.maxRefreshTokenLifetimeSeconds,
      }),
    },
    idp: {
      kind: idp.kind,
      ...present({ issuer: idp.issuer.trim(), portalClientId: idp.portalClientId.trim() }),
      scopes: splitList(idp.scopes),
      ...present(durations),
    },
    refresh: present({
      leadSeconds: refresh.leadSeconds,
      floorSeconds: refresh.floorSeconds,
      backoffCapSeconds: refresh.backoffCapSeconds,
      reauthMode: refresh.reauthMode,
    }),
  };
}

/**
 * After the admin picks another IdP kind: clears the lifetimes the kind does not have and fills
 * the empty ones it requires with the kind's documented default.
 *
 * @param group The IdP part of the form.
 * @param kind The kind just chosen.
 */
export function applyIdpKind(group: FormGroup<IdpForm>, kind: IdpKind): void {
  const fields = IDP_KINDS[kind].fields;
  for (const field of IDP_DURATION_FIELDS) {
    const spec = fields[field];
    const control = group.controls[field];
    if (!spec) control.setValue(null);
    else if (control.value === null && spec.required && spec.defaultSeconds !== undefined) {
      control.setValue(spec.defaultSeconds);
    }
  }
}
