import type { AuditEntry } from '../api/profiles-api.models';
import { auditLimit, auditSlice } from './audit-paging';

function entry(id: number | null): AuditEntry {
  return { id, at: null, actor: null, action: 'update', profile: 'p', version: null, detail: null };
}

describe(auditSlice.name, () => {
  it('keeps a page and points at the entries before its last one when the answer has more', () => {
    const slice = auditSlice([entry(9), entry(8), entry(7)], 2);

    expect(slice.entries.map((e) => e.id)).toEqual([9, 8]);
    expect(slice.before).toBe(8);
  });

  it('has no next page when the answer fills at most one page', () => {
    expect(auditSlice([entry(9), entry(8)], 2)).toEqual({
      entries: [entry(9), entry(8)],
      before: null,
    });
  });

  it('cannot page past an entry without an id', () => {
    expect(auditSlice([entry(9), entry(null), entry(7)], 2).before).toBeNull();
  });
});

describe(auditLimit.name, () => {
  it('asks for one entry more than a page shows', () => {
    expect(auditLimit(50)).toBe(51);
  });
});
