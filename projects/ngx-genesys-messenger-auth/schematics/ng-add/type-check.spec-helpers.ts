import type { UnitTestTree } from '@angular-devkit/schematics/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** A type check loads Angular's and the library's types: seconds on a busy 2-core machine. */
export const TYPE_CHECK_TIMEOUT = 90_000;

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Type-checks an app of a test tree against the real Angular, angular-auth-oidc-client and this
 * library (from source), as the strict workspace settings would: the set-up the schematic wrote
 * must compile, not just look right.
 * @param tree the tree
 * @param entry the tree path of the file to check (its imports are checked with it)
 * @returns the diagnostics, formatted; empty when it compiles
 */
export function typeCheck(tree: UnitTestTree, entry: string): string[] {
  // Inside the workspace, so that the app's imports resolve to its node_modules.
  mkdirSync(join(ROOT, 'out-tsc'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'out-tsc', 'ng-add-spec-'));
  try {
    for (const path of tree.files.filter((p) => p.endsWith('.ts'))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), tree.readContent(path));
    }
    const program = ts.createProgram([join(dir, entry)], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      experimentalDecorators: true,
      paths: {
        'ngx-genesys-messenger-auth': [
          join(ROOT, 'projects/ngx-genesys-messenger-auth/src/public-api.ts'),
        ],
        'ngx-genesys-messenger-auth/*': [
          join(ROOT, 'projects/ngx-genesys-messenger-auth/*/public-api.ts'),
        ],
      },
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
