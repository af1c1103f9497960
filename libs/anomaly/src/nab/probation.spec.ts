import { probationLength } from './probation';

describe('probationLength', () => {
  it.each([
    [4032, 604],
    [4621, 693],
    [4730, 709],
    [1243, 186],
    [15_000, 750],
  ])('is min(floor(0.15 N), 750): N = %i -> %i (SCORING.md §2)', (rows, expected) => {
    // Act + Assess
    expect(probationLength(rows)).toBe(expected);
  });
});
