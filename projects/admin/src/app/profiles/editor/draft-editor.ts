import {
  computed,
  DestroyRef,
  effect,
  inject,
  Injectable,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import {
  type DeploymentProfile,
  profileTimeline,
  validateProfile,
} from 'ngx-genesys-messenger-auth/profile';
import { map } from 'rxjs';

import { apiFailureOf } from '../../api/api-failure';
import { ProfilesApi } from '../../api/profiles-api';
import type { ProfileDraft } from '../../api/profiles-api.models';
import { AdminSession } from '../../auth/admin-session';
import { Notifier } from '../../ui/notifier';
import { createProfileForm, formValueOf, profileInputOf } from './profile-form';
import { type EditorIssue, SchemaIssues } from './schema-issues';
import { type StaleDraftChoice, StaleDraftDialog, type StaleDraftData } from './stale-draft-dialog';

/** Edits the admin could not save because someone else saved first, kept until dismissed. */
export interface RecoveredEdits {
  /** The edits as JSON, as they would have been saved. */
  readonly json: string;
  /** When they were set aside. */
  readonly at: Date;
}

/**
 * The state of one draft being edited: the form, what the schema says about it, and the
 * server round trips (load, save with `If-Match`, the 412 conflict). One per editor page.
 */
@Injectable()
export class DraftEditor {
  private readonly api = inject(ProfilesApi);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(AdminSession);
  private readonly destroyRef = inject(DestroyRef);

  /** The form; disabled for readers. */
  readonly form = createProfileForm();
  /** The profile's name. */
  readonly name = signal('');
  /** The draft as last loaded or saved. */
  readonly draft = signal<ProfileDraft | null>(null);
  /** Whether the draft is loading, loaded, or failed to load. */
  readonly loadState = signal<'loading' | 'loaded' | 'failed'>('loading');
  /** Why the draft could not be loaded. */
  readonly loadError = signal<string | null>(null);
  /** Whether a save is in flight. */
  readonly saving = signal(false);
  /** Edits set aside after a save conflict. */
  readonly recovered = signal<RecoveredEdits | null>(null);
  /** Whether the user may change the draft. */
  readonly canEdit = this.session.isAdmin;

  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  /** The profile the form describes, as it would be saved. */
  readonly input = computed(() => profileInputOf(this.name(), this.value()));
  /** The schema's verdict on it. */
  readonly validation = computed(() => validateProfile(this.input()));
  /** The issues the server reported on the last save; forgotten at the next edit. */
  readonly serverIssues = linkedSignal<unknown, readonly EditorIssue[]>({
    source: this.value,
    computation: () => [],
  });
  /** Every issue: the schema's errors, the server's, then the warnings. */
  readonly issues = computed<readonly EditorIssue[]>(() => {
    const result = this.validation();
    return [...(result.valid ? [] : result.errors), ...this.serverIssues(), ...result.warnings];
  });
  /** The issues by form field, for the inline messages. */
  readonly schemaIssues = new SchemaIssues(this.issues);
  /** How many errors stand in the way of saving. */
  readonly errorCount = computed(() => this.issues().filter((i) => i.severity === 'error').length);
  /** The first 24 h of a session, when the profile is valid. */
  readonly timeline = computed(() => {
    const result = this.validation();
    return result.valid ? profileTimeline(result.profile, 24) : null;
  });

  private readonly savedJson = computed(() => {
    const draft = this.draft();
    return draft ? JSON.stringify(profileInputOf(this.name(), formValueOf(draft.profile))) : null;
  });
  /** Whether the form holds edits that are not saved. */
  readonly dirty = computed(
    () => this.loadState() === 'loaded' && JSON.stringify(this.input()) !== this.savedJson(),
  );

  constructor() {
    effect(() => {
      if (this.canEdit()) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
    });
  }

  /** Loads the draft of a profile (`GET /admin/profiles/:name`). */
  load(name: string): void {
    this.name.set(name);
    this.loadState.set('loading');
    this.loadError.set(null);
    this.api
      .get(name)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (draft) => this.accept(draft),
        error: (error: unknown) => {
          this.loadError.set(apiFailureOf(error).message);
          this.loadState.set('failed');
        },
      });
  }

  /**
   * Saves the draft with `If-Match`. A 412 opens the conflict dialog, a 422 shows the server's
   * issues beside the schema's.
   */
  save(): void {
    const result = this.validation();
    const draft = this.draft();
    if (!draft || this.saving() || !this.canEdit()) return;
    if (!result.valid) {
      const count = result.errors.length;
      this.notifier.error(`Fix ${count} ${count === 1 ? 'error' : 'errors'} before saving.`);
      return;
    }
    this.saving.set(true);
    this.api
      .save(this.name(), result.profile, draft.etag)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.draft.set({
            ...saved,
            etag: saved.etag || draft.etag,
            publishedVersion: saved.publishedVersion ?? draft.publishedVersion,
            updatedBy: saved.updatedBy ?? this.session.identity()?.displayName ?? null,
            updatedAt: saved.updatedAt ?? new Date().toISOString(),
          });
          this.notifier.success(`Saved the draft of ${this.name()}.`);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveFailed(error, result.profile);
        },
      });
  }

  /** Puts the form back to the draft as last loaded or saved. */
  revert(): void {
    const draft = this.draft();
    if (draft) this.form.reset(formValueOf(draft.profile));
  }

  /** Fills the form with a profile (an import, or recovered edits); the edits are unsaved. */
  edit(profile: DeploymentProfile): void {
    this.form.setValue(formValueOf(profile));
    this.form.markAsDirty();
  }

  /** Records a publish: the new version and the draft's entity tag after it. */
  published(version: number, etag: string | null): void {
    this.draft.update((draft) =>
      draft ? { ...draft, publishedVersion: version, etag: etag ?? draft.etag } : draft,
    );
  }

  private accept(draft: ProfileDraft): void {
    this.draft.set(draft);
    this.form.reset(formValueOf(draft.profile));
    this.loadState.set('loaded');
  }

  private saveFailed(error: unknown, mine: DeploymentProfile): void {
    const failure = apiFailureOf(error);
    if (failure.kind === 'stale') {
      this.resolveConflict(mine);
      return;
    }
    if (failure.kind === 'invalid') {
      this.serverIssues.set(
        failure.issues.map((issue) => ({ ...issue, severity: issue.severity ?? 'error' })),
      );
    }
    this.notifier.error(failure.message);
  }

  private resolveConflict(mine: DeploymentProfile): void {
    const name = this.name();
    this.dialog
      .open<StaleDraftDialog, StaleDraftData, StaleDraftChoice>(StaleDraftDialog, {
        data: { name, mine: { ...mine }, loadTheirs: () => this.api.get(name) },
        width: '720px',
        maxWidth: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((choice) => {
        if (!choice) return;
        this.recovered.set({ json: JSON.stringify(mine, null, 2), at: new Date() });
        this.accept(choice.reload);
        this.notifier.success(
          `Reloaded the draft ${choice.reload.updatedBy ?? 'the other admin'} saved. Your edits are kept above the form.`,
        );
      });
  }
}
