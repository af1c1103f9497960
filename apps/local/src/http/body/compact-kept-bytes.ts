import { type ScannedRecord } from '../../sources/scanned-record';

/**
 * A body chunk is kept in memory while any scanned record of it is (the recent-events ring holds
 * records by their bytes). Where a chunk's records are under this share of it (a body of mostly
 * rejected lines, say), they are copied out instead, so kept memory stays within a small multiple
 * of the kept records' own size whatever the bodies look like.
 */
const MIN_KEPT_SHARE = 0.25;

/** `scanned` (in body order) with the records of sparsely used chunks moved into a compact copy of their own. */
export function compactKeptBytes(scanned: readonly ScannedRecord[]): ScannedRecord[] {
  const out: ScannedRecord[] = [];
  let runStart = 0;
  while (runStart < scanned.length) {
    const chunk = (scanned[runStart] as ScannedRecord).bytes;
    let runEnd = runStart;
    let keptBytes = 0;
    while (runEnd < scanned.length && (scanned[runEnd] as ScannedRecord).bytes === chunk) {
      const record = scanned[runEnd] as ScannedRecord;
      keptBytes += record.end - record.start;
      runEnd++;
    }
    const run = scanned.slice(runStart, runEnd);
    if (keptBytes >= chunk.byteLength * MIN_KEPT_SHARE) out.push(...run);
    else out.push(...copiedOut(run, keptBytes));
    runStart = runEnd;
  }
  return out;
}

function copiedOut(run: readonly ScannedRecord[], keptBytes: number): ScannedRecord[] {
  const copy = new Uint8Array(keptBytes);
  let offset = 0;
  return run.map((record) => {
    copy.set(record.bytes.subarray(record.start, record.end), offset);
    const start = offset;
    offset += record.end - record.start;
    return { ...record, bytes: copy, start, end: offset };
  });
}
