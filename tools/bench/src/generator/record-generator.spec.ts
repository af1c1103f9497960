import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createReadStats, addBatch } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { useTempDir } from '../../test/temp-dir';
import { CloudTrailRecordGenerator, type GenerateSummary, GeneratorOptionsError, writeNdjson } from '.';
import { HEAD_SERVICE_IDS, SERVICE_COUNT } from './service-mix';

const tempDir = useTempDir();

function sha256OfRecords(generator: CloudTrailRecordGenerator): string {
  const hash = createHash('sha256');
  for (const line of generator.records()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

interface ParsedRecord {
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventType: string;
  readonly sourceIPAddress: string;
  readonly recipientAccountId: string;
  readonly awsRegion: string;
  readonly errorCode?: string;
  readonly readOnly?: boolean;
  readonly userIdentity: { readonly type?: string };
}

/** 10k records of the default trail, parsed once for the distribution tests. */
const sample: { lines: string[]; records: ParsedRecord[]; generator: CloudTrailRecordGenerator } = (() => {
  const generator = new CloudTrailRecordGenerator({ records: 10_000 });
  const lines = [...generator.records()];
  return { lines, records: lines.map((line) => JSON.parse(line) as ParsedRecord), generator };
})();
const apiCalls = sample.records.filter((record) => record.eventType === 'AwsApiCall');

/** The sample written by writeNdjson, for the file and reader tests. */
let sampleFile = '';
let sampleSummary: GenerateSummary | undefined;
beforeAll(async () => {
  sampleFile = path.join(tempDir(), 'sample.ndjson');
  sampleSummary = await writeNdjson(sampleFile, { records: 10_000 });
});

describe('determinism', () => {
  it('writes the same bytes for the same seed: the file equals the lines of a second generator', () => {
    const bytes = readFileSync(sampleFile);
    expect(bytes.toString('utf8')).toBe(sample.lines.map((line) => `${line}\n`).join(''));
    expect(sampleSummary).toMatchObject({ records: 10_000, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('gives other output for another seed', () => {
    expect(sha256OfRecords(new CloudTrailRecordGenerator({ records: 1000, seed: 8 }))).not.toBe(
      sha256OfRecords(new CloudTrailRecordGenerator({ records: 1000, seed: 7 })),
    );
  });
});

describe('distribution', () => {
  it('has a median record of 0.8 to 1.0 KB', () => {
    const sizes = sample.lines.map((line) => Buffer.byteLength(line)).sort((a, b) => a - b);
    const medianSize = sizes[sizes.length >> 1] ?? 0;
    expect(medianSize).toBeGreaterThanOrEqual(800);
    expect(medianSize).toBeLessThanOrEqual(1000);
  });

  it('counts its distinct source IPs exactly, within the configured pool', () => {
    const distinct = new Set(sample.records.map((record) => record.sourceIPAddress)).size;
    expect(sample.generator.distinctSourceIps).toBe(distinct);
    // About half the pool draws walk the pool round-robin, so thousands of addresses appear in 10k records.
    expect(distinct).toBeGreaterThan(2000);
  });

  it('uses every address of a small pool when calls are spread round-robin', () => {
    const generator = new CloudTrailRecordGenerator({ records: 2100, distinctIps: 2000, hotIpShare: 0, serviceCallersUseHostNames: false });
    const addresses = new Set<string>();
    for (const line of generator.records()) {
      const record = JSON.parse(line) as ParsedRecord;
      if (record.eventType !== 'AwsServiceEvent') addresses.add(record.sourceIPAddress);
    }
    expect(addresses.size).toBe(2000);
  });

  it('fails 5-10% of API calls, mostly with access-denied and throttling errors', () => {
    const failed = apiCalls.filter((record) => record.errorCode !== undefined);
    expect(failed.length / apiCalls.length).toBeGreaterThan(0.05);
    expect(failed.length / apiCalls.length).toBeLessThan(0.1);
    const deniedOrThrottled = failed.filter((record) => /AccessDenied|Unauthorized|Throttl|RequestLimit/.test(record.errorCode ?? ''));
    expect(deniedOrThrottled.length / failed.length).toBeGreaterThan(0.6);
  });

  it('reads about 70% of the time and carries readOnly on about 90% of records', () => {
    const withFlag = sample.records.filter((record) => record.readOnly !== undefined);
    expect(withFlag.length / sample.records.length).toBeGreaterThan(0.87);
    expect(withFlag.length / sample.records.length).toBeLessThan(0.93);
    const flaggedCalls = apiCalls.filter((record) => record.readOnly !== undefined);
    const reads = flaggedCalls.filter((record) => record.readOnly === true).length / flaggedCalls.length;
    expect(reads).toBeGreaterThan(0.65);
    expect(reads).toBeLessThan(0.75);
  });

  it('is mostly API calls, with service events and console sign-ins', () => {
    expect(apiCalls.length / sample.records.length).toBeGreaterThan(0.95);
    expect(sample.records.some((record) => record.eventType === 'AwsServiceEvent')).toBe(true);
    expect(sample.records.some((record) => record.eventType === 'AwsConsoleSignIn')).toBe(true);
  });

  it('spreads calls over the services, accounts, regions and identity types of a real organization', () => {
    const services = new Set(apiCalls.map((record) => record.eventSource));
    expect(services.size).toBeGreaterThan(SERVICE_COUNT * 0.9);
    expect(services.size).toBeLessThanOrEqual(SERVICE_COUNT);
    expect(new Set(apiCalls.map((record) => record.recipientAccountId)).size).toBe(8);
    expect(new Set(apiCalls.map((record) => record.awsRegion)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(apiCalls.map((record) => record.userIdentity.type))).toEqual(new Set(['AssumedRole', 'IAMUser', 'AWSService', 'FederatedUser', 'Root']));
  });

  it('puts the busiest real services on top', () => {
    const counts = new Map<string, number>();
    for (const record of apiCalls) counts.set(record.eventSource, (counts.get(record.eventSource) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(busiest).toBe('sts.amazonaws.com');
    expect(HEAD_SERVICE_IDS[0]).toBe('sts');
  });

  it('grows event times evenly across the span', () => {
    const times = sample.records.map((record) => Date.parse(record.eventTime));
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] ?? 0))).toBe(true);
    expect(times[0]).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(times.at(-1)).toBeLessThan(Date.parse('2024-01-01T01:00:00Z'));
    expect(times.at(-1)).toBeGreaterThan(Date.parse('2024-01-01T00:59:00Z'));
  });
});

describe('acceptance', () => {
  it('writes records the project reader accepts, every one', async () => {
    const stats = createReadStats();
    for await (const batch of readPaths([sampleFile])) addBatch(stats, batch);
    expect(stats).toMatchObject({ read: 10_000, accepted: 10_000, rejected: 0 });
  });
});

describe('options', () => {
  it.each([{ records: -1 }, { hotIpShare: 2 }, { startTime: 'yesterday' }, { distinctIps: 0 }, { seed: 1.5 }])('rejects %j', (options) => {
    expect(() => new CloudTrailRecordGenerator(options)).toThrow(GeneratorOptionsError);
  });
});
