import { scaledSigmoid } from './sigmoid';

describe('scaledSigmoid', () => {
  it.each([
    [-1, 0.9866142981514305],
    [-0.5, 0.8482836399575131],
    [0, 0],
    [1, -0.9866142981514303],
    [3.0001, -1],
  ])('matches NAB at y = %d (SCORING.md §3)', (y, expected) => {
    // Act + Assess
    expect(scaledSigmoid(y)).toBeCloseTo(expected, 15);
  });
});
