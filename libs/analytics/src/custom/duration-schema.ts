import { z } from 'zod';

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400 };
const DURATION = /^(\d{1,7})([smhd])$/;

/**
 * A series duration (firstSeen `learnFor`, errorRate `halfLife`): `"90s"`, `"30m"`, `"6h"`, `"7d"` or a
 * number of seconds (as `window`), whole seconds from `minSeconds` to `maxSeconds`. The output is the
 * number of seconds, a valid input again.
 */
export function durationSchema(name: string, minSeconds: number, maxSeconds: number): z.ZodType<number, string | number> {
  const range = `whole seconds from ${minSeconds} to ${maxSeconds} (${maxSeconds / 86_400} days)`;
  return z
    .union([z.string(), z.number()], { error: `${name} is a duration such as "30m", "6h", "7d" or a number of seconds` })
    .transform((value, ctx) => {
      const seconds = typeof value === 'number' ? value : durationSeconds(value);
      if (seconds === undefined) {
        ctx.issues.push({ code: 'custom', message: `${name} ${JSON.stringify(value)} is not a duration such as "30m", "6h" or "7d"`, input: value });
        return z.NEVER;
      }
      if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
        ctx.issues.push({ code: 'custom', message: `${name} ${JSON.stringify(value)} must be ${range}`, input: value });
        return z.NEVER;
      }
      return seconds;
    });
}

function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (match === null) return undefined;
  const perUnit = SECONDS_PER_UNIT[match[2] as string];
  return perUnit === undefined ? undefined : Number(match[1]) * perUnit;
}
