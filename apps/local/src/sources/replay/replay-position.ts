/**
 * Where a replay resumes: the input (by index in the resolved list, and its path, so a checkpoint taken
 * on other inputs is refused rather than misapplied), the record index inside it, and the next seq.
 */
import { z } from 'zod';
import { type ResolvedInputs } from '@trailpulse/event-schema/node';
import { SourcePositionError } from '../source-errors';

export const ReplayPositionSchema = z.object({
  kind: z.literal('replay'),
  /** Index into the resolved inputs; their count once the replay is done. */
  fileIndex: z.number().int().min(0),
  /** Path of the input at `fileIndex`, null past the last one. */
  file: z.string().nullable(),
  /** Records (accepted + rejected) of that input already handed over. */
  recordIndex: z.number().int().min(0),
  nextSeq: z.number().int().min(0),
});
export type ReplayPosition = z.infer<typeof ReplayPositionSchema>;

export function replayPositionAt(inputs: ResolvedInputs, fileIndex: number, recordIndex: number, nextSeq: number): ReplayPosition {
  return { kind: 'replay', fileIndex, file: inputs.entries[fileIndex]?.path ?? null, recordIndex, nextSeq };
}

/** Checks a checkpointed position against the inputs resolved now. */
export function parseReplayPosition(sourceId: string, value: unknown, inputs: ResolvedInputs): ReplayPosition {
  const parsed = ReplayPositionSchema.safeParse(value);
  if (!parsed.success) {
    throw new SourcePositionError(sourceId, `the checkpoint is not a replay position (${z.prettifyError(parsed.error)})`, { cause: parsed.error });
  }
  const position = parsed.data;
  const expected = inputs.entries[position.fileIndex]?.path ?? null;
  if (position.fileIndex > inputs.entries.length || expected !== position.file) {
    throw new SourcePositionError(
      sourceId,
      `the checkpoint was taken at input ${position.fileIndex} (${position.file ?? 'the end'}), but that input is now ${expected ?? 'absent'}: the replayed files changed since; remove the checkpoint to replay them afresh`,
    );
  }
  return position;
}
