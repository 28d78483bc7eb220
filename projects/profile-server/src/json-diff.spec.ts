import { jsonDiff } from './json-diff';

describe('jsonDiff', () => {
  it('finds nothing between equal values', () => {
    expect(jsonDiff({ a: [1, { b: 2 }], c: null }, { a: [1, { b: 2 }], c: null })).toEqual([]);
  });

  it('names changed leaves by their dotted path', () => {
    expect(jsonDiff({ idp: { ttl: 300, kind: 'x' } }, { idp: { ttl: 600, kind: 'x' } })).toEqual([
      { path: 'idp.ttl', before: 300, after: 600 },
    ]);
  });

  it('compares arrays index by index and reports added and removed items', () => {
    expect(jsonDiff({ s: ['a', 'b'] }, { s: ['a', 'c', 'd'] })).toEqual([
      { path: 's[1]', before: 'b', after: 'c' },
      { path: 's[2]', after: 'd' },
    ]);
    expect(jsonDiff({ s: ['a', 'b'] }, { s: ['a'] })).toEqual([{ path: 's[1]', before: 'b' }]);
  });

  it('reports added and removed fields with only the side they exist on', () => {
    expect(jsonDiff({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', before: 1 },
      { path: 'b', after: 2 },
    ]);
  });

  it('reports a subtree whose type changed as one change', () => {
    expect(jsonDiff({ a: { x: 1 } }, { a: [1] })).toEqual([
      { path: 'a', before: { x: 1 }, after: [1] },
    ]);
  });

  it('reports a changed root with the empty path', () => {
    expect(jsonDiff(1, 2)).toEqual([{ path: '', before: 1, after: 2 }]);
  });
});
