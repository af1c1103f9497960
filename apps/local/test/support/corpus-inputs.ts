import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { INGEST_CONTENT_TYPES } from '@trailpulse/api-contract';
import { CLOUDTRAIL_DATA_DIR } from '../../src/sources/testing/shared-data';

/** Each corpus folder of the shared CloudTrail data, by name. */
export const CORPORA: readonly string[] = readdirSync(CLOUDTRAIL_DATA_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export const corpusPath = (name: string): string => path.join(CLOUDTRAIL_DATA_DIR, name);

/** One file as a client would POST it: its bytes as they are on disk, with the matching headers. */
export interface IngestBody {
  readonly file: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly gzip: boolean;
}

const READ_EXTENSIONS = /\.(json|jsonl|ndjson)(\.gz)?$/;

/**
 * The files `trailpulse analyze <dir>` reads (metrics.md "Input": recursively, lexical path order,
 * .json/.jsonl/.ndjson optionally .gz), each in its native shape. Analyze also skips CloudTrail digest
 * files by content; they are posted too (the API must count them the same way: not at all).
 */
export function ingestBodies(root: string): IngestBody[] {
  const files = statSync(root).isDirectory()
    ? readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((name) => READ_EXTENSIONS.test(name))
        .map((name) => path.join(root, name))
        .sort()
    : [root];
  return files.map((file) => {
    const match = READ_EXTENSIONS.exec(file);
    const lineDelimited = match?.[1] === 'jsonl' || match?.[1] === 'ndjson';
    return {
      file,
      body: readFileSync(file),
      contentType: lineDelimited ? INGEST_CONTENT_TYPES.ndjson : INGEST_CONTENT_TYPES.json,
      gzip: match?.[2] !== undefined,
    };
  });
}
