import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createSources } from './create-sources';
import { mergeSources } from './merge-sources';
import { parseSourceOptions } from './options/source-options';
import { type SourceBatch } from './source';
import { VirtualScheduler } from './testing/virtual-scheduler';

describe('mergeSources with createSources', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'trailpulse-merge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a replay and HTTP ingest together, each source keeping its own order, and stops them all at the signal', async () => {
    // Prepare
    const file = path.join(dir, 'a.ndjson');
    const lines = Array.from({ length: 5 }, (_, i) => JSON.stringify({ eventTime: `2024-01-01T00:00:0${i}Z`, eventSource: 's3.amazonaws.com', eventName: 'ListBuckets' }));
    writeFileSync(file, lines.join('\n'));
    const controller = new AbortController();
    const { all, ingest } = createSources(parseSourceOptions({ replay: file }), new VirtualScheduler({ startMs: 0 }));
    await ingest.push([{ pushed: 1 }]);
    // Act
    const seen: SourceBatch[] = [];
    for await (const batch of mergeSources(all.map((source) => source.start({ signal: controller.signal })))) {
      seen.push(batch);
      if (seen.filter((b) => b.sourceId.startsWith('replay:')).length === 5 && seen.some((b) => b.sourceId === 'http')) controller.abort();
    }
    // Assess
    expect(all.map((source) => source.id.split(':')[0])).toEqual(['replay', 'http']);
    const replay = seen.filter((batch) => batch.sourceId.startsWith('replay:'));
    expect(replay.map((batch) => batch.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.filter((batch) => batch.sourceId === 'http').map((batch) => batch.records)).toEqual([[{ pushed: 1 }]]);
  });
});
