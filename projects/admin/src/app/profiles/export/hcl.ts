/*
 * A very small HCL writer: enough for the blocks `toTerraform` emits, formatted as
 * `terraform fmt` would (two-space indent, `=` aligned within a run of attributes).
 */

/** An attribute: name and an HCL expression (already quoted where it is a string). */
export interface HclAttribute {
  readonly name: string;
  readonly value: string;
}

/** A nested block, e.g. `config { ... }` or `resource "x" "y" { ... }`. */
export interface HclBlock {
  readonly header: string;
  readonly body: readonly HclNode[];
}

/** A line comment, written as `# text`. */
export interface HclComment {
  readonly comment: string;
}

/** One item of a body. */
export type HclNode = HclAttribute | HclBlock | HclComment;

/** An attribute. */
export function attr(name: string, value: string): HclAttribute {
  return { name, value };
}

/** A block. */
export function block(header: string, body: readonly (HclNode | null)[]): HclBlock {
  return { header, body: body.filter((node): node is HclNode => node !== null) };
}

/** A comment. */
export function comment(text: string): HclComment {
  return { comment: text };
}

/** A quoted HCL string; `${` and `%{` are escaped so values never become templates. */
export function str(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$$$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** A list of quoted strings. */
export function strList(values: readonly string[]): string {
  return `[${values.map(str).join(', ')}]`;
}

/**
 * An object or map literal, one entry a line, `=` aligned as `terraform fmt` aligns it. A key is
 * written as given: a bare name, or `(var.x)` for a key that is itself an expression.
 *
 * @param entries Key and value expression pairs, in order.
 * @returns The literal, over several lines.
 */
export function hclObject(entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([key]) => key.length), 0);
  const lines = entries.map(([key, value]) => `  ${key.padEnd(width)} = ${value}`);
  return ['{', ...lines, '}'].join('\n');
}

/**
 * A Terraform `variable` block of type string.
 *
 * @param name The variable's name.
 * @param description What it is and, where the export could not know it, why it is asked for.
 * @param extra More attributes, e.g. `sensitive = true`.
 */
export function stringVariable(name: string, description: string, ...extra: HclNode[]): HclBlock {
  return block(`variable "${name}"`, [
    attr('type', 'string'),
    attr('description', str(description)),
    ...extra,
  ]);
}

function isAttribute(node: HclNode): node is HclAttribute {
  return 'name' in node;
}

function render(nodes: readonly HclNode[], indent: string): string[] {
  const lines: string[] = [];
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index];
    if (isAttribute(node)) {
      // A run of single-line attributes is aligned on `=`; a multi-line value ends the run.
      const run: HclAttribute[] = [];
      while (index < nodes.length && isAttribute(nodes[index])) {
        const next = nodes[index] as HclAttribute;
        run.push(next);
        index++;
        if (next.value.includes('\n')) break;
      }
      const width = Math.max(
        ...run.filter((a) => !a.value.includes('\n')).map((a) => a.name.length),
        0,
      );
      for (const attribute of run) {
        const name = attribute.value.includes('\n') ? attribute.name : attribute.name.padEnd(width);
        const value = attribute.value.replace(/\n/g, `\n${indent}`);
        lines.push(`${indent}${name} = ${value}`);
      }
      continue;
    }
    if ('comment' in node) {
      lines.push(`${indent}# ${node.comment}`);
    } else {
      lines.push(`${indent}${node.header} {`, ...render(node.body, `${indent}  `), `${indent}}`);
    }
    index++;
  }
  return lines;
}

/**
 * Writes top-level nodes, a blank line between blocks.
 *
 * @param nodes Blocks and comments, in order.
 * @returns The HCL text, ending in a newline.
 */
export function writeHcl(nodes: readonly HclNode[]): string {
  const out: string[] = [];
  nodes.forEach((node, index) => {
    const previous = nodes[index - 1];
    if (previous && !('comment' in previous)) out.push('');
    out.push(...render([node], ''));
  });
  return `${out.join('\n')}\n`;
}
