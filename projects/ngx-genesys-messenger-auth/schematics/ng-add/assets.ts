import { type Rule, SchematicsException } from '@angular-devkit/schematics';
import { type ProjectDefinition, updateWorkspace } from '@schematics/angular/utility';

/** The page the hidden iframe returns to (README "Silent authorization: the callback page"). */
export const SILENT_CALLBACK_PAGE = 'messenger-silent-callback.html';

/** The `assets` entry that serves the page at the root of the app's origin. */
export const SILENT_CALLBACK_ASSET = {
  glob: SILENT_CALLBACK_PAGE,
  input: 'node_modules/ngx-genesys-messenger-auth/assets',
  output: '/',
};

/** Whether an `assets` entry already serves the page (ours, or one the app wrote itself). */
function servesCallbackPage(entry: unknown): boolean {
  if (typeof entry === 'string') return entry.endsWith(SILENT_CALLBACK_PAGE);
  if (typeof entry !== 'object' || entry === null) return false;
  const { glob, input } = entry as { glob?: unknown; input?: unknown };
  return (
    typeof glob === 'string' &&
    glob.includes(SILENT_CALLBACK_PAGE) &&
    typeof input === 'string' &&
    input.replace(/\/+$/, '').endsWith('ngx-genesys-messenger-auth/assets')
  );
}

/**
 * Whether the project's `build` target serves the page already.
 * @throws SchematicsException when the project has no `build` target
 */
export function hasCallbackAsset(project: ProjectDefinition, name: string): boolean {
  const build = project.targets.get('build');
  if (!build) {
    throw new SchematicsException(`Project "${name}" has no "build" target in angular.json.`);
  }
  const assets = build.options?.['assets'];
  return Array.isArray(assets) && assets.some(servesCallbackPage);
}

/**
 * Adds the page's asset entry to the project's `build` options, after the entries it has.
 * @param name the project
 */
export function addCallbackAsset(name: string): Rule {
  const rule = updateWorkspace((workspace) => {
    const build = workspace.projects.get(name)?.targets.get('build');
    if (!build) return;
    build.options ??= {};
    const assets = build.options['assets'];
    build.options['assets'] = [...(Array.isArray(assets) ? assets : []), SILENT_CALLBACK_ASSET];
  });
  // The same at run time; only the types differ when @schematics/angular has its own copy of
  // @angular-devkit/schematics (a patch apart, as in this workspace).
  return rule as unknown as Rule;
}
