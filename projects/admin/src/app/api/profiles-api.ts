import { HttpClient, HttpHeaders, HttpParams, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';
import { map, type Observable } from 'rxjs';

import { PROFILES_API_URL } from './profiles-api-url';
import type {
  AuditEntry,
  AuditQuery,
  DiffSide,
  ProfileChange,
  ProfileDraft,
  ProfileSummary,
  ProfileVersion,
  ProfileVersionSummary,
  PublishResult,
} from './profiles-api.models';
import {
  readAudit,
  readChanges,
  readDraft,
  readSummaries,
  readVersion,
  readVersions,
} from './profiles-api-readers';

/**
 * The profile server's admin API (`/admin/...`), typed. Every write of a draft carries the
 * draft's entity tag in `If-Match`, so a second admin's save is refused with 412 instead of
 * silently overwriting the first's. The access token is attached by angular-auth-oidc-client's
 * `authInterceptor()`; failures reach the caller as `HttpErrorResponse` (see `apiFailureOf`).
 */
@Injectable({ providedIn: 'root' })
export class ProfilesApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(PROFILES_API_URL).replace(/\/+$/, '');

  /** `GET /admin/profiles`: every profile with its status. */
  list(): Observable<ProfileSummary[]> {
    return this.http.get<unknown>(`${this.base}/admin/profiles`).pipe(map(readSummaries));
  }

  /**
   * `POST /admin/profiles`: creates a profile (409 when the name is taken).
   *
   * @param name The new profile's name.
   * @param profile Its first draft; the server's default profile when absent.
   */
  create(name: string, profile?: DeploymentProfile): Observable<void> {
    const body = profile ? { name, profile } : { name };
    return this.http.post<unknown>(`${this.base}/admin/profiles`, body).pipe(map(() => undefined));
  }

  /** `GET /admin/profiles/:name`: the draft and its entity tag. */
  get(name: string): Observable<ProfileDraft> {
    return this.http
      .get<unknown>(this.profileUrl(name), { observe: 'response' })
      .pipe(map((response) => readDraft(response.body, name, response.headers.get('ETag'))));
  }

  /**
   * `PUT /admin/profiles/:name` with `If-Match`: saves the draft.
   *
   * @param name The profile's name.
   * @param profile The draft to store.
   * @param etag The entity tag of the draft the edits started from.
   * @returns The saved draft with its new entity tag.
   */
  save(name: string, profile: DeploymentProfile, etag: string): Observable<ProfileDraft> {
    return this.http
      .put<unknown>(this.profileUrl(name), profile, {
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map((response) => savedDraft(response, name, profile)));
  }

  /**
   * `DELETE /admin/profiles/:name` with `If-Match`: deletes a profile portals do not get (never
   * published, or unpublished); the server answers 409 for a published one.
   *
   * @param etag The entity tag of the draft the admin confirmed the deletion of.
   */
  delete(name: string, etag: string): Observable<void> {
    return this.http
      .delete<unknown>(this.profileUrl(name), { headers: ifMatch(etag) })
      .pipe(map(() => undefined));
  }

  /**
   * `POST /admin/profiles/:name/publish` with `If-Match`: publishes the draft as a new version.
   *
   * @param etag The entity tag of the draft the admin reviewed.
   */
  publish(name: string, etag: string): Observable<PublishResult> {
    return this.http
      .post<unknown>(`${this.profileUrl(name)}/publish`, null, {
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map(publishResult));
  }

  /**
   * `POST /admin/profiles/:name/versions/:n/republish` with `If-Match`: the rollback — version
   * `version` published again as the newest version, and made the draft.
   *
   * @param etag The entity tag of the draft it replaces.
   */
  republish(name: string, version: number, etag: string): Observable<PublishResult> {
    return this.http
      .post<unknown>(`${this.profileUrl(name)}/versions/${version}/republish`, null, {
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map(publishResult));
  }

  /**
   * `POST /admin/profiles/:name/unpublish` with `If-Match` and the name as confirmation: portals
   * stop getting the profile; its versions stay.
   *
   * @param etag The entity tag of the draft the admin confirmed the unpublishing of.
   */
  unpublish(name: string, etag: string): Observable<void> {
    return this.http
      .post<unknown>(
        `${this.profileUrl(name)}/unpublish`,
        { confirm: name },
        {
          headers: ifMatch(etag),
        },
      )
      .pipe(map(() => undefined));
  }

  /** `GET /admin/profiles/:name/versions`: the published versions, newest first. */
  versions(name: string): Observable<ProfileVersionSummary[]> {
    return this.http.get<unknown>(`${this.profileUrl(name)}/versions`).pipe(map(readVersions));
  }

  /** `GET /admin/profiles/:name/versions/:n`: one published version. */
  version(name: string, version: number): Observable<ProfileVersion> {
    return this.http
      .get<unknown>(`${this.profileUrl(name)}/versions/${version}`)
      .pipe(map(readVersion));
  }

  /** `GET /admin/profiles/:name/diff?from=&to=`: the fields that differ. */
  diff(name: string, from: DiffSide, to: DiffSide): Observable<ProfileChange[]> {
    const params = new HttpParams().set('from', String(from)).set('to', String(to));
    return this.http
      .get<unknown>(`${this.profileUrl(name)}/diff`, { params })
      .pipe(map(readChanges));
  }

  /**
   * `GET /admin/audit[?profile=&before=&limit=]`: a page of the audit trail, newest first, for
   * one profile or all. The next page starts before the last entry's id.
   */
  audit(query: AuditQuery = {}): Observable<AuditEntry[]> {
    let params = new HttpParams();
    if (query.profile) params = params.set('profile', query.profile);
    if (query.before !== undefined) params = params.set('before', query.before);
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    return this.http.get<unknown>(`${this.base}/admin/audit`, { params }).pipe(map(readAudit));
  }

  private profileUrl(name: string): string {
    return `${this.base}/admin/profiles/${encodeURIComponent(name)}`;
  }
}

function ifMatch(etag: string): HttpHeaders {
  return new HttpHeaders({ 'If-Match': etag });
}

/** The new version's number and the draft's entity tag after it. */
function publishResult(response: HttpResponse<unknown>): PublishResult {
  const body = (response.body ?? {}) as Record<string, unknown>;
  const version = body['number'] ?? body['version'];
  return {
    version: typeof version === 'number' ? version : 0,
    etag: response.headers.get('ETag'),
  };
}

/** The saved draft: the server's answer where it gives one, else what was sent. */
function savedDraft(
  response: HttpResponse<unknown>,
  name: string,
  sent: DeploymentProfile,
): ProfileDraft {
  const draft = readDraft(response.body, name, response.headers.get('ETag'));
  const echoed = response.body !== null && typeof draft.profile.genesys === 'object';
  return echoed ? draft : { ...draft, profile: sent };
}
