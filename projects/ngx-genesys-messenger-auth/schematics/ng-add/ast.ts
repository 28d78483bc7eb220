import { type Tree } from '@angular-devkit/schematics';
import { dirname, join, normalize } from 'node:path/posix';
// The app's own TypeScript (every Angular app has it): @schematics/angular 21 ships a private copy,
// 22 does not.
import * as ts from 'typescript';

export { ts };

/**
 * Parses a file of the tree.
 * @param tree the tree
 * @param path its path in the tree
 * @returns the parsed file, or undefined when the tree has no such file
 */
export function parseFile(tree: Tree, path: string): ts.SourceFile | undefined {
  const text = tree.readText?.(path) ?? tree.read(path)?.toString('utf-8');
  return text === undefined
    ? undefined
    : ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every node of a file that passes the test, in source order. */
export function findAll<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node): void => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Whether a file mentions an identifier anywhere (import, call, type). */
export function mentions(source: ts.SourceFile, name: string): boolean {
  return findAll(source, ts.isIdentifier).some((id) => id.text === name);
}

/**
 * The file a relative import names, in the tree (`./auth/auth.config` → `…/auth/auth.config.ts`).
 * @returns its path, or undefined for a package import or a file the tree lacks
 */
export function resolveRelative(
  tree: Tree,
  fromFile: string,
  specifier: string,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(fromFile), specifier));
  return [`${base}.ts`, `${base}/index.ts`, base].find((path) => tree.exists(path));
}

/** The files a file imports by relative path, each once. */
export function relativeImports(tree: Tree, source: ts.SourceFile): string[] {
  const paths = source.statements
    .filter(ts.isImportDeclaration)
    .map((decl) => (decl.moduleSpecifier as ts.StringLiteral).text)
    .map((specifier) => resolveRelative(tree, source.fileName, specifier));
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** An expression without the `as`, `satisfies`, `!` and parentheses around it. */
function unwrap(node: ts.Expression): ts.Expression {
  if (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isNonNullExpression(node)
  ) {
    return unwrap(node.expression);
  }
  return node;
}

/** The initializer of a top-level `const name = …` of a file. */
function topLevelConst(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements.filter(ts.isVariableStatement)) {
    const decl = statement.declarationList.declarations.find(
      (d) => ts.isIdentifier(d.name) && d.name.text === name,
    );
    if (decl?.initializer) return decl.initializer;
  }
  return undefined;
}

/** The file a named import of `source` comes from, when it is a relative import. */
function importedFrom(tree: Tree, source: ts.SourceFile, name: string): ts.SourceFile | undefined {
  for (const decl of source.statements.filter(ts.isImportDeclaration)) {
    const bindings = decl.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;
    const path = resolveRelative(
      tree,
      source.fileName,
      (decl.moduleSpecifier as ts.StringLiteral).text,
    );
    return path ? parseFile(tree, path) : undefined;
  }
  return undefined;
}

/**
 * The object literal an expression stands for, following `const` names in the same file and named
 * imports from relative files (as angular-auth-oidc-client's own `ng add` writes `authConfig`).
 * @returns the literal, or undefined when it is not known without running the code
 */
export function objectLiteralOf(
  tree: Tree,
  source: ts.SourceFile,
  expression: ts.Expression,
): ts.ObjectLiteralExpression | undefined {
  const node = unwrap(expression);
  if (ts.isObjectLiteralExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const local = topLevelConst(source, node.text);
  if (local) return objectLiteralOf(tree, source, local);
  const other = importedFrom(tree, source, node.text);
  const exported = other && topLevelConst(other, node.text);
  return other && exported ? objectLiteralOf(tree, other, exported) : undefined;
}

/** The value of a property of an object literal, e.g. `config` in `{ config: … }`. */
export function propertyValue(
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.Expression | undefined {
  const property = object.properties.find(
    (p): p is ts.PropertyAssignment =>
      ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
  );
  return property && unwrap(property.initializer);
}
