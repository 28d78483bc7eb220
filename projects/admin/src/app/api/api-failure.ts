import { HttpErrorResponse } from '@angular/common/http';

import type { ServerIssue } from './profiles-api.models';
import { readIssues, readStaleEtag } from './profiles-api-readers';

/** What went wrong with a call to the profile server, as the UI reacts to it. */
export type ApiFailure =
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'stale'; readonly message: string; readonly etag: string | null }
  | { readonly kind: 'precondition-required'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string; readonly issues: readonly ServerIssue[] }
  | { readonly kind: 'server'; readonly message: string; readonly status: number };

function serverMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as Record<string, unknown>)['message'];
  return typeof message === 'string' && message.trim() ? message.trim() : null;
}

/**
 * Classifies a failed request to the profile server.
 *
 * @param error What the HttpClient observable failed with.
 * @returns The failure, with an English message for a snackbar.
 */
export function apiFailureOf(error: unknown): ApiFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'server', status: 0, message: 'Something went wrong. Please try again.' };
  }
  const said = serverMessage(error.error);
  switch (error.status) {
    case 0:
      return {
        kind: 'offline',
        message: 'The profile server cannot be reached. Check that it is running.',
      };
    case 401:
      return { kind: 'unauthorized', message: 'Your session has expired. Please sign in again.' };
    case 403:
      return {
        kind: 'forbidden',
        message: readIssues(error.error).some(
          (issue) => String(issue.code) === 'read-role-required',
        )
          ? 'Your account has no access to deployment profiles: it needs the reader or admin role.'
          : 'You have read-only access: changing profiles needs the admin role.',
      };
    case 404:
      return { kind: 'not-found', message: said ?? 'This profile does not exist (any more).' };
    case 409:
      return { kind: 'conflict', message: said ?? 'A profile with this name already exists.' };
    case 412:
      return {
        kind: 'stale',
        etag: readStaleEtag(error.error),
        message: 'Someone else saved this draft after you opened it.',
      };
    case 422:
      return {
        kind: 'invalid',
        issues: readIssues(error.error),
        message: said ?? 'The server refused the profile.',
      };
    case 428:
      return {
        kind: 'precondition-required',
        message: 'The server needs the draft version to save; reload the draft and try again.',
      };
    case 429:
      return {
        kind: 'server',
        status: 429,
        message: 'Too many requests to the profile server; wait a moment and try again.',
      };
    default:
      return {
        kind: 'server',
        status: error.status,
        message: said ?? `The profile server failed (HTTP ${error.status}). Please try again.`,
      };
  }
}
