/**
 * Where a watched folder resumes: the files already handed over (with the size and modification time
 * they had), the file being read when the checkpoint was taken and how far, and the next seq.
 * The processed set only grows: CloudTrail never rewrites a delivered file, so a file seen again (a
 * re-sync) must not be counted again. It costs about 100 bytes of checkpoint per file.
 */
import { z } from 'zod';
import { SourcePositionError } from '../source-errors';

const FileStateSchema = z.object({ size: z.number().int().min(0), mtimeMs: z.number() });

export const WatchPositionSchema = z.object({
  kind: z.literal('watch'),
  /** Relative path (`/` separators) to the state the file had when it was read. */
  processed: z.record(z.string(), FileStateSchema),
  /** The file being read, and the records of it already handed over. */
  current: z.object({ file: z.string(), size: z.number().int().min(0), mtimeMs: z.number(), recordIndex: z.number().int().min(0) }).nullable(),
  nextSeq: z.number().int().min(0),
});
export type WatchPosition = z.infer<typeof WatchPositionSchema>;

export const EMPTY_WATCH_POSITION: WatchPosition = { kind: 'watch', processed: {}, current: null, nextSeq: 0 };

export function parseWatchPosition(sourceId: string, value: unknown): WatchPosition {
  const parsed = WatchPositionSchema.safeParse(value);
  if (!parsed.success) {
    throw new SourcePositionError(sourceId, `the checkpoint is not a watch position (${z.prettifyError(parsed.error)})`, { cause: parsed.error });
  }
  return parsed.data;
}
