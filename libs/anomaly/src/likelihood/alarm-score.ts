import { RED_TAIL, YELLOW_TAIL } from './anomaly-likelihood';

/**
 * Numenta's `computeLogLikelihood` (nupic anomaly_likelihood.py): a tail probability p as a score
 * in [0, 1], log(1.0000000001 − (1 − p)) / log(1e-10). The log spreads the tiny tail probabilities
 * that matter (1e-5 → 0.5, 1e-10 → about 1) over the range where NAB's threshold is chosen, so the
 * threshold sweep can tell them apart.
 */
export function logLikelihoodScore(tail: number): number {
  const score = Math.log(1.0000000001 - (1 - tail)) / -23.02585084720009;
  return Math.min(1, Math.max(0, score));
}

/**
 * A refractory period: after a red alarm, red alarms in the next `rows` rows are lowered to yellow.
 * nupic's filter does this for the one row after a red alarm; NAB (and an on-call human) gain
 * nothing from the second alarm about the same event, and every detection outside a window costs
 * A_FP, so the period stretches it over the event's aftermath.
 */
export class Refractory {
  constructor(
    private readonly rows: number,
    /** Rows still quiet after the last red alarm. */
    private quietRows = 0,
  ) {}

  /** The tail probability to report for `tail`. */
  filter(tail: number): number {
    const quiet = this.quietRows > 0;
    if (quiet) this.quietRows--;
    if (tail > RED_TAIL) return tail;
    if (quiet) return Math.max(tail, YELLOW_TAIL);
    this.quietRows = this.rows;
    return tail;
  }

  get remaining(): number {
    return this.quietRows;
  }
}
