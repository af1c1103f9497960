/** Where demo traffic resumes: the last second handed over (its epoch second is also its batch's seq). */
import { z } from 'zod';
import { SourcePositionError } from '../source-errors';

export const DemoPositionSchema = z.object({ kind: z.literal('demo'), lastSecond: z.number().int().min(0) });
export type DemoPosition = z.infer<typeof DemoPositionSchema>;

export function parseDemoPosition(sourceId: string, value: unknown): DemoPosition {
  const parsed = DemoPositionSchema.safeParse(value);
  if (!parsed.success) {
    throw new SourcePositionError(sourceId, `the checkpoint is not a demo position (${z.prettifyError(parsed.error)})`, { cause: parsed.error });
  }
  return parsed.data;
}
