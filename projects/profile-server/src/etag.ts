/** Strong entity tags for JSON representations, and the `If-Match` / `If-None-Match` rules. */
import { createHash } from 'node:crypto';

/**
 * A strong ETag of a representation: the SHA-256 of its exact text, quoted.
 * @param text the serialized representation
 * @returns e.g. `"3q2-7w…"` (base64url, 43 characters inside the quotes)
 */
export function strongEtag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url')}"`;
}

/**
 * Whether `If-Match` lets a write go ahead (RFC 9110 §13.1.1: strong comparison; `*` matches any
 * current representation).
 * @param header the `If-Match` header value
 * @param current the current strong ETag
 */
export function ifMatchAllows(header: string, current: string): boolean {
  return tags(header).some((tag) => tag === '*' || tag === current);
}

/**
 * Whether `If-None-Match` means the client's copy is current (RFC 9110 §13.1.2: weak comparison).
 * @param header the `If-None-Match` header value, if any
 * @param current the current ETag
 */
export function ifNoneMatchHits(header: string | undefined, current: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.replace(/^W\//, '');
  return tags(header).some((tag) => tag === '*' || weak(tag) === weak(current));
}

function tags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
