import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CloudTrailLikeRecord, identityKey } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { factsFromRecord } from '../facts/call-facts';
import { type TopEntry } from '../output/metrics-output';
import { compileCustomMetric } from './compile';
import { type CustomMetricDefinition } from './definition-schema';
import { parseCustomMetricDefinitions } from './parse-definitions';
import { type FactRecord } from './testing/records';

const repoRoot = path.resolve(__dirname, '../../../..');
const examplesDir = path.join(repoRoot, 'examples', 'custom-metrics');
const sharedDataDir = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(repoRoot, '..', 'shared', 'data');
const corporaDir = path.join(sharedDataDir, 'cloudtrail');

const exampleFiles = readdirSync(examplesDir).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
const allExamples: CustomMetricDefinition[] = exampleFiles.flatMap((name) =>
  parseCustomMetricDefinitions(readFileSync(path.join(examplesDir, name), 'utf8'), name),
);
/** Metrics whose value depends on earlier windows: the engine runs their series (series-examples.spec.ts checks them). */
const SERIES_EXAMPLES = ['access-denied-bursts', 'access-denied-bursts-by-network', 'new-principal-api', 'new-principal-network', 'new-principal-region'];
/** Per-window metrics: one accumulator over the whole corpora equals a brute-force count. */
const examples = allExamples.filter((definition) => !SERIES_EXAMPLES.includes(definition.id));

/** Every record of the corpora the reader accepts, with its facts, as the engine would see them. */
async function readCorpora(): Promise<FactRecord[]> {
  const records: FactRecord[] = [];
  for await (const batch of readPaths([corporaDir])) {
    for (const { record, eventTimeMs } of batch.accepted) records.push({ record, facts: factsFromRecord(record, eventTimeMs) });
  }
  return records;
}

// ---- Brute force: each example's meaning re-stated in plain code, sharing nothing with the filter compiler. ----

function field(record: CloudTrailLikeRecord, ...keys: string[]): unknown {
  let value: unknown = record;
  for (const key of keys) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value ?? undefined;
}

const isApiCall = (record: CloudTrailLikeRecord) => record['eventType'] == null || record['eventType'] === 'AwsApiCall';
const named = (record: CloudTrailLikeRecord, source: string, names: readonly string[]) => record.eventSource === source && names.includes(record.eventName);

interface BruteForce {
  readonly keep: (entry: FactRecord) => boolean;
  /** The topK key; absent for a count. */
  readonly key?: (entry: FactRecord) => unknown;
}

