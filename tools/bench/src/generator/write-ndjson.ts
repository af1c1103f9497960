// Writes a generated trail to an NDJSON file with constant memory: lines are gathered into
// ~1 MiB strings and written through a stream that is allowed to drain.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { type GeneratorOptions } from './generator-options';
import { CloudTrailRecordGenerator } from './record-generator';

const FLUSH_CHARS = 1 << 20;

export interface GenerateSummary {
  readonly file: string;
  readonly options: GeneratorOptions;
  readonly records: number;
  readonly bytes: number;
  /** sha256 of the file, hex: equal for equal seeds and options. */
  readonly sha256: string;
  readonly distinctSourceIps: number;
}

/** The file could not be written. */
export class GenerateWriteError extends Error {
  override readonly name = 'GenerateWriteError';
}

export interface GenerateProgress {
  readonly records: number;
  readonly bytes: number;
}

async function writeChunk(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Generates the trail described by `options` into `file`, reporting progress every ~1 MiB. */
export async function writeNdjson(
  file: string,
  options: Partial<GeneratorOptions> = {},
  onProgress: (progress: GenerateProgress) => void = () => undefined,
): Promise<GenerateSummary> {
  const generator = new CloudTrailRecordGenerator(options);
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', (cause) => reject(new GenerateWriteError(`cannot write ${file}`, { cause }))));
  let records = 0;
  let bytes = 0;
  let pending = '';
  const flush = async (): Promise<void> => {
    hash.update(pending);
    bytes += Buffer.byteLength(pending);
    await Promise.race([writeChunk(out, pending), failed]);
    pending = '';
    onProgress({ records, bytes });
  };
  for (const line of generator.records()) {
    pending += `${line}\n`;
    records++;
    if (pending.length >= FLUSH_CHARS) await flush();
  }
  if (pending.length > 0) await flush();
  out.end();
  await Promise.race([once(out, 'close'), failed]);
  return { file, options: generator.options, records, bytes, sha256: hash.digest('hex'), distinctSourceIps: generator.distinctSourceIps };
}
