/*
 * A lexical check of generated HCL for unit tests: brackets balanced and nested right, every
 * quoted string closed on its line, no template sequence (`${`, `%{`) left unescaped inside a
 * string, and every `var.x` declared by a `variable "x"` block. Not a parser: it catches the
 * mistakes a string-building writer makes, which `terraform validate` would otherwise find.
 */

const PAIRS: Readonly<Record<string, string>> = { '}': '{', ']': '[', ')': '(' };

/** Reads one quoted string from `start` (the opening quote); returns its end or a problem. */
function readString(line: string, start: number): { end: number } | { problem: string } {
  let i = start + 1;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '"') {
      return { end: i };
    } else if ((c === '$' || c === '%') && line[i + 1] === c && line[i + 2] === '{') {
      i += 3;
    } else if ((c === '$' || c === '%') && line[i + 1] === '{') {
      return { problem: `unescaped ${c}{ in a string at column ${i + 1}` };
    } else {
      i++;
    }
  }
  return { problem: 'unterminated string' };
}

/**
 * The lexical problems of an HCL text, each as `line N: what`.
 *
 * @param hcl The text.
 * @returns The problems; empty when none was found.
 */
export function hclSyntaxProblems(hcl: string): string[] {
  const problems: string[] = [];
  const stack: { char: string; line: number }[] = [];
  // The text outside strings and comments, where a `var.x` is a reference.
  let code = '';
  hcl.split('\n').forEach((line, index) => {
    const at = `line ${index + 1}`;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '#') break;
      if (c === '"') {
        const read = readString(line, i);
        if ('problem' in read) {
          problems.push(`${at}: ${read.problem}`);
          break;
        }
        i = read.end;
        code += ' ';
        continue;
      }
      code += c;
      if ('{[('.includes(c)) {
        stack.push({ char: c, line: index + 1 });
      } else if (c in PAIRS) {
        const open = stack.pop();
        if (open?.char !== PAIRS[c]) problems.push(`${at}: ${c} closes ${open?.char ?? 'nothing'}`);
      }
    }
    code += '\n';
  });
  problems.push(...stack.map((open) => `line ${open.line}: ${open.char} never closed`));
  const declared = new Set([...hcl.matchAll(/^variable "(\w+)"/gm)].map((match) => match[1]));
  for (const [, name] of code.matchAll(/\bvar\.(\w+)/g)) {
    if (!declared.has(name)) problems.push(`var.${name} is not declared`);
  }
  return [...new Set(problems)];
}
