import { type ErrorRateValue } from './error-rate-series';
import { compiled, MINUTE, seriesOf, T0, times, windowOf } from './testing/series';

const DENIED = { field: '$errorClass', equals: 'access-denied' } as const;
const user = (name: string) => ({ userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${name}` } });
const arn = (name: string) => `arn:aws:iam::111122223333:user/${name}`;

/** Deterministic uniform numbers in [0, 1) (xorshift32). */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** -log10 of P(all n calls fail) for a key with no history: prod (a+i)/(a+b+i), a = 10 x 0.01, b = 10 x 0.99. */
function newKeyAllFailScore(n: number): number {
  let log = 0;
  for (let i = 0; i < n; i++) log += Math.log10((0.1 + i) / (10 + i));
  return Math.round(-log * 100) / 100;
}

describe('errorRate: per-key error-rate spikes', () => {
  const metric = compiled({ id: 'denied', measure: { errorRate: { by: '$identity', errors: DENIED } } });

  it('scores a burst far above a background of ordinary refusals, which raises no spike', () => {
    // Prepare: 20 principals, 50 calls a minute each, refused about 1 % of the time, for 3 hours.
    const random = randomSource(7);
    const series = seriesOf(metric);
    const backgroundSpikes: unknown[] = [];
    for (let minute = 0; minute < 180; minute++) {
      const records = Array.from({ length: 20 }, (_, p) =>
        Array.from({ length: 50 }, () => ({ ...user(`p${p}`), ...(random() < 0.01 ? { errorCode: 'AccessDenied' } : {}) })),
      ).flat();
      backgroundSpikes.push(...(series.emit(windowOf(metric, records), T0 + minute * MINUTE, undefined).value as ErrorRateValue).spikes);
    }
    // Act: p3 is refused 40 times in 50 calls; a principal never seen makes 50 calls, all refused.
    const burst = [
      ...Array.from({ length: 20 }, (_, p) => times(50, user(`p${p}`))).flat(),
      ...times(40, { ...user('p3'), errorCode: 'AccessDenied' }),
      ...times(10, user('p3')),
      ...times(50, { ...user('intruder'), errorCode: 'Client.UnauthorizedOperation' }),
    ];
    const value = series.emit(windowOf(metric, burst), T0 + 180 * MINUTE, undefined).value as ErrorRateValue;
    // Assess
    expect(backgroundSpikes).toEqual([]);
    expect(value.spikes.map((spike) => spike.key)).toEqual([arn('p3'), arn('intruder')]);
    const [p3, intruder] = value.spikes;
    expect(p3).toMatchObject({ calls: 100, errors: 40, rate: 0.4 });
    expect(p3?.score).toBeGreaterThan(30);
    expect(intruder).toEqual({ key: arn('intruder'), calls: 50, errors: 50, rate: 1, baseline: 0.01, score: newKeyAllFailScore(50) });
    expect(value.trackedKeys).toBe(21);
  });

  it('learns that a principal is always refused: only its first windows spike', () => {
    const series = seriesOf(metric);
    const spiking: number[] = [];
    for (let minute = 0; minute < 60; minute++) {
      const value = series.emit(windowOf(metric, times(20, { ...user('broken-job'), errorCode: 'AccessDenied' })), T0 + minute * MINUTE, undefined).value as ErrorRateValue;
      if (value.spikes.length > 0) spiking.push(minute);
    }
    expect(spiking[0]).toBe(0);
    expect(spiking.length).toBeLessThanOrEqual(2);
  });

  it('scores a single stray refusal of a new principal at 2 (1 in 100), below the default minScore 6', () => {
    const low = compiled({ id: 'low', measure: { errorRate: { by: '$identity', errors: DENIED, minScore: 0 } } });
    const stray = seriesOf(low).emit(windowOf(low, [{ ...user('new'), errorCode: 'AccessDenied' }]), T0, undefined).value as ErrorRateValue;
    const strict = seriesOf(metric).emit(windowOf(metric, [{ ...user('new'), errorCode: 'AccessDenied' }]), T0, undefined).value as ErrorRateValue;
    expect(stray.spikes).toEqual([{ key: arn('new'), calls: 1, errors: 1, rate: 1, baseline: 0.01, score: 2 }]);
    expect(strict.spikes).toEqual([]);
  });

  it('counts errors with its `errors` filter, by default any errorCode', () => {
    const anyError = compiled({ id: 'any', measure: { errorRate: { by: '$identity' } } });
    const records = [{ ...user('a'), errorCode: 'ThrottlingException' }, { ...user('a'), errorCode: '' }, { ...user('a'), errorCode: 'AccessDenied' }, user('a')];
    expect(anyError.createSeries?.().emit(windowOf(anyError, records), T0, undefined).value).toMatchObject({ calls: 4, errors: 2 });
    expect(metric.createSeries?.().emit(windowOf(metric, records), T0, undefined).value).toMatchObject({ calls: 4, errors: 1 });
  });

  it('merges per-window partials, split anywhere and through JSON, into the single-pass state', () => {
    // Prepare
    const random = randomSource(11);
    const records = Array.from({ length: 3_000 }, () => ({ ...user(`u${Math.floor(random() * 400)}`), ...(random() < 0.2 ? { errorCode: 'AccessDenied' } : {}) }));
    const single = windowOf(metric, records);
    // Act
    const parts = [records.slice(0, 700), records.slice(700, 2_100), records.slice(2_100)].map((part) => windowOf(metric, part));
    const [first, second, third] = parts;
    third?.merge(metric.restoreAccumulator(JSON.parse(JSON.stringify(first?.snapshot()))));
    third?.merge(second as NonNullable<typeof second>);
    // Assess
    expect(third?.snapshot()).toEqual(single.snapshot());
  });

  it('keeps at most trackedKeys baselines, forgetting the least active', () => {
    const small = compiled({ id: 'small', measure: { errorRate: { by: '$identity', trackedKeys: 3 } } });
    const series = seriesOf(small);
    // busy makes 10 calls a minute; quiet-0..9 one call each, one per minute.
    for (let minute = 0; minute < 10; minute++) {
      series.emit(windowOf(small, [...times(10, user('busy')), user(`quiet-${minute}`)]), T0 + minute * MINUTE, undefined);
    }
    const snapshot = series.snapshot() as { keys: string[] };
    expect(snapshot.keys).toEqual([arn('busy'), arn('quiet-8'), arn('quiet-9')]);
  });

  it('does not learn a window older than one already learned, nor a revision: the baselines stay those of the in-order run', () => {
    // Prepare
    const windows = [0, 1, 2, 3].map((minute) => windowOf(metric, [...times(30, user('a')), ...times(minute, { ...user('b'), errorCode: 'AccessDenied' })]));
    const inOrder = seriesOf(metric);
    const disturbed = seriesOf(metric);
    const late = windowOf(metric, times(25, { ...user('a'), errorCode: 'AccessDenied' }));
    // Act
    windows.forEach((window, i) => inOrder.emit(window, T0 + i * MINUTE, undefined));
    const memos: unknown[] = [];
    windows.forEach((window, i) => memos.push(disturbed.emit(window, T0 + i * MINUTE, undefined).memo));
    const lateValue = disturbed.emit(late, T0 - 5 * MINUTE, undefined).value as ErrorRateValue;
    windows[1]?.merge(late);
    const revised = disturbed.emit(windows[1] as NonNullable<(typeof windows)[1]>, T0 + MINUTE, memos[1]).value as ErrorRateValue;
    // Assess: both were scored (a's burst shows), neither was learned.
    expect(lateValue.spikes.map((spike) => spike.key)).toEqual([arn('a')]);
    expect(revised.spikes.map((spike) => spike.key)).toContain(arn('a'));
    expect(disturbed.snapshot()).toEqual(inOrder.snapshot());
  });

  it('resumes from a snapshot (through JSON) exactly where it stopped', () => {
    const random = randomSource(3);
    const windows = Array.from({ length: 40 }, () =>
      windowOf(metric, Array.from({ length: 60 }, () => ({ ...user(`u${Math.floor(random() * 8)}`), ...(random() < 0.1 ? { errorCode: 'AccessDenied' } : {}) }))),
    );
    const uninterrupted = seriesOf(metric);
    const expected = windows.map((window, i) => uninterrupted.emit(window, T0 + i * MINUTE, undefined).value);
    let resumed = seriesOf(metric);
    const actual = windows.map((window, i) => {
      if (i % 7 === 0) resumed = metric.restoreSeries?.(JSON.parse(JSON.stringify(resumed.snapshot()))) ?? resumed;
      return resumed.emit(window, T0 + i * MINUTE, undefined).value;
    });
    expect(actual).toEqual(expected);
    expect(resumed.snapshot()).toEqual(uninterrupted.snapshot());
  });

  it('refuses a snapshot of another metric or a corrupt one with CustomMetricStateError', () => {
    const other = compiled({ id: 'other', measure: { errorRate: { by: '$identity' } } });
    const state = seriesOf(other).snapshot();
    expect(() => metric.restoreSeries?.(state)).toThrow('belongs to metric "other"');
    expect(() => metric.restoreSeries?.({ ...(seriesOf(metric).snapshot() as object), keys: ['x'] })).toThrow('same length');
  });
});
