import { computed, type Signal } from '@angular/core';
import type { ErrorStateMatcher } from '@angular/material/core';
import type { ProfileIssue } from 'ngx-genesys-messenger-auth/profile';

/** An issue the editor shows; the server's own issues may lack a severity. */
export type EditorIssue = Pick<ProfileIssue, 'path' | 'code' | 'message' | 'severity'>;

/**
 * The form field an issue belongs to: list items (`genesys.allowedDomains[1]`) belong to the
 * list's field.
 */
export function fieldPathOf(issuePath: string): string {
  return issuePath.replace(/\[\d+\].*$/, '');
}

/** The DOM id of the control editing a field, e.g. `field-idp-issuer`. */
export function fieldIdOf(path: string): string {
  return `field-${fieldPathOf(path).replace(/\./g, '-')}`;
}

/**
 * The schema's findings about the profile being edited, by form field. Material form fields ask
 * it whether to show their error (through an `ErrorStateMatcher`) and which message to show, so
 * every message comes from `validateProfile` and the app writes no rule of its own.
 */
export class SchemaIssues {
  private readonly matchers = new Map<string, ErrorStateMatcher>();
  private readonly errorsByField = computed(() => {
    const byField = new Map<string, EditorIssue[]>();
    for (const issue of this.issues()) {
      if (issue.severity !== 'error') continue;
      const field = fieldPathOf(issue.path);
      byField.set(field, [...(byField.get(field) ?? []), issue]);
    }
    return byField;
  });

  /** @param issues Every current issue (errors, warnings, information). */
  constructor(readonly issues: Signal<readonly EditorIssue[]>) {}

  /** The first error message of a field, or `''`. */
  errorFor(path: string): string {
    return this.errorsByField().get(path)?.[0]?.message ?? '';
  }

  /** How many errors concern the fields under any of the given path prefixes. */
  errorCount(prefixes: readonly string[], except: readonly string[] = []): number {
    let count = 0;
    for (const [field, issues] of this.errorsByField()) {
      const under = (prefix: string) => field === prefix || field.startsWith(`${prefix}.`);
      if (prefixes.some(under) && !except.some(under)) count += issues.length;
    }
    return count;
  }

  /** A matcher that shows a field's error whenever the schema reports one for it. */
  matcher(path: string): ErrorStateMatcher {
    let matcher = this.matchers.get(path);
    if (!matcher) {
      matcher = { isErrorState: () => this.errorsByField().has(path) };
      this.matchers.set(path, matcher);
    }
    return matcher;
  }
}
