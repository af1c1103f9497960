import { type WindowPartial } from '@trailpulse/analytics';
import fc from 'fast-check';
import { batchPartials, encodeSequence, StoreConfigError, StoreInputError } from '../src';
import { resolveStoreOptions } from '../src/config/store-options';
import { type LocalStore, makeTempDir, openLocalStore } from './local-store';
import { BASE_MS, trafficRecords } from './records';

describe('batch sequences', () => {
  it('encoded sequences sort as strings exactly as the numbers sort (DynamoDB compares strings bytewise)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 60n }), fc.bigInt({ min: 0n, max: 10n ** 60n }), (a, b) => {
        const [ea, eb] = [encodeSequence(a), encodeSequence(b)];
        expect(Math.sign(ea < eb ? -1 : ea > eb ? 1 : 0)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('reads the same number the same way whatever its type and leading zeros', () => {
    expect(new Set([encodeSequence(42), encodeSequence('42'), encodeSequence('0042'), encodeSequence(42n)])).toEqual(new Set(['002:42']));
  });

  it.each([-1, 1.5, 'abc', '', '1e5', Number.MAX_SAFE_INTEGER + 1])('refuses %p', (sequence) => {
    expect(() => encodeSequence(sequence as never)).toThrow(StoreInputError);
  });
});

describe('store options', () => {
  it.each([
    [{ retention: {} }, /at least one window length/],
    [{ retention: { 10: 0 } }, /retention of 10 s windows/],
    [{ inlineBodyMaxBytes: 500_000 }, /400 KB/],
    [{ maxMergeAttempts: 0 }, /maxMergeAttempts/],
  ])('refuses %p', (options, message) => {
    expect(() => resolveStoreOptions(options)).toThrow(StoreConfigError);
    expect(() => resolveStoreOptions(options)).toThrow(message);
  });
});

describe('malformed batches write nothing', () => {
  let local: LocalStore;
  const good = batchPartials(trafficRecords(300), { windowSeconds: 60 });
  const first = good[0] as (typeof good)[number];

  beforeAll(async () => {
    local = await openLocalStore(await makeTempDir());
  });
  afterAll(async () => {
    await local.remove();
  });

  it.each([
    ['a partial of another window length', { windowSeconds: 10, windows: good }, /partial is of 60000 ms windows, the batch says 10 s/],
    ['a window length without retention tier', { windowSeconds: 300, windows: [] }, /no retention tier for 300 s windows/],
    ['the reserved aggregate account', { windowSeconds: 60, windows: [{ ...first, account: '*' }] }, /other than "\*"/],
    ['a malformed partial', { windowSeconds: 60, windows: [...good, { ...first, partial: { ...first.partial, totalCalls: -3 } as WindowPartial }] }, /batch window #\d+ .*cannot be restored/],
    ['a roll-up to a length that is not a multiple', { windowSeconds: 60, windows: good, rollUpTo: [10] }, /not a larger multiple/],
  ])('%s', async (_what, input, message) => {
    // Act
    const merge = local.store.mergeBatch({ batch: { source: 'bad', sequence: 1 }, ...input } as never);
    // Assess
    await expect(merge).rejects.toThrow(message);
    expect((await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 3_600_000 })).windows).toEqual([]);
  });
});
