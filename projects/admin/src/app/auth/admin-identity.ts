/** The role that may change profiles (and read them). */
export const ADMIN_ROLE = 'admin';
/** The role that may read profiles. */
export const READER_ROLE = 'reader';

/** Who is signed in, as the app shows it. */
export interface AdminIdentity {
  /** The IdP's stable identifier of the user (`sub`). */
  readonly subject: string;
  /** The name to show: `name`, else given + family name, else `preferred_username`, else `sub`. */
  readonly displayName: string;
  /** The roles of the `roles` claim. */
  readonly roles: readonly string[];
  /** Whether the user holds the admin role and may change profiles. */
  readonly isAdmin: boolean;
  /** Whether the user holds the reader or admin role and may see profiles. */
  readonly canRead: boolean;
}

/**
 * Reads the signed-in user from the ID token's claims.
 *
 * @param claims The decoded ID token payload.
 * @returns The identity, or `null` when the claims name no subject.
 */
export function readAdminIdentity(claims: unknown): AdminIdentity | null {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
  const record = claims as Record<string, unknown>;
  const subject = text(record['sub']);
  if (!subject) return null;
  const fullName = [text(record['given_name']), text(record['family_name'])].filter(Boolean);
  const roles = rolesOf(record['roles']);
  return {
    subject,
    displayName:
      text(record['name']) ??
      (fullName.length ? fullName.join(' ') : null) ??
      text(record['preferred_username']) ??
      subject,
    roles,
    isAdmin: roles.includes(ADMIN_ROLE),
    canRead: roles.includes(ADMIN_ROLE) || roles.includes(READER_ROLE),
  };
}

function rolesOf(value: unknown): string[] {
  // IdPs send a list, a single string, or a space-separated string for one-role users.
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return list.map(text).filter((role): role is string => role !== null);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
