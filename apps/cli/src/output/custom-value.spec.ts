import { readCustomValue } from './custom-value';

describe('readCustomValue: every custom metric value shape', () => {
  it.each<[string, unknown, unknown]>([
    ['a count', 3, { kind: 'count', count: 3 }],
    ['a count with its anomaly score', { count: 3, anomalyScore: 1.5 }, { kind: 'count', count: 3, anomalyScore: 1.5 }],
    ['a top list', [{ key: 'a', count: 2 }], { kind: 'top', entries: [{ key: 'a', count: 2 }] }],
    ['a top list with its anomaly score', { top: [{ key: 'a', count: 2 }], anomalyScore: 0 }, { kind: 'top', entries: [{ key: 'a', count: 2 }], anomalyScore: 0 }],
    ['a distinct count', { distinct: 4, approximate: false }, { kind: 'distinct', distinct: 4 }],
    [
      'an errorRate value',
      { calls: 9, errors: 5, spikes: [{ key: 'k', calls: 5, errors: 5, rate: 1, baseline: 0.01, score: 4.9 }], trackedKeys: 2, anomalyScore: 2 },
      { kind: 'errorRate', calls: 9, errors: 5, spikes: [{ key: 'k', calls: 5, errors: 5, rate: 1, baseline: 0.01, score: 4.9 }], anomalyScore: 2 },
    ],
    ['a firstSeen value', { count: 1, keys: [['a', 'b']], rememberedKeys: 7 }, { kind: 'firstSeen', count: 1, keys: [['a', 'b']], learning: false }],
    ['a firstSeen value while learning', { count: 0, keys: [], rememberedKeys: 7, learning: true }, { kind: 'firstSeen', count: 0, keys: [], learning: true }],
    ['anything else', { other: 1 }, { kind: 'other', value: { other: 1 } }],
  ])('reads %s', (_case, value, expected) => {
    expect(readCustomValue(value)).toEqual(expected);
  });
});
