import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes, withComponentInputBinding } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { PROFILES_API_URL } from '../app/api/profiles-api-url';
import { FileDownloader } from '../app/ui/file-downloader';
import { ADA, FakeOidcSecurityService } from './fake-oidc-security-service';

/** The profile server's base URL in unit tests. */
export const API = 'http://profiles.test';

/** A file the app offered for download. */
export interface SavedFile {
  readonly fileName: string;
  readonly text: string;
  readonly type: string;
}

/** Records downloads instead of starting them (jsdom cannot). */
export class RecordingDownloader implements FileDownloader {
  /** Every file offered, in order. */
  readonly saved: SavedFile[] = [];

  save(fileName: string, text: string, type: string): void {
    this.saved.push({ fileName, text, type });
  }
}

/**
 * Providers for a component test: a signed-in user (Ada, an admin, unless told), HttpClient
 * against `HttpTestingController`, the API at {@link API}, recorded downloads, no animations.
 */
export function provideAdminTesting(
  options: { claims?: Record<string, unknown>; routes?: Routes } = {},
): (Provider | EnvironmentProviders)[] {
  const oidc = new FakeOidcSecurityService();
  oidc.signIn(options.claims ?? ADA);
  return [
    provideRouter(options.routes ?? [], withComponentInputBinding()),
    provideHttpClient(),
    provideHttpClientTesting(),
    { provide: OidcSecurityService, useValue: oidc },
    { provide: PROFILES_API_URL, useValue: API },
    { provide: FileDownloader, useClass: RecordingDownloader },
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/**
 * A draft as the profile server answers `GET /admin/profiles/:name` (`routes-admin.ts`
 * `sendDraft`); the ETag also goes in the header.
 */
export function draftBody(
  profile: DeploymentProfile,
  extra: { publishedVersion?: number | null; updatedBy?: string; etag?: string } = {},
): Record<string, unknown> {
  const latestVersion = extra.publishedVersion ?? null;
  return {
    name: profile.name,
    status: latestVersion === null ? 'draft' : 'published',
    latestVersion,
    unpublishedChanges: latestVersion !== null,
    updatedBy: extra.updatedBy ?? 'Ada Admin',
    updatedAt: '2026-01-05T10:00:00Z',
    draft: profile,
    etag: extra.etag ?? '"v1"',
    warnings: [],
    errors: [],
  };
}
