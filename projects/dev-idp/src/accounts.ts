/**
 * The dev IdP's test users. Development only: the passwords are public on purpose, exported so
 * tests and docs use one source.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A test user and the claims the IdP releases about them. */
export interface TestUser {
  /** Stable subject identifier. */
  readonly sub: string;
  readonly username: string;
  readonly password: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** The claims of a user, by OIDC claim name. */
export interface UserClaims {
  readonly sub: string;
  readonly name: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly preferred_username: string;
  readonly email: string;
  readonly email_verified: boolean;
  readonly roles: readonly string[];
}

/** Passwords of the test users, by username (dev only). */
export const TEST_PASSWORDS = {
  alice: 'wonderland',
  bob: 'builder',
  ada: 'lovelace',
  grace: 'hopper',
  rosalind: 'franklin',
} as const;

/** Every test user the IdP knows. */
export const TEST_USERS: readonly TestUser[] = [
  {
    sub: 'a11ce000-0000-4000-8000-000000000001',
    username: 'alice',
    password: TEST_PASSWORDS.alice,
    givenName: 'Alice',
    familyName: 'Anderson',
    email: 'alice@example.com',
    roles: ['customer'],
  },
  {
    sub: 'b0b00000-0000-4000-8000-000000000002',
    username: 'bob',
    password: TEST_PASSWORDS.bob,
    givenName: 'Bob',
    familyName: 'Baker',
    email: 'bob@example.com',
    roles: ['customer'],
  },
  {
    sub: 'ada00000-0000-4000-8000-000000000003',
    username: 'ada',
    password: TEST_PASSWORDS.ada,
    givenName: 'Ada',
    familyName: 'Admin',
    email: 'ada@example.com',
    roles: ['admin'],
  },
  {
    sub: '9ace0000-0000-4000-8000-000000000004',
    username: 'grace',
    password: TEST_PASSWORDS.grace,
    givenName: 'Grace',
    familyName: 'Admin',
    email: 'grace@example.com',
    roles: ['admin'],
  },
  {
    sub: '70541170-0000-4000-8000-000000000005',
    username: 'rosalind',
    password: TEST_PASSWORDS.rosalind,
    givenName: 'Rosalind',
    familyName: 'Reader',
    email: 'rosalind@example.com',
    roles: ['reader'],
  },
];

/**
 * Finds a user by subject identifier.
 * @param sub the `sub` claim
 * @returns the user, or undefined
 */
export function findUserBySub(sub: string): TestUser | undefined {
  return TEST_USERS.find((user) => user.sub === sub);
}

/**
 * Checks a username and password (username case-insensitive, password compared in constant time).
 * @param username as typed
 * @param password as typed
 * @returns the user when both match, otherwise undefined
 */
export function checkPassword(username: string, password: string): TestUser | undefined {
  const wanted = username.trim().toLowerCase();
  const user = TEST_USERS.find((candidate) => candidate.username === wanted);
  if (!user) {
    return undefined;
  }
  // Hash both sides so the comparison is constant-time even when the lengths differ.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(password), digest(user.password)) ? user : undefined;
}

/**
 * The claims released about a user (oidc-provider filters them by granted scope).
 * @param user the user
 * @returns the user's claims
 */
export function claimsOf(user: TestUser): UserClaims {
  return {
    sub: user.sub,
    name: `${user.givenName} ${user.familyName}`,
    given_name: user.givenName,
    family_name: user.familyName,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    roles: [...user.roles],
  };
}
