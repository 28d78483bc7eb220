/*
 * Small typed validators that report to an IssueLog instead of throwing, so that one pass finds
 * every problem. Each returns the value when it is acceptable, otherwise undefined.
 */
import {
  ɵclosestName as closestName,
  ɵdescribeValue as describeValue,
} from 'ngx-genesys-messenger-auth/core';

import { IssueLog, pathOf } from './profile-issue';

/** An object as read from JSON. */
export type Fields = Record<string, unknown>;

/** Field names that would hold a secret; a profile never stores one. */
const SECRET_KEY = /^(client[_-]?)?secret$/i;

const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports every secret-like field anywhere in `value` (`genesys.integration.clientSecret`, ...). */
export function reportSecrets(log: IssueLog, value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => reportSecrets(log, item, pathOf(path, index)));
  } else if (isFields(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = pathOf(path, key);
      if (SECRET_KEY.test(key)) {
        log.error(at, 'secret-not-stored', `${at}: the secret is never stored in a profile`);
      } else {
        reportSecrets(log, item, at);
      }
    }
  }
}

/** The rules of a string field. */
export interface StringRule {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  /** What the pattern demands, phrased to follow "must be". */
  readonly expected?: string;
  readonly optional?: boolean;
}

/** The rules of a duration field (whole seconds). */
export interface SecondsRule {
  readonly min: number;
  readonly max?: number;
  readonly optional?: boolean;
}

/** Reads the fields of one object of the profile, reporting to the log. */
export class Section {
  constructor(
    private readonly log: IssueLog,
    readonly fields: Fields,
    readonly path: string,
  ) {}

  /** The path of one of the section's fields. */
  at(key: string): string {
    return pathOf(this.path, key);
  }

  /** Whether the field is present; reports it as required when it is not and not optional. */
  has(key: string, optional = false): boolean {
    if (this.fields[key] !== undefined) return true;
    if (!optional) this.log.error(this.at(key), 'required', `${this.at(key)} is required`);
    return false;
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    if (!this.has(key, rule.optional)) return undefined;
    const [path, value] = [this.at(key), this.fields[key]];
    if (typeof value !== 'string') {
      this.log.error(
        path,
        'invalid-type',
        `${path} must be a string (got ${describeValue(value)})`,
      );
      return undefined;
    }
    const { minLength = 1, maxLength = 255 } = rule;
    if (value.length < minLength || value.length > maxLength) {
      const expected = `${minLength}–${maxLength} characters long (got ${value.length})`;
      this.log.error(path, 'invalid-length', `${path} must be ${expected}`);
      return undefined;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      const got = describeValue(value);
      this.log.error(path, 'invalid-format', `${path} must be ${rule.expected} (got ${got})`);
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const [path, value] = [this.at(key), this.fields[key]];
    if (typeof value === 'boolean') return value;
    const got = describeValue(value);
    this.log.error(path, 'invalid-type', `${path} must be true or false (got ${got})`);
    return undefined;
  }

  seconds(key: string, rule: SecondsRule): number | undefined {
    if (!this.has(key, rule.optional)) return undefined;
    const [path, value] = [this.at(key), this.fields[key]];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const got = describeValue(value);
      this.log.error(path, 'invalid-type', `${path} must be a number of seconds (got ${got})`);
      return undefined;
    }
    if (!Number.isSafeInteger(value)) {
      const message = `${path} must be a whole number of seconds (got ${value})`;
      this.log.error(path, 'not-an-integer', message);
      return undefined;
    }
    const { min, max } = rule;
    if (value < min || (max !== undefined && value > max)) {
      const range = max === undefined ? `at least ${min}` : `${min}–${max}`;
      this.log.error(path, 'out-of-range', `${path} must be ${range} seconds (got ${value})`);
      return undefined;
    }
    return value;
  }

  /** Reads a list of distinct strings, each checked by `check` (which reports when it refuses). */
  stringList(key: string, check: (item: string, at: string) => boolean): string[] | undefined {
    if (!this.has(key)) return undefined;
    const [path, value] = [this.at(key), this.fields[key]];
    if (!Array.isArray(value)) {
      const got = describeValue(value);
      this.log.error(path, 'invalid-type', `${path} must be a list of strings (got ${got})`);
      return undefined;
    }
    let valid = true;
    value.forEach((item: unknown, index) => {
      const at = pathOf(path, index);
      if (typeof item !== 'string') {
        this.log.error(at, 'invalid-type', `${at} must be a string (got ${describeValue(item)})`);
        valid = false;
      } else if (!check(item, at)) {
        valid = false;
      } else if (value.indexOf(item) !== index) {
        this.log.error(at, 'duplicate', `${at} repeats ${describeValue(item)}`);
        valid = false;
      }
    });
    return valid ? [...(value as string[])] : undefined;
  }
}

/**
 * Reads an object holding the given fields; reports a missing or non-object value and unknown
 * fields (typos), secrets excepted: {@link reportSecrets} reports those.
 */
export function readSection(
  log: IssueLog,
  value: unknown,
  path: string,
  known: readonly string[],
): Section | undefined {
  const name = path || 'the profile';
  if (value === undefined) {
    log.error(path, 'required', `${name} is required`);
    return undefined;
  }
  if (!isFields(value)) {
    log.error(path, 'invalid-type', `${name} must be an object (got ${describeValue(value)})`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (known.includes(key) || SECRET_KEY.test(key)) continue;
    const close = closestName(key, known);
    const hint = close ? ` (did you mean ${JSON.stringify(close)}?)` : '';
    const at = pathOf(path, key);
    log.error(at, 'unknown-field', `${at} is not a field of ${name}${hint}`);
  }
  return new Section(log, value, path);
}

/**
 * Parses an https URL (http only on localhost, 127.0.0.1 or [::1]) without credentials or
 * fragment; reports `invalid-format` or `insecure-url`.
 */
export function readSecureUrl(log: IssueLog, value: string, path: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not a URL at all: reported below as a format error, which is the whole answer.
    log.error(
      path,
      'invalid-format',
      `${path} must be an absolute URL (got ${describeValue(value)})`,
    );
    return undefined;
  }
  if (url.username || url.password || url.hash || value.endsWith('#')) {
    log.error(path, 'invalid-format', `${path} must not carry credentials or a fragment`);
    return undefined;
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    log.error(path, 'insecure-url', `${path} must use https (http only on localhost)`);
    return undefined;
  }
  return url;
}
