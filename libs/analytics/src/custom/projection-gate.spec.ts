import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { corpusJsonRecordLines, corpusTextLines } from '../node/testing/shared-corpora';
import { scanCallFacts } from '../scan/scan-call-facts';
import { compileFilter } from './compile-filter';
import { type CustomMetricDefinition } from './definition-schema';
import { fieldReader } from './field-reader';
import { parseCustomMetricDefinitions } from './parse-definitions';
import { readsSameFromProjection, wholeRecordGate, wholeRecordNeeded } from './projection-gate';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'custom-metrics');

function exampleDefinitions(): CustomMetricDefinition[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .flatMap((file) => parseCustomMetricDefinitions(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'), file));
}

function definition(text: string): CustomMetricDefinition {
  const [parsed] = parseCustomMetricDefinitions(text, 'inline.yaml');
  if (parsed === undefined) throw new Error('no definition');
  return parsed;
}

/** The metric's record test as the engine compiles it (compile.ts recordGate). */
function matcher(metric: CustomMetricDefinition): (record: CloudTrailLikeRecord, facts: Parameters<ReturnType<typeof compileFilter>>[1]) => boolean {
  const filter = metric.filter === undefined ? () => true : compileFilter(metric.filter, metric.id);
  return (record, facts) => (!metric.apiCallsOnly || facts.isApiCall) && filter(record, facts);
}

function measureKey(metric: CustomMetricDefinition): ReturnType<typeof fieldReader> | undefined {
  const measure = metric.measure as { topK?: { by: string }; distinctCount?: string };
  const by = measure.topK?.by ?? measure.distinctCount;
  return by === undefined ? undefined : fieldReader(by);
}

describe('projection gate (which scanned records custom metrics need whole)', () => {
  it('knows which paths read the same from the projection', () => {
    // Assess: projected leaves and derived keys do; containers only for exists; anything else does not
    expect(readsSameFromProjection('eventName')).toBe(true);
    expect(readsSameFromProjection('$identity')).toBe(true);
    expect(readsSameFromProjection('userIdentity.type')).toBe(true);
    expect(readsSameFromProjection('userIdentity.sessionContext.sessionIssuer.arn')).toBe(true);
    expect(readsSameFromProjection('userIdentity')).toBe(false);
    expect(readsSameFromProjection('userIdentity', true)).toBe(true);
    expect(readsSameFromProjection('userIdentity.sessionContext.attributes.mfaAuthenticated')).toBe(false);
    expect(readsSameFromProjection('additionalEventData.MFAUsed')).toBe(false);
    expect(readsSameFromProjection('requestParameters.bucketName')).toBe(false);
    expect(readsSameFromProjection(['eventName', '0'])).toBe(false);
    expect(readsSameFromProjection('Records')).toBe(false);
  });

  it('needs no whole record for a metric on projected fields, and parses only possible matches otherwise', () => {
    // Prepare
    const projectedOnly = definition('metrics:\n  - id: iam\n    title: IAM\n    filter: { field: eventSource, equals: iam.amazonaws.com }\n    measure: { topK: { by: eventName } }\n');
    const mfa = definition(
      'metrics:\n  - id: mfa\n    title: MFA\n    apiCallsOnly: false\n    filter:\n      and:\n        - { field: eventName, equals: ConsoleLogin }\n        - not: { field: additionalEventData.MFAUsed, equals: "Yes" }\n    measure: count\n',
    );
    const byRequest = definition('metrics:\n  - id: buckets\n    title: Buckets\n    measure: { distinctCount: requestParameters.bucketName }\n');
    const facts = scanCallFacts('{"eventTime":"2024-01-01T00:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventType":"AwsConsoleSignIn"}');
    const other = scanCallFacts('{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject"}');
    if (facts.kind !== 'accepted' || other.kind !== 'accepted') throw new Error('scanner did not accept the test records');
    // Act
    const mfaGate = wholeRecordGate(mfa);
    const requestGate = wholeRecordGate(byRequest);
    // Assess
    expect(wholeRecordGate(projectedOnly)).toBeUndefined();
    expect(wholeRecordNeeded([projectedOnly])).toBeUndefined();
    expect(mfaGate?.(facts.record, facts.facts)).toBe(true);
    expect(mfaGate?.(other.record, other.facts)).toBe(false);
    expect(requestGate?.(other.record, other.facts)).toBe(true);
    expect(wholeRecordNeeded([projectedOnly, mfa])?.(other.record, other.facts)).toBe(false);
  });

  it('on every shared corpus record and example metric: unless the gate asks for the whole record, the projection gives the same match and key', () => {
    // Prepare
    const metrics = exampleDefinitions();
    const lines = [...corpusTextLines(), ...corpusJsonRecordLines()];
    let checked = 0;
    let parsedWhole = 0;
    // Act + Assess
    for (const metric of metrics) {
      const gate = wholeRecordGate(metric);
      const matches = matcher(metric);
      const key = measureKey(metric);
      for (const { source, text } of lines) {
        const scanned = scanCallFacts(text);
        if (scanned.kind !== 'accepted') continue;
        if (gate !== undefined && gate(scanned.record, scanned.facts)) {
          parsedWhole++;
          continue;
        }
        const whole = JSON.parse(text) as CloudTrailLikeRecord;
        const context = `${metric.id} on ${source}: ${text.slice(0, 100)}`;
        const wholeMatches = matches(whole, scanned.facts);
        expect({ context, matches: matches(scanned.record, scanned.facts) }).toEqual({ context, matches: wholeMatches });
        if (wholeMatches && key !== undefined) expect({ context, key: key(scanned.record, scanned.facts) }).toEqual({ context, key: key(whole, scanned.facts) });
        checked++;
      }
    }
    // The examples mix both kinds: most records of most metrics are decided on the projection.
    expect(metrics.length).toBeGreaterThan(5);
    expect(checked).toBeGreaterThan(parsedWhole);
  });
});
