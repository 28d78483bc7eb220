import { type DeploymentProfile, validateProfile } from 'ngx-genesys-messenger-auth/profile';

import type { EditorIssue } from './schema-issues';

/** The outcome of reading a profile file. */
export type ProfileImport =
  | {
      readonly ok: true;
      /** The profile, renamed to the profile being edited. */
      readonly profile: DeploymentProfile;
      /** The schema's warnings. */
      readonly warnings: readonly EditorIssue[];
      /** The name the file gave, when it differs from the profile being edited. */
      readonly renamedFrom: string | null;
    }
  | { readonly ok: false; readonly errors: readonly EditorIssue[] };

/**
 * Reads a profile exported as JSON (by this app or by hand) into the profile being edited: the
 * schema judges it, and its name becomes the edited profile's (the name is the profile's URL).
 *
 * @param text The file's text.
 * @param name The name of the profile being edited.
 * @returns The profile, or every error with its path.
 */
export function importProfileJson(text: string, name: string): ProfileImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'invalid-type',
          message: `The file is not JSON: ${reason}`,
          severity: 'error',
        },
      ],
    };
  }
  const record =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  const given = record?.['name'];
  const result = validateProfile(record ? { ...record, name } : parsed);
  if (!result.valid) return { ok: false, errors: result.errors };
  return {
    ok: true,
    profile: result.profile,
    warnings: result.warnings,
    renamedFrom: typeof given === 'string' && given !== name ? given : null,
  };
}

/** Reads a file's text (Blob.text() where there is one, FileReader otherwise). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}
