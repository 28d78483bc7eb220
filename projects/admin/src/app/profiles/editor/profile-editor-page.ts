import { Clipboard } from '@angular/cdk/clipboard';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  input,
  PendingTasks,
  signal,
  untracked,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import { FileDownloader } from '../../ui/file-downloader';
import { Notifier } from '../../ui/notifier';
import { toTerraform } from '../export/to-terraform';
import { DerivedLifetimesPanel } from '../lifetimes/derived-lifetimes';
import { LifetimeTimeline } from '../lifetimes/lifetime-timeline';
import { DraftEditor } from './draft-editor';
import { ImportErrorsDialog, type ImportErrorsData } from './import-errors-dialog';
import { importProfileJson, readFileText } from './import-profile';
import { IssuesPanel } from './issues-panel';
import { PublishFlow } from './publish-flow';
import { fieldIdOf } from './schema-issues';
import { DeploymentSection } from './sections/deployment-section';
import { IdpSection } from './sections/idp-section';
import { IntegrationSection } from './sections/integration-section';
import { RefreshSection } from './sections/refresh-section';
import type { HasUnsavedChanges } from './unsaved-changes.guard';
import { LoadError } from '../../ui/load-error';

/** The editor's sections, with the profile paths each one edits. */
export const SECTIONS = [
  {
    key: 'deployment',
    prefixes: ['genesys'],
    except: ['genesys.authentication', 'genesys.integration'],
  },
  { key: 'integration', prefixes: ['genesys.authentication', 'genesys.integration'], except: [] },
  { key: 'idp', prefixes: ['idp'], except: [] },
  { key: 'refresh', prefixes: ['refresh'], except: [] },
] as const;

type SectionKey = (typeof SECTIONS)[number]['key'];

function sectionOf(path: string): SectionKey | null {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}.`);
  const section = SECTIONS.find(
    (candidate) =>
      candidate.prefixes.some(under) && !candidate.except.some((prefix) => under(prefix)),
  );
  return section?.key ?? null;
}

/**
 * `/profiles/:name`: the draft in four sections with the schema's messages inline, and beside it
 * the session timeline, the derived lifetimes and every issue. Save, publish, import, export.
 */
@Component({
  selector: 'admin-profile-editor-page',
  imports: [
    LoadError,
    DeploymentSection,
    DerivedLifetimesPanel,
    IdpSection,
    IntegrationSection,
    IssuesPanel,
    LifetimeTimeline,
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    ReactiveFormsModule,
    RefreshSection,
    RouterLink,
  ],
  providers: [DraftEditor, PublishFlow],
  templateUrl: './profile-editor-page.html',
  styleUrl: './profile-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(window:beforeunload)': 'warnBeforeUnload($event)',
    '(document:keydown.control.s)': 'saveShortcut($event)',
    '(document:keydown.meta.s)': 'saveShortcut($event)',
  },
})
export class ProfileEditorPage implements HasUnsavedChanges {
  /** The profile's name, from the route. */
  readonly name = input.required<string>();

  protected readonly editor = inject(DraftEditor);
  protected readonly publishing = inject(PublishFlow);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly downloader = inject(FileDownloader);
  private readonly clipboard = inject(Clipboard);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);

  protected readonly form = this.editor.form;
  protected readonly issues = this.editor.schemaIssues;
  protected readonly expanded = signal<Record<SectionKey, boolean>>({
    deployment: true,
    integration: true,
    idp: true,
    refresh: true,
  });
  protected readonly sectionErrors = computed(() => {
    this.editor.issues();
    return Object.fromEntries(
      SECTIONS.map((s) => [s.key, this.issues.errorCount(s.prefixes, s.except)]),
    ) as Record<SectionKey, number>;
  });

  constructor() {
    effect(() => {
      const name = this.name();
      untracked(() => this.editor.load(name));
    });
  }

  /** @inheritDoc */
  hasUnsavedChanges(): boolean {
    return this.editor.dirty();
  }

  protected setExpanded(section: SectionKey, expanded: boolean): void {
    this.expanded.update((state) => ({ ...state, [section]: expanded }));
  }

  /** Opens the section of a field and moves the keyboard focus into the field. */
  protected focusField(path: string): void {
    const section = sectionOf(path);
    if (section) this.setExpanded(section, true);
    afterNextRender(
      () => {
        const element = this.document.getElementById(fieldIdOf(path));
        const target = element?.matches('input, textarea, button, [tabindex]')
          ? element
          : element?.querySelector<HTMLElement>('input, textarea, button, [tabindex]');
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  protected save(): void {
    const result = this.editor.validation();
    this.editor.save();
    if (!result.valid && this.editor.canEdit()) this.focusField(result.errors[0]?.path ?? '');
  }

  protected saveShortcut(event: Event): void {
    event.preventDefault();
    if (this.editor.dirty()) this.save();
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.editor.dirty()) event.preventDefault();
  }

  protected fileChosen(event: Event): void {
    // A pending task, so the app (and a test) is not stable until the file is read and judged.
    void this.pendingTasks.run(() => this.importFile(event));
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importProfileJson(await readFileText(file), this.editor.name());
    if (!result.ok) {
      this.dialog.open<ImportErrorsDialog, ImportErrorsData>(ImportErrorsDialog, {
        data: { fileName: file.name, errors: result.errors },
        width: '640px',
        maxWidth: 'calc(100vw - 16px)',
      });
      return;
    }
    this.editor.edit(result.profile);
    const renamed = result.renamedFrom ? ` (its name "${result.renamedFrom}" was replaced)` : '';
    this.notifier.success(`Imported ${file.name}${renamed}. Review the draft, then save it.`);
  }

  protected exportJson(): void {
    const json = `${JSON.stringify(this.editor.input(), null, 2)}\n`;
    this.downloader.save(`${this.editor.name()}.json`, json, 'application/json');
  }

  protected exportTerraform(): void {
    const result = this.editor.validation();
    if (!result.valid) return;
    this.downloader.save(`${result.profile.name}.tf`, toTerraform(result.profile), 'text/plain');
  }

  protected downloadRecovered(json: string): void {
    this.downloader.save(`${this.editor.name()}-my-edits.json`, json, 'application/json');
  }

  protected copyRecovered(json: string): void {
    if (this.clipboard.copy(json)) this.notifier.success('Your edits are on the clipboard.');
  }

  protected reapplyRecovered(json: string): void {
    this.editor.edit(JSON.parse(json) as DeploymentProfile);
    this.editor.recovered.set(null);
    this.notifier.success('Your edits are back in the form. Saving now replaces the other draft.');
  }
}
