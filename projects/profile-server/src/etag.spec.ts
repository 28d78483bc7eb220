import { ifMatchAllows, ifNoneMatchHits, strongEtag } from './etag';

describe('strongEtag', () => {
  it('is a quoted SHA-256 that changes with the text', () => {
    expect(strongEtag('{"a":1}')).toMatch(/^"[\w-]{43}"$/);
    expect(strongEtag('{"a":1}')).toBe(strongEtag('{"a":1}'));
    expect(strongEtag('{"a":1}')).not.toBe(strongEtag('{"a":2}'));
  });
});

describe('ifMatchAllows', () => {
  const current = strongEtag('x');

  it('allows the current tag, one of a list, or *', () => {
    expect(ifMatchAllows(current, current)).toBe(true);
    expect(ifMatchAllows(`"old", ${current}`, current)).toBe(true);
    expect(ifMatchAllows('*', current)).toBe(true);
  });

  it('refuses another tag and a weak form of the current one (strong comparison)', () => {
    expect(ifMatchAllows(strongEtag('y'), current)).toBe(false);
    expect(ifMatchAllows(`W/${current}`, current)).toBe(false);
  });
});

describe('ifNoneMatchHits', () => {
  const current = strongEtag('x');

  it('hits on the current tag, its weak form, in a list, and on *', () => {
    expect(ifNoneMatchHits(current, current)).toBe(true);
    expect(ifNoneMatchHits(`W/${current}`, current)).toBe(true);
    expect(ifNoneMatchHits(`"a", ${current}`, current)).toBe(true);
    expect(ifNoneMatchHits('*', current)).toBe(true);
  });

  it('misses without a header or with another tag', () => {
    expect(ifNoneMatchHits(undefined, current)).toBe(false);
    expect(ifNoneMatchHits(strongEtag('y'), current)).toBe(false);
  });
});
