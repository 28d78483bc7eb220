import type { UpdateRecorder } from '@angular-devkit/schematics';
import { ts } from './ast';

/** The leading whitespace of the line a node starts on. */
function lineIndent(node: ts.Node): string {
  const text = node.getSourceFile().text;
  const lineStart = text.lastIndexOf('\n', node.getStart() - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * The indentation of an array element's own line: its line's, or one level (two spaces) more
 * when it shares its line with the array's `[` (`imports: [AuthModule.forRoot({`).
 */
export function elementIndent(element: ts.Expression): string {
  const array = element.parent as ts.ArrayLiteralExpression;
  const text = element.getSourceFile().text;
  const sharesLine = !text.slice(array.getStart(), element.getStart()).includes('\n');
  return sharesLine ? `${lineIndent(array)}  ` : lineIndent(element);
}

/**
 * Inserts an expression into an array right after one of its elements, on a line of its own,
 * keeping the array's trailing-comma style.
 * @param recorder the file's recorder
 * @param element the element to follow
 * @param expression the code, its inner lines indented for `elementIndent(element)`
 */
export function insertAfterElement(
  recorder: UpdateRecorder,
  element: ts.Expression,
  expression: string,
): void {
  const array = element.parent as ts.ArrayLiteralExpression;
  const index = array.elements.indexOf(element);
  const indent = elementIndent(element);
  const followedByComma = index < array.elements.length - 1 || array.elements.hasTrailingComma;
  if (followedByComma) {
    const comma = element.getSourceFile().text.indexOf(',', element.getEnd());
    recorder.insertRight(comma + 1, `\n${indent}${expression},`);
  } else {
    recorder.insertRight(element.getEnd(), `,\n${indent}${expression}`);
  }
}

/**
 * Imports names from a module: into the file's existing named import of that module, or with a
 * new import declaration after the last one.
 * @param recorder the file's recorder
 * @param source the file as it was read
 * @param names the names to import (those imported already are skipped)
 * @param moduleName the module, e.g. `ngx-genesys-messenger-auth`
 */
export function addNamedImports(
  recorder: UpdateRecorder,
  source: ts.SourceFile,
  names: readonly string[],
  moduleName: string,
): void {
  const imports = source.statements.filter(ts.isImportDeclaration);
  const existing = imports.find(
    (decl) =>
      (decl.moduleSpecifier as ts.StringLiteral).text === moduleName &&
      !decl.importClause?.isTypeOnly &&
      decl.importClause?.namedBindings &&
      ts.isNamedImports(decl.importClause.namedBindings),
  );
  const bindings = existing?.importClause?.namedBindings as ts.NamedImports | undefined;
  const present = new Set(bindings?.elements.map((e) => e.name.text));
  const missing = names.filter((name) => !present.has(name));
  if (missing.length === 0) return;
  if (bindings && bindings.elements.length > 0) {
    const last = bindings.elements[bindings.elements.length - 1];
    recorder.insertRight(last.getEnd(), `, ${missing.join(', ')}`);
    return;
  }
  const statement = `import { ${missing.join(', ')} } from '${moduleName}';`;
  const last = imports[imports.length - 1];
  if (last) recorder.insertRight(last.getEnd(), `\n${statement}`);
  else recorder.insertLeft(0, `${statement}\n\n`);
}
