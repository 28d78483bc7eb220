import { formatDuration } from './format-duration';

describe(formatDuration.name, () => {
  it.each([
    [0, '0 s'],
    [90, '90 s'],
    [300, '5 min'],
    [5400, '90 min'],
    [86_400, '24 h'],
    [129_600, '36 h'],
    [2_592_000, '30 days'],
    [4.5, '4.5 s'],
  ])('formats %p s as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
