import fc from 'fast-check';
import { splitAt } from '../../test/records';
import { SketchStateError } from './sketch-state-error';
import { DEFAULT_SKETCH_CAPACITY, SpaceSaving, type SpaceSavingSnapshot } from './space-saving';

function run(keys: readonly string[], capacity: number): SpaceSaving {
  const sketch = new SpaceSaving(capacity);
  for (const key of keys) sketch.offer(key);
  return sketch;
}

function exactCounts(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Exact top list by metrics.md's order: count descending, then key ascending in UTF-16 code units. */
function exactTop(keys: readonly string[]): { key: string; count: number }[] {
  return [...exactCounts(keys)]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A JSON round trip, as a checkpoint store would do. */
const throughJson = (sketch: SpaceSaving): SpaceSaving => SpaceSaving.restore(JSON.parse(JSON.stringify(sketch.snapshot())) as SpaceSavingSnapshot);

/** Keys with a skew (a few heavy hitters among many light keys), including non-ASCII and surrogate pairs. */
const skewedKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('hot', 'warm', 'Ä', '😀') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `k${n}`) },
);

describe('SpaceSaving', () => {
  it('defaults to a capacity that keeps lists exact up to 10,000 distinct keys (metrics.md "Top-K lists")', () => {
    // Prepare
    const keys = Array.from({ length: 10_000 }, (_, i) => `ip-${i}`);
    // Act
    const sketch = run([...keys, ...keys.slice(0, 3)], DEFAULT_SKETCH_CAPACITY);
    // Assess
    expect(DEFAULT_SKETCH_CAPACITY).toBeGreaterThanOrEqual(10_000);
    expect(sketch.exact).toBe(true);
    expect(sketch.top(4)).toEqual([
      { key: 'ip-0', count: 2 },
      { key: 'ip-1', count: 2 },
      { key: 'ip-2', count: 2 },
      { key: 'ip-10', count: 1 },
    ]);
  });

  it('orders ties by UTF-16 code units, not locale (metrics.md "JavaScript string order")', () => {
    // Prepare: "Z" < "a" < "é" < "😀" (U+D83D) < "ﬀ" (U+FB00) in code units; localeCompare would put "a" first.
    const keys = ['ﬀ', 'é', 'a', 'Z', '😀'];
    // Act
    const top = run(keys, 8).top(5);
    // Assess
    expect(top.map(({ key }) => key)).toEqual(['Z', 'a', 'é', '😀', 'ﬀ']);
  });

  it('in the exact regime reports exactly the true counts, without error fields', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 300 }), fc.integer({ min: 0, max: 50 }), (keys, extraCapacity) => {
        // Prepare
        const capacity = exactCounts(keys).size + extraCapacity || 1;
        // Act
        const sketch = run(keys, capacity);
        // Assess
        expect(sketch.exact).toBe(true);
        expect(sketch.top(capacity)).toStrictEqual(exactTop(keys));
      }),
    );
  });

  it('in the exact regime, merging sketches of split input in any order equals one sketch of all of it', () => {
    fc.assert(
      fc.property(
        fc.array(skewedKey, { maxLength: 200 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        (keys, cuts, order) => {
          // Prepare
          const capacity = Math.max(1, exactCounts(keys).size);
          const parts = splitAt(keys, cuts).map((part) => run(part, capacity));
          const shuffled = parts.map((part, i) => ({ part, rank: order[i] ?? 0 })).sort((a, b) => a.rank - b.rank);
          // Act
          const merged = new SpaceSaving(capacity);
          for (const { part } of shuffled) merged.merge(throughJson(part));
          // Assess
          expect(merged.snapshot()).toStrictEqual(run(keys, capacity).snapshot());
        },
      ),
    );
  });

  it('beyond capacity: count - error <= true count <= count, and every key above N / capacity is kept', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 8 }), (keys, capacity) => {
        // Act
        const sketch = run(keys, capacity);
        // Assess
        assertSpaceSavingBounds(sketch, keys);
      }),
    );
  });

  it('beyond capacity: merged partial sketches (also through JSON) keep the same guarantees', () => {
    fc.assert(
      fc.property(
        fc.array(skewedKey, { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (keys, capacity, cuts) => {
          // Prepare
          const parts = splitAt(keys, cuts).map((part) => run(part, capacity));
          // Act
          const merged = new SpaceSaving(capacity);
          for (const part of parts) merged.merge(throughJson(part));
          // Assess
          assertSpaceSavingBounds(merged, keys);
        },
      ),
    );
  });

  it('deferred truncation: within capacity, many merges equal merging one by one (same snapshot)', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (keys, cuts) => {
        // Prepare: a capacity every union fits (skewedKey has 45 distinct keys)
        const parts = splitAt(keys, cuts).map((part) => run(part, 64));
        const oneByOne = new SpaceSaving(64);
        for (const part of parts) oneByOne.merge(part);
        // Act
        const deferred = run([], 64);
        deferred.deferTruncation();
        for (const part of parts) deferred.merge(throughJson(part));
        // Assess
        expect(deferred.snapshot()).toEqual(oneByOne.snapshot());
      }),
    );
  });

  it('deferred truncation beyond capacity: count - error <= true count <= count, every key above N / capacity kept, at most capacity keys', () => {
    fc.assert(
      fc.property(
        fc.array(skewedKey, { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (keys, capacity, cuts) => {
          // Prepare
          const [first = [], ...rest] = splitAt(keys, cuts);
          const merged = run(first, capacity);
          // Act
          merged.deferTruncation();
          for (const part of rest) merged.merge(throughJson(run(part, capacity)));
          // Assess
          expect(merged.size).toBeLessThanOrEqual(capacity);
          assertSpaceSavingBounds(merged, keys);
        },
      ),
    );
  });

  it('deferred truncation ends at the first read: later merges cut back after each one again', () => {
    // Prepare
    const sketch = run(['a', 'a', 'b'], 2);
    sketch.deferTruncation();
    sketch.merge(run(['c', 'd'], 2));
    // Act: the read settles the union {a, b, c, d} to capacity 2
    const settled = sketch.top(10);
    sketch.merge(run(['e'], 2));
    // Assess
    expect(settled.map(({ key }) => key)).toEqual(['a', 'b']);
    expect(sketch.exact).toBe(false);
    expect(sketch.size).toBe(2);
  });

  it('evicts a key with the minimum count and gives the newcomer that count as its error (Metwally et al.)', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 1, max: 6 }), (keys, capacity) => {
        const sketch = new SpaceSaving(capacity);
        for (const key of keys) {
          // Prepare
          const before = sketch.snapshot();
          const isNewcomer = !before.keys.includes(key);
          const minimum = Math.min(...before.counts);
          // Act
          sketch.offer(key);
          // Assess
          const after = sketch.snapshot();
          const at = after.keys.indexOf(key);
          if (isNewcomer && before.keys.length === capacity) {
            expect(after.counts[at]).toBe(minimum + 1);
            expect(after.errors?.[at]).toBe(minimum);
            const survivors = after.keys.filter((kept) => before.keys.includes(kept));
            expect(survivors).toHaveLength(capacity - 1);
          }
          // Offers only move counts: they always sum to the number of offers.
          expect(after.counts.reduce((total, count) => total + count, 0)).toBe(before.counts.reduce((total, count) => total + count, 0) + 1);
        }
      }),
    );
  });

  it('marks entries with error only once a key was dropped', () => {
    // Act
    const sketch = run(['a', 'b', 'a', 'c'], 2);
    // Assess
    expect(sketch.exact).toBe(false);
    expect(sketch.top(2)).toEqual([
      { key: 'a', count: 2, error: 0 },
      { key: 'c', count: 2, error: 1 },
    ]);
  });

  it('snapshots are compact parallel arrays and survive a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 1, max: 60 }), (keys, capacity) => {
        // Prepare
        const sketch = run(keys, capacity);
        // Act
        const restored = throughJson(sketch);
        // Assess
        expect(restored.snapshot()).toStrictEqual(sketch.snapshot());
        expect(restored.exact).toBe(sketch.exact);
        expect(Object.keys(sketch.snapshot()).sort()).toEqual(sketch.exact ? ['capacity', 'counts', 'exact', 'keys'] : ['capacity', 'counts', 'errors', 'exact', 'keys']);
      }),
    );
  });

  it('keeps counting correctly after a restore, whether or not it was full', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (first, second, capacity) => {
        // Act
        const sketch = throughJson(run(first, capacity));
        for (const key of second) sketch.offer(key);
        // Assess
        assertSpaceSavingBounds(sketch, [...first, ...second]);
      }),
    );
  });

  it.each<[string, unknown]>([
    ['a missing capacity', { exact: true, keys: [], counts: [] }],
    ['more keys than capacity', { capacity: 1, exact: true, keys: ['a', 'b'], counts: [1, 1] }],
    ['counts of another length', { capacity: 2, exact: true, keys: ['a'], counts: [1, 2] }],
    ['a zero count', { capacity: 2, exact: true, keys: ['a'], counts: [0] }],
    ['a repeated key', { capacity: 2, exact: true, keys: ['a', 'a'], counts: [1, 1] }],
    ['an inexact snapshot without errors', { capacity: 1, exact: false, keys: ['a'], counts: [2] }],
    ['an error above its count', { capacity: 1, exact: false, keys: ['a'], counts: [2], errors: [3] }],
    ['an inexact snapshot that is not full', { capacity: 2, exact: false, keys: ['a'], counts: [2], errors: [1] }],
  ])('refuses to restore %s with a SketchStateError', (_case, snapshot) => {
    // Act + Assess
    expect(() => SpaceSaving.restore(snapshot as SpaceSavingSnapshot)).toThrow(SketchStateError);
  });

  it('refuses to merge sketches of different capacities', () => {
    // Act + Assess
    expect(() => new SpaceSaving(2).merge(new SpaceSaving(3))).toThrow(SketchStateError);
  });

  it('top(k) for a k much smaller than the keys held is the first k of the full top order', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 4, max: 64 }), (keys, k, capacity) => {
        const sketch = run(keys, capacity);
        const all = sketch.top(Number.MAX_SAFE_INTEGER);
        expect(sketch.top(k)).toStrictEqual(all.slice(0, k));
        expect(all.map(({ key }) => key)).toStrictEqual(sketch.snapshot().keys);
      }),
    );
  });

  it('merges in place without changing the other sketch or the snapshot a sketch was restored from', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 1, max: 24 }), (left, right, capacity) => {
        // Prepare
        const snapshot = JSON.parse(JSON.stringify(run(left, capacity).snapshot())) as SpaceSavingSnapshot;
        const snapshotBefore = JSON.stringify(snapshot);
        const target = SpaceSaving.restore(snapshot);
        const other = run(right, capacity);
        const otherBefore = JSON.stringify(other.parts());
        // Act: twice, so that the second merge uses the key map the first one kept
        target.merge(other);
        target.merge(other);
        // Assess
        expect(JSON.stringify(snapshot)).toBe(snapshotBefore);
        expect(JSON.stringify(other.parts())).toBe(otherBefore);
        const expected = run(left, capacity);
        expected.merge(throughJson(other));
        expected.merge(throughJson(other));
        expect(target.snapshot()).toStrictEqual(expected.snapshot());
      }),
    );
  });

  it('snapshots and top lists are in top order after any sequence of offers, merges, deferred merges and restores; slot-order snapshots restore to the same state', () => {
    // The reference sorts the raw state (parts, in slot order) itself: a snapshot that trusted a stale
    // "already in top order" would differ from it.
    const inTopOrder = (sketch: SpaceSaving): { keys: string[]; counts: number[] } => {
      const { keys, counts } = sketch.parts();
      const slots = keys.map((_, slot) => slot).sort((a, b) => (counts[b] as number) - (counts[a] as number) || ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
      return { keys: slots.map((slot) => keys[slot] as string), counts: slots.map((slot) => counts[slot] as number) };
    };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('offer' as const), keys: fc.array(skewedKey, { maxLength: 30 }) }),
      fc.record({ kind: fc.constant('merge' as const), keys: fc.array(skewedKey, { maxLength: 60 }), json: fc.boolean() }),
      fc.record({ kind: fc.constant('defer' as const), keys: fc.array(skewedKey, { maxLength: 60 }) }),
      fc.record({ kind: fc.constant('restore' as const) }),
      fc.record({ kind: fc.constant('copy' as const) }),
      // Keys the sketch holds already: a full sketch takes them without cutting back (no keepTop).
      fc.record({ kind: fc.constant('reinforce' as const), picks: fc.array(fc.nat(), { maxLength: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (steps, capacity) => {
        let sketch = new SpaceSaving(capacity);
        for (const s of steps) {
          // Act
          if (s.kind === 'offer') for (const key of s.keys) sketch.offer(key);
          else if (s.kind === 'merge') sketch.merge(s.json ? throughJson(run(s.keys, capacity)) : run(s.keys, capacity));
          else if (s.kind === 'defer') {
            sketch.deferTruncation();
            sketch.merge(run(s.keys.slice(0, 30), capacity));
            sketch.merge(run(s.keys.slice(30), capacity));
          } else if (s.kind === 'restore') sketch = throughJson(sketch);
          else {
            const copy = new SpaceSaving(capacity);
            copy.merge(sketch);
            sketch = copy;
          }
          // Assess
          const snapshot = sketch.snapshot();
          const expected = inTopOrder(sketch);
          expect({ keys: snapshot.keys, counts: snapshot.counts }).toStrictEqual(expected);
          expect(sketch.top(3).map(({ key }) => key)).toStrictEqual(expected.keys.slice(0, 3));
          // In slot order (not canonical): the same state once restored.
          const inSlotOrder = JSON.parse(JSON.stringify(sketch.snapshot(false))) as SpaceSavingSnapshot;
          expect(SpaceSaving.restore(inSlotOrder).snapshot()).toStrictEqual(snapshot);
        }
      }),
    );
  });

  it('merging a sketch into itself equals merging an equal copy of it', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 1, max: 24 }), (keys, capacity) => {
        // Prepare
        const sketch = run(keys, capacity);
        const expected = run(keys, capacity);
        // Act
        sketch.merge(sketch);
        expected.merge(run(keys, capacity));
        // Assess
        expect(sketch.snapshot()).toStrictEqual(expected.snapshot());
        expect(sketch.parts()).toStrictEqual(expected.parts());
      }),
    );
  });

  it('mergeParts of a sketch handed over as parts equals merge of that sketch', () => {
    fc.assert(
      fc.property(fc.array(skewedKey, { maxLength: 200 }), fc.array(skewedKey, { maxLength: 200 }), fc.integer({ min: 2, max: 24 }), (left, right, capacity) => {
        const merged = run(left, capacity);
        merged.merge(run(right, capacity));
        const viaParts = run(left, capacity);
        viaParts.mergeParts(run(right, capacity).parts());
        expect(viaParts.snapshot()).toStrictEqual(merged.snapshot());
        const fromParts = SpaceSaving.fromParts(run(left, capacity).parts());
        expect(fromParts.snapshot()).toStrictEqual(run(left, capacity).snapshot());
        // A sketch made from parts keeps counting like the original (offers that evict nothing: which
        // of several minimum keys an eviction picks depends on the order counts were reached).
        const heldKey = run(left, capacity).snapshot().keys[0];
        if (heldKey !== undefined) {
          fromParts.offer(heldKey);
          expect(fromParts.snapshot()).toStrictEqual(run([...left, heldKey], capacity).snapshot());
        }
      }),
    );
  });
});

/**
 * The Space-Saving guarantees for N offers and capacity m: each count overestimates by at most its
 * error, and any key occurring more than N / m times is tracked. Lists are exact until a key is dropped.
 */
function assertSpaceSavingBounds(sketch: SpaceSaving, keys: readonly string[]): void {
  const truth = exactCounts(keys);
  const entries = sketch.top(sketch.capacity);
  expect(sketch.exact).toBe(truth.size <= sketch.capacity);
  for (const { key, count, error = 0 } of entries) {
    const trueCount = truth.get(key) ?? 0;
    expect(count - error).toBeLessThanOrEqual(trueCount);
    expect(trueCount).toBeLessThanOrEqual(count);
  }
  const tracked = new Set(entries.map(({ key }) => key));
  for (const [key, count] of truth) {
    if (count > keys.length / sketch.capacity) expect(tracked).toContain(key);
  }
}
