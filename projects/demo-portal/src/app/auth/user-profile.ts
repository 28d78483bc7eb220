/** Claims of an ID token or a UserInfo response, as parsed JSON. */
export type Claims = Readonly<Record<string, unknown>>;

/** What the portal shows about the signed-in customer. */
export interface UserProfile {
  /** The IdP's stable identifier of the user (`sub`). */
  readonly subject: string;
  /** The name to greet the user with (`name`, else given + family name, else the username). */
  readonly displayName: string;
  /** The sign-in name (`preferred_username`), when the IdP shares it. */
  readonly username: string | null;
  /** The e-mail address, when the IdP shares it. */
  readonly email: string | null;
  /** Whether the IdP has verified the e-mail address. */
  readonly emailVerified: boolean;
  /** Roles granted to the user (`roles`), empty for ordinary customers. */
  readonly roles: readonly string[];
}

/**
 * Reads the portal's view of a user from OpenID Connect claims.
 *
 * @param claims Claims of the ID token merged with the UserInfo response, or `null` when signed out.
 * @returns The profile, or `null` when the claims do not identify a user (no `sub`).
 */
export function readUserProfile(claims: Claims | null | undefined): UserProfile | null {
  const subject = text(claims?.['sub']);
  if (!claims || !subject) {
    return null;
  }
  const username = text(claims['preferred_username']);
  return {
    subject,
    displayName: displayNameOf(claims) ?? username ?? subject,
    username,
    email: text(claims['email']),
    emailVerified: claims['email_verified'] === true,
    roles: rolesOf(claims['roles']),
  };
}

/**
 * Merges ID-token claims with UserInfo claims; UserInfo wins, as it is the fresher source.
 *
 * @param idTokenClaims The decoded ID token payload, if any.
 * @param userInfo The UserInfo response angular-auth-oidc-client stored, if any.
 * @returns The merged claims, or `null` when neither source holds an object.
 */
export function mergeClaims(idTokenClaims: unknown, userInfo: unknown): Claims | null {
  const fromToken = isClaims(idTokenClaims) ? idTokenClaims : null;
  const fromUserInfo = isClaims(userInfo) ? userInfo : null;
  if (!fromToken && !fromUserInfo) {
    return null;
  }
  return { ...fromToken, ...fromUserInfo };
}

function displayNameOf(claims: Claims): string | null {
  const name = text(claims['name']);
  if (name) {
    return name;
  }
  const parts = [text(claims['given_name']), text(claims['family_name'])].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

function rolesOf(value: unknown): string[] {
  // IdPs send a list, a single string, or a space-separated string for one-role users.
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return list.map(text).filter((role): role is string => role !== null);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isClaims(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
