import fc from 'fast-check';
import { type TopEntry } from '../output/metrics-output';
import { compileCustomMetric } from './compile';
import { type CompiledCustomMetric, type CustomAccumulator } from './custom-metric';
import { CustomMetricDefinitionError } from './definition-error';
import { type CustomMetricDefinition, customMetricDefinitionSchema } from './definition-schema';
import { CustomMetricStateError } from './state-error';
import { apiCall, type FactRecord, withFacts } from './testing/records';

function compile(definition: Readonly<Record<string, unknown>>): CompiledCustomMetric {
  return compileCustomMetric(customMetricDefinitionSchema.parse({ id: 'probe', title: 'Probe', ...definition }));
}

function accumulate(metric: CompiledCustomMetric, records: readonly FactRecord[]): CustomAccumulator {
  const accumulator = metric.createAccumulator();
  for (const { record, facts } of records) accumulator.add(record, facts);
  return accumulator;
}

function resultOf(metric: CompiledCustomMetric, records: readonly FactRecord[]): unknown {
  return accumulate(metric, records).result();
}

const consoleLogin = withFacts(apiCall({ eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin' }));
const denied = (user: string) => withFacts(apiCall({ errorCode: 'AccessDenied', userIdentity: { arn: user } }));

describe('compileCustomMetric', () => {
  it('carries id, window and definition', () => {
    const metric = compileCustomMetric(customMetricDefinitionSchema.parse({ id: 'a', title: 'A', measure: 'count', window: '5m', anomaly: true }));
    expect(metric).toMatchObject({ id: 'a', windowSeconds: 300, definition: { anomaly: true } });
    expect(compile({ measure: 'count' }).windowSeconds).toBeUndefined();
  });

  it('refuses, naming metric and path, a catastrophic regex in a definition built in code', () => {
    // Prepare: bypasses the schema, as code that builds definitions by hand could.
    const definition: CustomMetricDefinition = {
      id: 'handmade',
      title: 'Handmade',
      measure: { count: true },
      apiCallsOnly: true,
      anomaly: false,
      filter: { or: [{ field: 'a', exists: true }, { field: 'eventName', regex: '(a+)+' }] },
    };
    // Act + Assess
    expect(() => compileCustomMetric(definition)).toThrow(CustomMetricDefinitionError);
    expect(() => compileCustomMetric(definition)).toThrow(
      '  - (compiled definition) metric "handmade" filter.or[1].regex: regular expression "(a+)+" repeats a group that itself repeats',
    );
  });
});

describe('count', () => {
  it('counts API calls only by default, like the built-in metrics', () => {
    const records = [withFacts(apiCall()), consoleLogin, withFacts(apiCall({ eventType: undefined }))];
    expect(resultOf(compile({ measure: 'count' }), records)).toBe(2);
    expect(resultOf(compile({ measure: 'count', apiCallsOnly: false }), records)).toBe(3);
  });

  it('counts only what the filter keeps', () => {
    const records = [denied('a'), withFacts(apiCall()), denied('b')];
    expect(resultOf(compile({ measure: 'count', filter: { field: '$errorClass', equals: 'access-denied' } }), records)).toBe(2);
  });
});

describe('distinctCount', () => {
  const metric = compile({ measure: { distinctCount: 'requestParameters.value' } });
  const withValue = (value: unknown) => withFacts(apiCall({ requestParameters: { value } }));

  it('counts distinct values exactly while small, leaving absent values out', () => {
    const records = [withValue('a'), withValue('a'), withValue('b'), withValue(null), withFacts(apiCall())];
    expect(resultOf(metric, records)).toEqual({ distinct: 2, approximate: false });
  });

  it('keys numbers and booleans by their text and objects by their JSON', () => {
    const records = [withValue(1), withValue('1'), withValue(true), withValue('true'), withValue({ k: 1 }), withValue([1])];
    expect(resultOf(metric, records)).toEqual({ distinct: 4, approximate: false });
  });

  it('cuts keys at 1,024 characters so one record cannot grow the state', () => {
    const long = 'x'.repeat(5_000);
    expect(resultOf(metric, [withValue(long), withValue(`${long}y`)])).toEqual({ distinct: 1, approximate: false });
  });

  it('switches to a HyperLogLog estimate beyond 512 keys, within 3 standard errors on 20,000 keys', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => withValue(`198.51.${i >> 8}.${i & 255}`));
    const result = resultOf(metric, records) as { distinct: number; approximate: boolean };
    expect(result.approximate).toBe(true);
    expect(Math.abs(result.distinct - 20_000) / 20_000).toBeLessThan(3 * 0.01625);
  });
});

describe('topK', () => {
  it('lists keys by count descending, then key ascending in UTF-16 code unit order', () => {
    // Prepare: "B" < "a" < "é" < "😀" (a surrogate pair, 0xD83D) < "ￚ" (0xFFDA) by code units.
    const keys = ['a', 'ￚ', 'B', '😀', 'é', 'x', 'x', 'x'];
    const metric = compile({ measure: { topK: { by: 'requestParameters.key', k: 5 } } });
    // Act
    const result = resultOf(metric, keys.map((key) => withFacts(apiCall({ requestParameters: { key } }))));
    // Assess
    expect(result).toEqual([
      { key: 'x', count: 3 },
      { key: 'B', count: 1 },
      { key: 'a', count: 1 },
      { key: 'é', count: 1 },
      { key: '😀', count: 1 },
    ]);
  });

  it('ranks derived keys, e.g. who is denied most', () => {
    const metric = compile({ filter: { field: '$errorClass', equals: 'access-denied' }, measure: { topK: { by: '$identity', k: 2 } } });
    const records = [denied('bob'), denied('alice'), denied('bob'), withFacts(apiCall({ userIdentity: { arn: 'carol' } }))];
    expect(resultOf(metric, records)).toEqual([
      { key: 'bob', count: 2 },
      { key: 'alice', count: 1 },
    ]);
  });

  it('beyond its capacity adds error to every entry, and each count bounds the truth', () => {
    // Prepare: 1,000 records over 50 keys with skewed frequencies, capacity 10.
    const metric = compile({ measure: { topK: { by: 'requestParameters.key', k: 5, capacity: 10 } } });
    const keys = Array.from({ length: 1_000 }, (_, i) => `k${(i * i) % 50}`);
    const truth = new Map<string, number>();
    for (const key of keys) truth.set(key, (truth.get(key) ?? 0) + 1);
    // Act
    const result = resultOf(metric, keys.map((key) => withFacts(apiCall({ requestParameters: { key } })))) as TopEntry[];
    // Assess
    expect(result).toHaveLength(5);
    for (const { key, count, error } of result) {
      expect(error).toEqual(expect.any(Number));
      expect(count - (error ?? 0)).toBeLessThanOrEqual(truth.get(key) ?? 0);
      expect(count).toBeGreaterThanOrEqual(truth.get(key) ?? 0);
    }
  });
});

describe('merge: any split, merged in any order, equals one pass', () => {
  const identities = ['arn:aws:iam::1:user/alice', 'arn:aws:iam::1:user/bob', 'arn:aws:iam::2:role/ops', 'root'];
  const recordArbitrary = fc
    .record({
      user: fc.constantFrom(...identities),
      ip: fc.integer({ min: 0, max: 40 }).map((n) => `10.0.0.${n}`),
      eventName: fc.constantFrom('GetObject', 'PutObject', 'DeleteObject', 'ListBuckets'),
      errorCode: fc.constantFrom(undefined, null, '', 'AccessDenied', 'ThrottlingException'),
      eventType: fc.constantFrom('AwsApiCall', 'AwsApiCall', 'AwsConsoleSignIn', undefined),
    })
    .map(({ user, ip, eventName, errorCode, eventType }) =>
      withFacts(apiCall({ userIdentity: { arn: user }, sourceIPAddress: ip, eventSource: 's3.amazonaws.com', eventName, errorCode, eventType })),
    );

  /** The records cut at `cuts`, one accumulator per part, merged in the order `order` gives. */
  function splitMerge(metric: CompiledCustomMetric, records: readonly FactRecord[], cuts: readonly number[], order: readonly number[]): unknown {
    const bounds = [0, ...[...cuts].map((cut) => cut % (records.length + 1)).sort((a, b) => a - b), records.length];
    const parts = bounds.slice(1).map((end, i) => accumulate(metric, records.slice(bounds[i], end)));
    const ordered = [...parts].sort((a, b) => (order[parts.indexOf(a)] ?? 0) - (order[parts.indexOf(b)] ?? 0));
    const [first, ...rest] = ordered;
    if (first === undefined) return metric.createAccumulator().result();
    // Some parts go through a JSON checkpoint on the way, as they would between Lambda invocations.
    for (const [i, part] of rest.entries()) first.merge(i % 2 === 0 ? part : metric.restoreAccumulator(JSON.parse(JSON.stringify(part.snapshot()))));
    return first.result();
  }

  const splitArbitrary = fc.tuple(
    fc.array(recordArbitrary, { maxLength: 120 }),
    fc.array(fc.nat(), { maxLength: 6 }),
    fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
  );

  it.each([
    ['count with a filter', { measure: 'count', filter: { field: '$errorClass', in: ['access-denied', 'throttling'] } }],
    ['count of every accepted record', { measure: 'count', apiCallsOnly: false }],
    ['distinctCount', { measure: { distinctCount: '$sourceIp' } }],
    ['topK within capacity', { measure: { topK: { by: '$apiCall', k: 3 } }, filter: { not: { field: '$successful', equals: true } } }],
    ['topK with exactly as many keys as capacity', { measure: { topK: { by: '$identity', k: 4, capacity: 4 } } }],
  ])('%s', (_case, definition) => {
    const metric = compile(definition);
    fc.assert(
      fc.property(splitArbitrary, ([records, cuts, order]) => {
        expect(splitMerge(metric, records, cuts, order)).toEqual(resultOf(metric, records));
      }),
      { numRuns: 200 },
    );
  });

  it('distinctCount equals one pass in the approximate regime too (same HyperLogLog registers)', () => {
    const metric = compile({ measure: { distinctCount: 'requestParameters.key' } });
    const manyKeys = fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 400, maxLength: 1_500 }).map((keys) =>
      keys.map((key) => withFacts(apiCall({ requestParameters: { key: `key-${key}` } }))),
    );
    fc.assert(
      fc.property(manyKeys, fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), (records, cuts, order) => {
        expect(splitMerge(metric, records, cuts, order)).toEqual(resultOf(metric, records));
      }),
      { numRuns: 30 },
    );
  });

  it('topK beyond capacity keeps every count within its error of the truth after merges', () => {
    const metric = compile({ measure: { topK: { by: '$sourceIp', k: 5, capacity: 5 } } });
    fc.assert(
      fc.property(splitArbitrary, ([records, cuts, order]) => {
        const truth = new Map<string, number>();
        for (const { facts } of records) if (facts.isApiCall) truth.set(facts.sourceIp, (truth.get(facts.sourceIp) ?? 0) + 1);
        for (const { key, count, error = 0 } of splitMerge(metric, records, cuts, order) as TopEntry[]) {
          expect(count).toBeGreaterThanOrEqual(truth.get(key) ?? 0);
          expect(count - error).toBeLessThanOrEqual(truth.get(key) ?? 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapshot and restore', () => {
  const definitions: readonly [string, Readonly<Record<string, unknown>>][] = [
    ['count', { measure: 'count' }],
    ['distinctCount, exact', { measure: { distinctCount: '$sourceIp' } }],
    ['distinctCount, approximate', { measure: { distinctCount: 'requestParameters.key' } }],
    ['topK, exact', { measure: { topK: { by: '$sourceIp' } } }],
    ['topK, approximate', { measure: { topK: { by: 'requestParameters.key', k: 3, capacity: 3 } } }],
  ];
  const records = Array.from({ length: 900 }, (_, i) => withFacts(apiCall({ sourceIPAddress: `10.0.0.${i % 7}`, requestParameters: { key: `k${i % 600}` } })));

  it.each(definitions)('%s: a JSON round trip keeps the result, the snapshot and later behaviour', (_case, definition) => {
    // Prepare
    const metric = compile(definition);
    const original = accumulate(metric, records.slice(0, 700));
    // Act
    const restored = metric.restoreAccumulator(JSON.parse(JSON.stringify(original.snapshot())));
    // Assess
    expect(restored.result()).toEqual(original.result());
    expect(restored.snapshot()).toEqual(original.snapshot());
    for (const { record, facts } of records.slice(700)) {
      original.add(record, facts);
      restored.add(record, facts);
    }
    expect(restored.result()).toEqual(original.result());
  });

  it('tags snapshots with a format version and the metric id', () => {
    expect(compile({ measure: 'count' }).createAccumulator().snapshot()).toEqual({ format: 'trailpulse.custom-metric.v1', metric: 'probe', measure: 'count', count: 0 });
  });

  const count = compile({ measure: 'count' });
  const topK = compile({ measure: { topK: { by: 'eventName', capacity: 2, k: 2 } } });
  const distinct = compile({ measure: { distinctCount: 'eventName' } });
  const header = { format: 'trailpulse.custom-metric.v1', metric: 'probe' };

  it.each([
    ['null', count, null, "not a snapshot of this metric's accumulator"],
    ['another format version', count, { ...header, format: 'trailpulse.custom-metric.v0', measure: 'count', count: 1 }, 'not a snapshot'],
    ['another measure', count, { ...header, measure: 'topK', count: 1 }, 'not a snapshot'],
    ['a negative count', count, { ...header, measure: 'count', count: -1 }, 'not a snapshot'],
    ['another metric', count, { ...header, metric: 'other', measure: 'count', count: 1 }, 'the snapshot belongs to metric "other"'],
    ['corrupt registers', distinct, { ...header, measure: 'distinctCount', registers: 'not registers' }, 'HyperLogLog registers are corrupt'],
    ['another capacity', topK, { ...header, measure: 'topK', sketch: { capacity: 3, exact: true, keys: [], counts: [] } }, 'capacity 3, the metric 2'],
    ['a repeated key', topK, { ...header, measure: 'topK', sketch: { capacity: 2, exact: true, keys: ['a', 'a'], counts: [1, 1] } }, 'invalid top-K snapshot: sketch snapshot repeats a key'],
  ])('refuses %s with a CustomMetricStateError', (_case, metric, state, message) => {
    expect(() => metric.restoreAccumulator(state)).toThrow(CustomMetricStateError);
    expect(() => metric.restoreAccumulator(state)).toThrow(message);
  });

  it('refuses to merge accumulators of different metrics', () => {
    const other = compileCustomMetric(customMetricDefinitionSchema.parse({ id: 'other', title: 'Other', measure: 'count' }));
    expect(() => count.createAccumulator().merge(other.createAccumulator())).toThrow('custom metric "probe": cannot merge an accumulator of "other" (another definition) into this one');
    expect(() => count.createAccumulator().merge(topK.createAccumulator())).toThrow('another kind of metric');
  });

  it('merges accumulators of two compilations of the same definition', () => {
    const again = compile({ measure: 'count' });
    const accumulator = accumulate(count, [withFacts(apiCall())]);
    accumulator.merge(accumulate(again, [withFacts(apiCall())]));
    expect(accumulator.result()).toBe(2);
  });
});
