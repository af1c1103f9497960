/** How long to wait before reconnect attempt `attempt` (0-based): exponential, capped, jittered. */
export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  /**
   * Share of the delay that is random (0 = none, 0.5 = "equal jitter"): clients that lost the
   * server together must not all come back in the same millisecond.
   */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000, multiplier: 2, jitter: 0.5 };

/** `random` returns a number in [0, 1); 1 - jitter of the capped delay is always waited. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const capped = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt));
  const fixed = capped * (1 - policy.jitter);
  return Math.round(fixed + capped * policy.jitter * random());
}
