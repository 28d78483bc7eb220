import { hclSyntaxProblems } from '../../../testing/hcl-syntax';
import { attr, block, hclObject, str, writeHcl } from './hcl';

describe('str', () => {
  it('escapes backslashes and newlines', () => {
    expect(str('a\\b\nc')).toBe('"a\\\\b\\nc"');
  });

  it('escapes template sequences so a value never interpolates', () => {
    expect(str('${a} %{b}')).toBe('"$${a} %%{b}"');
  });
});

describe(hclObject.name, () => {
  it('writes one entry a line with the equals signs aligned', () => {
    expect(
      hclObject([
        ['a', '1'],
        ['(var.long)', str('x')],
      ]),
    ).toBe('{\n  a          = 1\n  (var.long) = "x"\n}');
  });

  it('indents with the attribute it is the value of', () => {
    const hcl = writeHcl([block('resource "x" "y"', [attr('fields', hclObject([['k', '1']]))])]);

    expect(hcl).toBe('resource "x" "y" {\n  fields = {\n    k = 1\n  }\n}\n');
  });
});

describe(hclSyntaxProblems.name, () => {
  it('finds a block that is never closed', () => {
    expect(hclSyntaxProblems('a {\n  b = [1]\n')).toEqual(['line 1: { never closed']);
  });

  it('finds a bracket closing the wrong opener', () => {
    expect(hclSyntaxProblems('a = [1}\n')).toContain('line 1: } closes [');
  });

  it('finds an unterminated string and an unescaped template', () => {
    expect(hclSyntaxProblems('a = "x\nb = "${y}"\n')).toEqual([
      'line 1: unterminated string',
      'line 2: unescaped ${ in a string at column 6',
    ]);
  });

  it('finds a variable used but not declared, outside strings only', () => {
    expect(hclSyntaxProblems('a = var.x\nb = "var.y"\n')).toEqual(['var.x is not declared']);
  });
});