const BRUTE_FORCE: Readonly<Record<string, BruteForce>> = {
  'access-denied-by-principal': {
    keep: ({ record }) => isApiCall(record) && typeof record['errorCode'] === 'string' && /AccessDenied|Unauthorized|Forbidden|NotAuthorized|AuthorizationError|InsufficientPermission|InsufficientPrivilege/.test(record['errorCode']),
    key: ({ record }) => identityKey(record),
  },
  'console-login-without-mfa': {
    keep: ({ record }) => record.eventName === 'ConsoleLogin' && field(record, 'additionalEventData', 'MFAUsed') !== 'Yes',
    key: ({ record }) => identityKey(record),
  },
  'root-activity': {
    keep: ({ record }) => field(record, 'userIdentity', 'type') === 'Root' && field(record, 'userIdentity', 'invokedBy') === undefined && record['eventType'] !== 'AwsServiceEvent',
    key: ({ record }) => `${record.eventSource}:${record.eventName}`,
  },
  'iam-changes': {
    keep: ({ record, facts }) => isApiCall(record) && record.eventSource === 'iam.amazonaws.com' && ['create', 'modify', 'delete'].includes(facts.category),
    key: ({ record }) => record.eventName,
  },
  'security-group-changes': {
    keep: ({ record }) =>
      isApiCall(record) &&
      named(record, 'ec2.amazonaws.com', [
        'AuthorizeSecurityGroupIngress',
        'AuthorizeSecurityGroupEgress',
        'RevokeSecurityGroupIngress',
        'RevokeSecurityGroupEgress',
        'CreateSecurityGroup',
        'DeleteSecurityGroup',
        'ModifySecurityGroupRules',
      ]),
    key: ({ record }) => identityKey(record),
  },
  'kms-key-deletions': {
    keep: ({ record }) => isApiCall(record) && named(record, 'kms.amazonaws.com', ['ScheduleKeyDeletion', 'DisableKey']),
  },
  's3-bucket-policy-changes': {
    keep: ({ record }) =>
      isApiCall(record) &&
      named(record, 's3.amazonaws.com', ['PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketAcl', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock']),
    key: ({ record }) => field(record, 'requestParameters', 'bucketName'),
  },
  'cloudtrail-tampering': {
    keep: ({ record }) => isApiCall(record) && named(record, 'cloudtrail.amazonaws.com', ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors']),
    key: ({ record }) => identityKey(record),
  },
  'distinct-callers': { keep: ({ record }) => isApiCall(record), key: ({ record }) => identityKey(record) },
  'denied-source-ips': {
    keep: (entry) => BRUTE_FORCE['access-denied-by-principal']?.keep(entry) === true,
    key: ({ record }) => (typeof record['sourceIPAddress'] === 'string' && record['sourceIPAddress'] !== '' ? record['sourceIPAddress'] : 'unknown'),
  },
};

function bruteForceResult(definition: CustomMetricDefinition, records: readonly FactRecord[]): unknown {
  const { keep, key } = BRUTE_FORCE[definition.id] ?? { keep: () => false };
  const kept = records.filter(keep);
  if ('count' in definition.measure || key === undefined) return kept.length;
  const keys = kept.map(key).filter((value) => value !== undefined).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  if ('distinctCount' in definition.measure) return { distinct: new Set(keys).size, approximate: false };
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, 'topK' in definition.measure ? definition.measure.topK.k : 0);
}

describe('shipped examples (examples/custom-metrics)', () => {
  let corpora: FactRecord[] = [];
  const resultById = new Map<string, unknown>();

  beforeAll(async () => {
    corpora = await readCorpora();
    for (const definition of examples) {
      const accumulator = compileCustomMetric(definition).createAccumulator();
      for (const { record, facts } of corpora) accumulator.add(record, facts);
      resultById.set(definition.id, accumulator.result());
    }
  });

  it('parse, with ids unique across files, and cover every metric the README promises', () => {
    const ids = allExamples.map((definition) => definition.id);
    const checked = [...Object.keys(BRUTE_FORCE), ...SERIES_EXAMPLES];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(checked));
    expect(checked).toEqual(expect.arrayContaining(ids));
  });

  it('README shows only definitions that parse', () => {
    const blocks = [...readFileSync(path.join(examplesDir, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(parseCustomMetricDefinitions(block, 'README.yaml').length).toBeGreaterThan(0);
  });

  it('run over the whole of the shared corpora', () => {
    // ~690 records: the reader rejects what the spec rejects (Panther's non-ISO times, OTRF's missing eventTime, ...).
    expect(corpora.length).toBeGreaterThan(600);
  });

  it.each(examples.map((definition) => [definition.id, definition] as const))('%s equals a brute-force computation', (_id, definition) => {
    expect(resultById.get(definition.id)).toEqual(bruteForceResult(definition, corpora));
  });

  it.each(examples.map((definition) => [definition.id, definition] as const))('%s gives the same result from a checkpointed, split run', (_id, definition) => {
    // Prepare: three parts in reverse order, one through a JSON checkpoint.
    const metric = compileCustomMetric(definition);
    const third = Math.ceil(corpora.length / 3);
    const parts = [0, 1, 2].map((part) => {
      const accumulator = metric.createAccumulator();
      for (const { record, facts } of corpora.slice(part * third, (part + 1) * third)) accumulator.add(record, facts);
      return accumulator;
    });
    const [first, second, last] = parts.reverse();
    // Act
    first?.merge(metric.restoreAccumulator(JSON.parse(JSON.stringify(second?.snapshot()))));
    if (last !== undefined) first?.merge(last);
    // Assess
    expect(first?.result()).toEqual(resultById.get(definition.id));
  });

  function keysOf(id: string): string[] {
    return (resultById.get(id) as TopEntry[]).map((entry) => entry.key);
  }

  it('cloudtrail-tampering finds the Stratus Red Team StopLogging, DeleteTrail and PutEventSelectors detonations', () => {
    const stratus = corpora.filter(
      ({ record }) => record.eventSource === 'cloudtrail.amazonaws.com' && ['StopLogging', 'DeleteTrail', 'PutEventSelectors'].includes(record.eventName) && record['awsRegion'] !== undefined,
    );
    expect(new Set(stratus.map(({ record }) => record.eventName))).toEqual(new Set(['StopLogging', 'DeleteTrail', 'PutEventSelectors']));
    expect(keysOf('cloudtrail-tampering')).toEqual(expect.arrayContaining([...new Set(stratus.map(({ facts }) => facts.identity))]));
  });

  it('root-activity finds the root user\'s console sign-ins and API calls, and skips calls AWS made for root', () => {
    const keys = keysOf('root-activity');
    expect(keys).toEqual(expect.arrayContaining(['signin.amazonaws.com:ConsoleLogin', 'iam.amazonaws.com:CreateAccessKey', 'cloudtrail.amazonaws.com:StopLogging']));
    const invokedForRoot = corpora.filter(({ record }) => field(record, 'userIdentity', 'type') === 'Root' && field(record, 'userIdentity', 'invokedBy') !== undefined);
    expect(invokedForRoot.length).toBeGreaterThan(0);
  });

  it('console-login-without-mfa finds the Stratus console-login-without-mfa detonation', () => {
    const detonation = corpora.find(({ record }) => record.eventName === 'ConsoleLogin' && field(record, 'additionalEventData', 'MFAUsed') === 'No' && record['eventType'] === 'AwsConsoleSignIn');
    expect(detonation).toBeDefined();
    expect(keysOf('console-login-without-mfa')).toContain(detonation?.facts.identity);
  });

  it('security-group-changes finds the Stratus port-22 ingress', () => {
    expect(keysOf('security-group-changes').length).toBeGreaterThan(0);
  });
});
