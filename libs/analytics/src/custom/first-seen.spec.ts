import fc from 'fast-check';
import { BloomFilter } from './bloom-filter';
import { type FirstSeenValue } from './first-seen-series';
import { FIRST_SEEN_FALSE_POSITIVE_RATE, MAX_FIRST_SEEN_WINDOW_KEYS } from './limits';
import { SeenSet } from './seen-set';
import { compiled, MINUTE, seriesOf, T0, windowOf } from './testing/series';

const call = (user: string, eventName: string, sourceIPAddress = '198.51.100.7') => ({
  userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}` },
  eventName,
  sourceIPAddress,
});
const arn = (user: string) => `arn:aws:iam::111122223333:user/${user}`;

describe('firstSeen: tuple keys never seen before', () => {
  const metric = compiled({ id: 'new-api', measure: { firstSeen: { fields: ['$identity', '$apiCall'] } } });

  it('reports each tuple once, in the window it first appears, sorted field by field', () => {
    const series = seriesOf(metric);
    const first = series.emit(windowOf(metric, [call('b', 'RunInstances'), call('a', 'DescribeInstances'), call('a', 'DescribeInstances')]), T0, undefined).value;
    const second = series.emit(windowOf(metric, [call('a', 'DescribeInstances'), call('a', 'GetPasswordData')]), T0 + MINUTE, undefined).value;
    const third = series.emit(windowOf(metric, [call('b', 'RunInstances')]), T0 + 2 * MINUTE, undefined).value;
    expect(first).toEqual({
      count: 2,
      keys: [
        [arn('a'), 'ec2.amazonaws.com:DescribeInstances'],
        [arn('b'), 'ec2.amazonaws.com:RunInstances'],
      ],
      rememberedKeys: 2,
    });
    expect(second).toEqual({ count: 1, keys: [[arn('a'), 'ec2.amazonaws.com:GetPasswordData']], rememberedKeys: 3 });
    expect(third).toEqual({ count: 0, keys: [], rememberedKeys: 3 });
  });

  it('learns without reporting during learnFor, counted from the first window of the series', () => {
    const warm = compiled({ id: 'warm', measure: { firstSeen: { fields: ['$identity', '$ipPrefix'], learnFor: '2m' } } });
    const series = seriesOf(warm);
    const values = [
      [call('a', 'x', '198.51.100.7')],
      [call('a', 'x', '198.51.100.99'), call('b', 'x', '203.0.113.5')],
      [call('a', 'x', '198.51.100.1'), call('a', 'x', '2001:db8:1:2::3'), call('b', 'x', 'ec2.amazonaws.com')],
    ].map((records, minute) => series.emit(windowOf(warm, records), T0 + minute * MINUTE, undefined).value as FirstSeenValue);
    expect(values.map((value) => value.learning)).toEqual([true, true, undefined]);
    expect(values.map((value) => value.count)).toEqual([0, 0, 2]);
    expect(values[2]?.keys).toEqual([
      [arn('a'), '2001:db8:1::/48'],
      [arn('b'), 'ec2.amazonaws.com'],
    ]);
  });

  it('lists the first k new keys but counts them all', () => {
    const short = compiled({ id: 'short', measure: { firstSeen: { fields: ['eventName'], k: 2 } } });
    const value = seriesOf(short).emit(windowOf(short, ['c', 'a', 'd', 'b'].map((name) => call('u', name))), T0, undefined).value;
    expect(value).toEqual({ count: 4, keys: [['a'], ['b']], rememberedKeys: 4 });
  });

  it('skips records missing a field of the tuple', () => {
    const byBucket = compiled({ id: 'bucket', measure: { firstSeen: { fields: ['$identity', 'requestParameters.bucketName'] } } });
    const value = seriesOf(byBucket).emit(windowOf(byBucket, [call('a', 'GetObject'), { ...call('a', 'GetObject'), requestParameters: { bucketName: 'logs' } }]), T0, undefined).value;
    expect(value).toMatchObject({ count: 1, keys: [[arn('a'), 'logs']] });
  });

  it('reports on a revision the keys of its first emission plus those only the late records brought, and never again later', () => {
    const series = seriesOf(metric);
    const window = windowOf(metric, [call('a', 'ListBuckets')]);
    const first = series.emit(window, T0, undefined);
    window.merge(windowOf(metric, [call('late', 'StopLogging')]));
    const revision = series.emit(window, T0, first.memo);
    const next = series.emit(windowOf(metric, [call('late', 'StopLogging'), call('a', 'ListBuckets')]), T0 + MINUTE, undefined);
    expect(revision.value).toMatchObject({
      count: 2,
      keys: [
        [arn('a'), 'ec2.amazonaws.com:ListBuckets'],
        [arn('late'), 'ec2.amazonaws.com:StopLogging'],
      ],
    });
    expect(next.value).toMatchObject({ count: 0 });
  });

  it('learns a window that closes late (set membership does not depend on order)', () => {
    const inOrder = seriesOf(metric);
    const outOfOrder = seriesOf(metric);
    const windows = [[call('a', 'x')], [call('b', 'y')], [call('c', 'z'), call('a', 'x')]].map((records) => windowOf(metric, records));
    windows.forEach((window, i) => inOrder.emit(window, T0 + i * MINUTE, undefined));
    [2, 0, 1].forEach((i) => outOfOrder.emit(windows[i] as NonNullable<(typeof windows)[number]>, T0 + i * MINUTE, undefined));
    expect(outOfOrder.snapshot()).toEqual({ ...(inOrder.snapshot() as object), startMs: T0 + 2 * MINUTE });
  });

  it('merges per-window partials split anywhere, in any order, through JSON, into the single-pass state, also beyond the keys a window keeps', () => {
    const keys = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('ListBuckets', 'GetObject', 'RunInstances', 'AssumeRole', 'x')), { maxLength: 60 });
    fc.assert(
      fc.property(keys, fc.nat(60), fc.nat(60), (pairs, cut1, cut2) => {
        const records = pairs.map(([user, name]) => call(user, name));
        const [low, high] = [Math.min(cut1, cut2, records.length), Math.min(Math.max(cut1, cut2), records.length)];
        const parts = [records.slice(0, low), records.slice(low, high), records.slice(high)].map((part) => windowOf(metric, part));
        const [a, b, c] = parts;
        c?.merge(metric.restoreAccumulator(JSON.parse(JSON.stringify(a?.snapshot()))));
        c?.merge(b as NonNullable<typeof b>);
        expect(c?.snapshot()).toEqual(windowOf(metric, records).snapshot());
      }),
    );
    // Beyond MAX_FIRST_SEEN_WINDOW_KEYS the window keeps a bottom-k sample by hash: the same sample whatever the split.
    const many = Array.from({ length: MAX_FIRST_SEEN_WINDOW_KEYS + 5_000 }, (_, i) => call(`user-${i}`, 'GetObject'));
    const single = windowOf(metric, many);
    const left = windowOf(metric, many.filter((_, i) => i % 3 === 0));
    left.merge(windowOf(metric, many.filter((_, i) => i % 3 !== 0)));
    const snapshot = single.snapshot() as { keys: string[]; sampled: boolean };
    expect(snapshot.keys).toHaveLength(MAX_FIRST_SEEN_WINDOW_KEYS);
    expect(snapshot.sampled).toBe(true);
    expect(left.snapshot()).toEqual(snapshot);
    expect(seriesOf(metric).emit(single, T0, undefined).value).toMatchObject({ count: MAX_FIRST_SEEN_WINDOW_KEYS, approximate: true });
  });

  it('resumes from a snapshot (through JSON) exactly where it stopped, in both regimes', () => {
    const small = compiled({ id: 'small', measure: { firstSeen: { fields: ['$identity', 'eventName'], capacity: 300 } } });
    const windows = Array.from({ length: 30 }, (_, minute) => windowOf(small, Array.from({ length: 40 }, (_, i) => call(`u${(minute * 7 + i) % 50}`, `op${i % 9}`))));
    const uninterrupted = seriesOf(small);
    const expected = windows.map((window, i) => uninterrupted.emit(window, T0 + i * MINUTE, undefined).value);
    let resumed = seriesOf(small);
    const actual = windows.map((window, i) => {
      if (i % 4 === 0) resumed = small.restoreSeries?.(JSON.parse(JSON.stringify(resumed.snapshot()))) ?? resumed;
      return resumed.emit(window, T0 + i * MINUTE, undefined).value;
    });
    expect(actual).toEqual(expected);
    expect(resumed.snapshot()).toEqual(uninterrupted.snapshot());
    expect(resumed.snapshot()).toHaveProperty('bloom');
  });
});

describe('SeenSet and its Bloom filter', () => {
  it('has the design false-positive rate at capacity and never forgets a key (measured)', () => {
    // Prepare: a set of capacity 50,000 (the default) filled to capacity with principal x API keys.
    const capacity = 50_000;
    const seen = new SeenSet(capacity);
    const key = (i: number) => JSON.stringify([`arn:aws:iam::111122223333:user/u${i}`, `ec2.amazonaws.com:Op${i % 97}`]);
    for (let i = 0; i < capacity; i++) seen.add(key(i));
    // Act
    let forgotten = 0;
    for (let i = 0; i < capacity; i++) if (!seen.has(key(i))) forgotten++;
    let falsePositives = 0;
    const probes = 200_000;
    for (let i = capacity; i < capacity + probes; i++) if (seen.has(key(i))) falsePositives++;
    // Assess: 1 % by design; 200,000 probes put the rate within +-0.07 % (3 standard errors).
    expect(seen.isExact).toBe(false);
    expect(forgotten).toBe(0);
    expect(falsePositives / probes).toBeLessThan(FIRST_SEEN_FALSE_POSITIVE_RATE * 1.2);
    expect(falsePositives / probes).toBeGreaterThan(FIRST_SEEN_FALSE_POSITIVE_RATE * 0.5);
    expect(Math.abs(seen.size - capacity) / capacity).toBeLessThan(0.02);
  });

  it('is exact while small, and its state depends only on the set of keys added', () => {
    const keys = Array.from({ length: 6_000 }, (_, i) => `k${i}`);
    const forward = new SeenSet(10_000);
    const backward = new SeenSet(10_000);
    keys.slice(0, 100).forEach((k) => forward.add(k));
    [...keys.slice(0, 100)].reverse().forEach((k) => backward.add(k));
    expect(forward.isExact).toBe(true);
    expect(forward.state()).toEqual(backward.state());
    keys.forEach((k) => forward.add(k));
    [...keys].reverse().forEach((k) => backward.add(k));
    expect(forward.isExact).toBe(false);
    expect(forward.state()).toEqual(backward.state());
  });

  it('sizes the filter as the textbook formulas say (m = -n ln p / ln^2 2, k = m/n ln 2)', () => {
    const bloom = BloomFilter.forCapacity(50_000, 0.01);
    expect(bloom.bits).toBe(479_253);
    expect(bloom.hashes).toBe(7);
  });
});
