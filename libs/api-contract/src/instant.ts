import { parseEventTime } from '@trailpulse/event-schema';
import { z } from 'zod';

/** Date's range: ±8.64e15 ms. Epoch milliseconds beyond it cannot be formatted back. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;
const EPOCH_MS = /^\d{1,16}$/;

/**
 * Epoch milliseconds of a time parameter: ISO-8601 with a zone (`2024-01-01T00:00:00Z`, strict:
 * no Feb 30, no missing zone, the same parser as eventTime) or non-negative epoch milliseconds.
 * Undefined for anything else.
 */
export function parseInstant(text: string): number | undefined {
  if (EPOCH_MS.test(text)) {
    const value = Number(text);
    return value <= MAX_EPOCH_MS ? value : undefined;
  }
  return parseEventTime(text);
}

/** A query parameter holding an instant; the output is epoch milliseconds. */
export const instantParamSchema = z.string().transform((text, ctx) => {
  const value = parseInstant(text);
  if (value === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: text,
      message: `${JSON.stringify(truncate(text))} is neither an ISO-8601 UTC time such as 2024-01-01T00:00:00Z nor epoch milliseconds`,
    });
    return z.NEVER;
  }
  return value;
});

/** Values are echoed in messages: keep them short. */
export function truncate(text: string, max = 64): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
