import { HttpErrorResponse } from '@angular/common/http';

import { apiFailureOf } from './api-failure';

function failure(status: number, error: unknown = null): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, statusText: 'x' });
}

describe(apiFailureOf.name, () => {
  it('reads the current entity tag out of a 412', () => {
    expect(apiFailureOf(failure(412, { error: 'stale', etag: '"v7"' }))).toEqual(
      expect.objectContaining({ kind: 'stale', etag: '"v7"' }),
    );
  });

  it('reads the issues out of a 422', () => {
    const result = apiFailureOf(
      failure(422, {
        error: 'invalid',
        message: 'Invalid profile',
        issues: [{ path: 'idp.issuer', code: 'insecure-url', message: 'use https' }],
      }),
    );

    expect(result).toEqual({
      kind: 'invalid',
      message: 'Invalid profile',
      issues: [{ path: 'idp.issuer', code: 'insecure-url', message: 'use https' }],
    });
  });

  it.each([
    [0, 'offline'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [428, 'precondition-required'],
    [500, 'server'],
  ])('classifies HTTP %i as %s', (status, kind) => {
    expect(apiFailureOf(failure(status)).kind).toBe(kind);
  });

  it("prefers the server's message where it gives one", () => {
    expect(apiFailureOf(failure(409, { message: 'retail exists' })).message).toBe('retail exists');
  });

  it('explains a read-only user’s 403 in the words of the app', () => {
    expect(apiFailureOf(failure(403, { message: 'forbidden' })).message).toMatch(/read-only/);
  });

  it('tells a user with neither role that the account has no access at all', () => {
    const body = {
      error: 'forbidden',
      issues: [{ path: 'headers.authorization', code: 'read-role-required', message: 'x' }],
    };
    expect(apiFailureOf(failure(403, body)).message).toMatch(/needs the reader or admin role/);
  });

  it('asks to wait after a 429', () => {
    expect(apiFailureOf(failure(429, { error: 'rate-limited' })).message).toMatch(/wait a moment/);
  });

  it("shows a 409's own message, such as unpublish first", () => {
    const message = 'profile demo is published (portals get version 2); unpublish it first';
    expect(apiFailureOf(failure(409, { error: 'profile-published', message })).message).toBe(
      message,
    );
  });
});
