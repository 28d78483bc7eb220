/**
 * The database migrations, in the order they are applied. Append only: a released migration is
 * never edited, a change is a new entry with the next version number.
 */
import { INITIAL_SCHEMA } from './0001-initial-schema';
import { UNPUBLISH_AND_REPUBLISH } from './0002-unpublish-and-republish';

/** One schema change. */
export interface Migration {
  /** Its number: 1, 2, 3 … without gaps. */
  readonly version: number;
  /** A few words saying what it does. */
  readonly name: string;
  /** The SQL, run in one transaction. */
  readonly sql: string;
}

/** Every migration of the profile server, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'profiles, versions, audit', sql: INITIAL_SCHEMA },
  { version: 2, name: 'unpublish and republish', sql: UNPUBLISH_AND_REPUBLISH },
];
