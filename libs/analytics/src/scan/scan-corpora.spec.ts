import { type ReadBatch, readRecords } from '@trailpulse/event-schema';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeBatches, createEngine } from '../engine';
import { CLOUDTRAIL_DIR, corpusFiles, corpusJsonRecordLines, corpusTextLines } from '../node/testing/shared-corpora';
import { eventCountsOf } from '../output/event-counts';
import { containsControlCharacter } from './json-chars';
import { NdjsonFactsReader } from './ndjson-facts';
import { scanCallFacts, type ScanVerdict } from './scan-call-facts';
import { referenceVerdict } from './testing/reference-verdict';

const comparable = (verdict: ScanVerdict): unknown => (verdict.kind === 'accepted' ? { kind: 'accepted', facts: verdict.facts } : verdict);

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe('the scanner on the shared CloudTrail corpora', () => {
  const lines = [...corpusTextLines(), ...corpusJsonRecordLines()];

  it('finds the corpora', () => {
    expect(lines.length).toBeGreaterThan(1000);
  });

  it('gives the reference verdict for every line, and falls back only where it must', () => {
    let fallbacks = 0;
    let plainRecordFallbacks = 0;
    for (const { source, text } of lines) {
      const scanned = scanCallFacts(text);
      const reference = referenceVerdict(text);
      const context = `${source}: ${text.slice(0, 120)}`;
      if (scanned.kind === 'fallback') {
        fallbacks++;
        // Only invalid JSON, delivery formats and texts with raw control characters need the general path.
        const isPlainRecord = reference.kind !== 'invalid-json' && reference.kind !== 'not-a-plain-record';
        if (isPlainRecord) plainRecordFallbacks++;
        expect({ context, needless: isPlainRecord && !containsControlCharacter(text.trim(), 0, text.trim().length) }).toEqual({ context, needless: false });
      } else {
        expect({ context, verdict: comparable(scanned) }).toEqual({ context, verdict: comparable(reference as ScanVerdict) });
      }
    }
    // Informational (the report quotes it): how often the corpora needed the general path.
    process.stdout.write(
      `corpus lines: ${lines.length}, scanner fallbacks: ${fallbacks} (${((100 * fallbacks) / lines.length).toFixed(1)}%), of which plain records: ${plainRecordFallbacks}\n`,
    );
  });

  it.each(corpusFiles('.ndjson'))('reads %s with the same counts and windows as the readers', async (file) => {
    // Prepare
    const bytes = new Uint8Array(readFileSync(path.join(CLOUDTRAIL_DIR, file)));
    const batches: ReadBatch[] = [];
    for await (const batch of readRecords(iterate([bytes]), { source: file })) batches.push(batch);
    const reference = await analyzeBatches(iterate(batches), { windowSeconds: 60 });
    // Act
    const engine = createEngine({ windowSeconds: 60 });
    const reader = new NdjsonFactsReader(engine, { source: file });
    reader.push(bytes);
    reader.end();
    // Assess
    expect({ events: eventCountsOf(reader.stats), windowSeconds: 60, windows: engine.flush() }).toEqual(reference);
  });
});
