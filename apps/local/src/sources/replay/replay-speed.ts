/** Replay pacing: as fast as possible, or event-time gaps divided by a factor (`1x` = original pacing). */
export type ReplaySpeed = { readonly kind: 'max' } | { readonly kind: 'multiplier'; readonly factor: number };

export const MAX_SPEED: ReplaySpeed = { kind: 'max' };

/** Largest multiplier: beyond it pacing sleeps would be shorter than a timer can honour anyway. */
export const MAX_SPEED_FACTOR = 1_000_000;

const MULTIPLIER = /^(\d+(?:\.\d+)?|\.\d+)x$/i;

export class ReplaySpeedError extends Error {
  override readonly name = 'ReplaySpeedError';
}

/** `max`, or a positive multiplier written with an `x`: `1x`, `10x`, `0.5x`. */
export function parseReplaySpeed(text: string): ReplaySpeed {
  const value = text.trim();
  if (value.toLowerCase() === 'max') return MAX_SPEED;
  const match = MULTIPLIER.exec(value);
  const factor = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!(factor > 0) || factor > MAX_SPEED_FACTOR) {
    throw new ReplaySpeedError(
      `--speed takes "max" or a multiplier above 0 and at most ${MAX_SPEED_FACTOR}x such as 1x (original pacing), 10x or 0.5x, not "${text}"`,
    );
  }
  return { kind: 'multiplier', factor };
}

export function formatReplaySpeed(speed: ReplaySpeed): string {
  return speed.kind === 'max' ? 'max' : `${speed.factor}x`;
}
