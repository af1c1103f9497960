/**
 * GET /api/v1/metrics with filters (api.md) on the real runtime: account and region come from the
 * store's per-series rows, service, principal and error class are recomputed from the recent-events ring. Each
 * answer must equal `trailpulse analyze` on a copy of the input holding only the matching records.
 */
import * as path from 'node:path';
import { type CloudTrailLikeRecord, errorClass, identityKey, recordAccount, recordRegion } from '@trailpulse/event-schema';
import { readWithReaders } from '../src/sources/testing/collect';
import { analyze } from './support/analyze-cli';
import { comparable } from './support/comparable-windows';
import { corpusPath, ingestBodies } from './support/corpus-inputs';
import { syntheticRecords, writeNdjson } from './support/synthetic-trail';
import { TempDirs } from './support/temp-dirs';
import { startTestRuntime, type TestRuntime, waitFor } from './support/test-runtime';

const temp = new TempDirs();
let subject: TestRuntime;
let inputs: string[];
let records: CloudTrailLikeRecord[];

beforeAll(async () => {
  const dir = temp.make('filters-input');
  const synthetic = writeNdjson(path.join(dir, 'synthetic.ndjson'), syntheticRecords({ records: 4000, startMs: Date.parse('2024-04-01T08:00:00Z'), perSecond: 20 }));
  inputs = [synthetic, corpusPath('stratus-red-team')];
  records = (await readWithReaders(inputs)).records;
  subject = await startTestRuntime(temp);
  let accepted = 0;
  for (const { body, contentType, gzip } of inputs.flatMap((input) => ingestBodies(input))) accepted += (await subject.api.postEvents(body, contentType, gzip)).accepted;
  await waitFor('every record merged into every row', () => subject.runtime.stats.settled === accepted);
}, 120_000);
afterAll(async () => {
  await subject.runtime.close();
  temp.removeAll();
});

type Filters = Readonly<Partial<Record<'account' | 'region' | 'service' | 'principal' | 'error', string>>>;

function matches(record: CloudTrailLikeRecord, filters: Filters): boolean {
  return (
    (filters.account === undefined || recordAccount(record) === filters.account) &&
    (filters.region === undefined || recordRegion(record) === filters.region) &&
    (filters.service === undefined || record.eventSource === filters.service) &&
    (filters.principal === undefined || identityKey(record) === filters.principal) &&
    (filters.error === undefined || errorClass(record) === filters.error)
  );
}

describe('GET /api/v1/metrics with filters equals `trailpulse analyze` on the matching records', () => {
  it.each<Filters>([
    { account: '111122223333' },
    { region: 'eu-west-1' },
    { account: '111122224444', region: 'us-east-1' },
    { account: '457448411975' },
    { service: 'ec2.amazonaws.com' },
    { principal: 'arn:aws:iam::111122223333:user/user-0' },
    { principal: 'arn:aws:iam::457448411975:user/christophe' },
    { service: 's3.amazonaws.com', account: '111122223333' },
    { error: 'access-denied' },
    { error: 'none', service: 'ec2.amazonaws.com' },
  ])('%j', async (filters) => {
    // Prepare
    const copy = writeNdjson(path.join(temp.make('filtered'), 'matching.ndjson'), records.filter((record) => matches(record, filters)));
    const references = await Promise.all([60, 10].map(async (windowSeconds) => ({ windowSeconds, expected: await analyze([copy], { windowSeconds }) })));
    for (const { windowSeconds, expected } of references) {
      // Act
      const windows = await subject.api.allWindows(windowSeconds, filters);
      // Assess
      expect(expected.windows.length).toBeGreaterThan(0);
      expect({ windowSeconds, windows: comparable(windows) }).toEqual({ windowSeconds, windows: comparable(expected.windows) });
    }
  });
});
