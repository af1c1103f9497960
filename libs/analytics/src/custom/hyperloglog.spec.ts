import { DistinctCounter } from './distinct-counter';
import { HLL_RELATIVE_STANDARD_ERROR, HyperLogLog } from './hyperloglog';

/** Three standard errors: a correct sketch lands inside this bound 99.7 % of the time. */
const DOCUMENTED_BOUND = 3 * HLL_RELATIVE_STANDARD_ERROR;

const keyFamilies: readonly [string, (i: number) => string][] = [
  ['IPv4 addresses', (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
  ['role session ARNs', (i) => `arn:aws:sts::123456789012:assumed-role/Deployer/session-${i}`],
  ['short numbers', (i) => String(i)],
];

function sketchOf(keys: Iterable<string>): HyperLogLog {
  const sketch = HyperLogLog.empty();
  for (const key of keys) sketch.add(key);
  return sketch;
}

function* range(count: number, key: (i: number) => string, from = 0): Generator<string> {
  for (let i = from; i < from + count; i++) yield key(i);
}

describe('HyperLogLog', () => {
  it('documents a relative standard error of 1.625 % (4,096 registers)', () => {
    expect(HLL_RELATIVE_STANDARD_ERROR).toBeCloseTo(0.01625, 5);
  });

  it.each(keyFamilies)('estimates 100,000 distinct %s within 3 standard errors (4.9 %)', (_family, key) => {
    // Act
    const estimate = sketchOf(range(100_000, key)).estimate();
    // Assess
    expect(Math.abs(estimate - 100_000) / 100_000).toBeLessThan(DOCUMENTED_BOUND);
  });

  it.each([1, 10, 100, 1_000, 5_000, 10_000, 20_000, 50_000, 1_000_000])(
    'stays within 3 standard errors at %p distinct keys (no bias bump around the small-range switch)',
    (count) => {
      const estimate = sketchOf(range(count, (i) => `user-${i}`)).estimate();
      expect(Math.abs(estimate - count) / count).toBeLessThan(DOCUMENTED_BOUND);
    },
  );

  it('estimates 0 when empty and ignores repeated keys', () => {
    expect(HyperLogLog.empty().estimate()).toBe(0);
    const sketch = sketchOf(['a', 'a', 'a']);
    expect(Math.round(sketch.estimate())).toBe(1);
  });

  it('merges to exactly the sketch of the union, in either order', () => {
    // Prepare
    const left = sketchOf(range(30_000, String));
    const right = sketchOf(range(30_000, String, 20_000));
    const union = sketchOf(range(50_000, String));
    // Act
    const leftThenRight = HyperLogLog.decode(left.encode());
    const rightThenLeft = HyperLogLog.decode(right.encode());
    leftThenRight?.merge(right);
    rightThenLeft?.merge(left);
    // Assess
    expect(leftThenRight?.encode()).toBe(union.encode());
    expect(rightThenLeft?.encode()).toBe(union.encode());
  });

  it('encodes to 4,096 characters and decodes to the same estimate', () => {
    const sketch = sketchOf(range(12_345, String));
    const text = sketch.encode();
    expect(text).toHaveLength(4_096);
    expect(HyperLogLog.decode(text)?.estimate()).toBe(sketch.estimate());
  });

  it.each([
    ['too short', 'A'.repeat(4_095)],
    ['a character outside the alphabet', `${'A'.repeat(4_095)}!`],
    ['a rank above 33', `${'A'.repeat(4_095)}z`],
  ])('refuses to decode registers that are %s', (_case, text) => {
    expect(HyperLogLog.decode(text)).toBeUndefined();
  });
});

describe('DistinctCounter', () => {
  it('is exact up to its key limit, then approximate', () => {
    // Prepare
    const counter = new DistinctCounter({ maxKeys: 3, maxKeyChars: 1_000 });
    // Act + Assess
    for (const key of ['a', 'b', 'c', 'a']) counter.add(key);
    expect(counter.count()).toEqual({ distinct: 3, approximate: false });
    counter.add('d');
    expect(counter.count()).toEqual({ distinct: 4, approximate: true });
  });

  it('switches on the total key length too, so long keys cannot grow the state', () => {
    const counter = new DistinctCounter({ maxKeys: 100, maxKeyChars: 10 });
    counter.add('12345');
    counter.add('67890');
    expect(counter.count().approximate).toBe(false);
    counter.add('x');
    expect(counter.count().approximate).toBe(true);
  });

  it('keeps the default exact set within 512 keys and 16 Ki characters', () => {
    const counter = DistinctCounter.fromKeys(range(512, (i) => `k${i}`));
    expect(counter.count()).toEqual({ distinct: 512, approximate: false });
    counter.add('one more');
    expect(counter.count()).toEqual({ distinct: expect.any(Number), approximate: true });
    expect(Math.abs(counter.count().distinct - 513)).toBeLessThan(513 * DOCUMENTED_BOUND);
  });

  it('serializes the exact keys sorted, and the registers once approximate', () => {
    expect(DistinctCounter.fromKeys(['b', 'a']).serialize()).toEqual({ keys: ['a', 'b'] });
    const approximate = DistinctCounter.fromKeys(['a', 'b', 'c'], { maxKeys: 2, maxKeyChars: 100 }).serialize();
    expect(approximate).toEqual({ registers: sketchOf(['a', 'b', 'c']).encode() });
  });
});
