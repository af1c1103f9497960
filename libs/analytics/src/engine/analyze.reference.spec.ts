/**
 * The engine against the brute-force reference of metrics.md (test/reference.ts) on every shared
 * CloudTrail corpus (/work/shared/data/cloudtrail, see its README.md), each corpus and all of them
 * together, at 10 s, 60 s and 3600 s windows: the batch output must be identical, anomalyScore
 * included (both feed the same detector, the reference in start order as metrics.md's "against
 * the series so far" asks).
 */
import { ewmaZScore } from '@trailpulse/anomaly';
import { type ReadBatch } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { referenceAnalyze, type ReferenceInput } from '../../test/reference';
import { CLOUDTRAIL_DATA_DIR } from '../../test/shared-data';
import { analyzeBatches } from './analyze';

const corpora = readdirSync(CLOUDTRAIL_DATA_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const TOP_K = 10;

async function readAll(dir: string): Promise<ReadBatch[]> {
  const batches: ReadBatch[] = [];
  for await (const batch of readPaths([dir])) batches.push(batch);
  return batches;
}

async function* replay(batches: readonly ReadBatch[]): AsyncIterable<ReadBatch> {
  yield* batches;
}

function referenceInput(batches: readonly ReadBatch[]): ReferenceInput {
  return {
    accepted: batches.flatMap((batch) => batch.accepted),
    rejectReasons: batches.flatMap((batch) => batch.rejected.map(({ reason }) => reason)),
  };
}

it('finds the shared corpora', () => {
  // Assess: the six corpora of the data README.
  expect(corpora.length).toBeGreaterThanOrEqual(6);
});

describe.each([...corpora.map((corpus) => [corpus, path.join(CLOUDTRAIL_DATA_DIR, corpus)]), ['all corpora', CLOUDTRAIL_DATA_DIR]])('%s', (_name, dir) => {
  let batches: ReadBatch[] = [];

  beforeAll(async () => {
    batches = await readAll(dir);
  });

  it.each([10, 60, 3600])(
    '--window %ss: analyze output equals the reference (metrics.md "Per-window metrics", "Identity key", "Batch output")',
    async (windowSeconds) => {
      // Prepare
      const expected = referenceAnalyze(referenceInput(batches), windowSeconds, TOP_K, ewmaZScore());
      // Act
      const output = await analyzeBatches(replay(batches), { windowSeconds, topK: TOP_K, detector: ewmaZScore() });
      // Assess: streamalert and otrf-security-datasets have no acceptable record (test wrappers, no eventTime), so only their events block is compared.
      expect(output.events.read).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(output))).toStrictEqual(expected);
    },
  );
});
