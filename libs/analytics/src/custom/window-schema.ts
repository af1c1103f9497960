import { z } from 'zod';
// The engine's bounds: a definition can only ask for a window the engine can run.
import { MAX_WINDOW_SECONDS, MIN_WINDOW_SECONDS } from '../window/window-length';

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600 };
const DURATION = /^(\d{1,7})([smh])$/;
const RANGE = `between ${MIN_WINDOW_SECONDS} s and ${MAX_WINDOW_SECONDS / 3_600} h`;

/**
 * A window length: `"60s"`, `"5m"`, `"1h"` or a number of seconds, from 10 s to 1 h. The output is
 * whole seconds (a valid input again). Windows stay aligned to multiples of their length since the
 * Unix epoch (metrics.md "Windows"), which is the engine's business.
 */
export const windowSchema = z
  .union([z.string(), z.number()], { error: 'a window is a duration such as "60s", "5m", "1h" or a number of seconds' })
  .transform((value, ctx) => {
    const seconds = typeof value === 'number' ? value : durationSeconds(value);
    if (seconds === undefined) {
      ctx.issues.push({ code: 'custom', message: `window ${JSON.stringify(value)} is not a duration such as "60s", "5m" or "1h"`, input: value });
      return z.NEVER;
    }
    if (!Number.isInteger(seconds) || seconds < MIN_WINDOW_SECONDS || seconds > MAX_WINDOW_SECONDS) {
      ctx.issues.push({ code: 'custom', message: `window ${JSON.stringify(value)} must be whole seconds ${RANGE}`, input: value });
      return z.NEVER;
    }
    return seconds;
  });

function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (match === null) return undefined;
  const [, amount, unit] = match;
  const perUnit = unit === undefined ? undefined : SECONDS_PER_UNIT[unit];
  return perUnit === undefined ? undefined : Number(amount) * perUnit;
}
