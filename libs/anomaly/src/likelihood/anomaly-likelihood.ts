import { gaussianTail } from './gaussian-tail';

/**
 * Numenta's anomaly likelihood (Ahmad, Lavin, Purdy and Agha 2017, "Unsupervised real-time anomaly
 * detection for streaming data", Neurocomputing 262, §4.2): a raw score in [0, 1] becomes the
 * probability that the recent average of raw scores is as high as it is, under a normal
 * distribution of such averages learned from the series itself.
 *
 * Why: a raw score means different things on different series (a noisy series has high raw scores
 * all the time), and NAB scores every series at one threshold. The tail probability is on the same
 * scale everywhere. Averaging the last few raw scores makes a sustained change (a level shift, a new
 * noise level) stand out, not only a single point.
 *
 * Differences from the paper's code (nupic `anomaly_likelihood.py`), for a bounded, streaming state:
 * the distribution is an exponentially weighted mean and variance (a half-life instead of the last
 * 8640 averages re-estimated every 100 points), computed exactly (plain mean) during the learning
 * period. Kept from it: the lower bounds of the mean (0.03) and variance (0.0003), and the filter
 * that turns a red alarm right after a red alarm into a yellow one.
 */
export interface AnomalyLikelihoodSettings {
  /** Raw scores averaged (the paper's W' = 10). */
  readonly averagingWindow: number;
  /** Points before any likelihood is given (the tail probability is 0.5 until then). */
  readonly learningPeriod: number;
  /** Points after which an average's weight in the distribution has halved. */
  readonly halfLife: number;
}

export interface AnomalyLikelihoodState {
  /** The last raw scores, oldest first (at most averagingWindow). */
  readonly recent: readonly number[];
  /** Raw scores seen. */
  readonly seen: number;
  readonly mean: number;
  readonly variance: number;
  /** Whether the previous tail probability was a red alarm. */
  readonly previousRed: boolean;
}

/** A tail probability at or below this is a red alarm (nupic's redThreshold 0.99999 on the likelihood). */
export const RED_TAIL = 1e-5;
/** What a red alarm right after a red alarm is lowered to (nupic's yellowThreshold 0.999). */
export const YELLOW_TAIL = 1e-3;
const MIN_MEAN = 0.03;
const MIN_VARIANCE = 0.0003;

export const INITIAL_LIKELIHOOD_STATE: AnomalyLikelihoodState = { recent: [], seen: 0, mean: 0, variance: 0, previousRed: false };

export class AnomalyLikelihood {
  private readonly recent: number[];
  private seen: number;
  private mean: number;
  private variance: number;
  private previousRed: boolean;
  private readonly decay: number;

  constructor(
    private readonly settings: AnomalyLikelihoodSettings,
    state: AnomalyLikelihoodState = INITIAL_LIKELIHOOD_STATE,
  ) {
    this.recent = [...state.recent];
    ({ seen: this.seen, mean: this.mean, variance: this.variance, previousRed: this.previousRed } = state);
    this.decay = 1 - Math.pow(0.5, 1 / settings.halfLife);
  }

  /** Learns `raw` (in [0, 1]) and returns the tail probability of the recent average: small = anomalous. */
  update(raw: number): number {
    this.recent.push(raw);
    if (this.recent.length > this.settings.averagingWindow) this.recent.shift();
    const average = this.recent.reduce((sum, score) => sum + score, 0) / this.recent.length;
    this.seen++;
    const tail = this.seen > this.settings.learningPeriod ? this.filtered(this.tailProbability(average)) : 0.5;
    this.learn(average);
    return tail;
  }

  state(): AnomalyLikelihoodState {
    return { recent: [...this.recent], seen: this.seen, mean: this.mean, variance: this.variance, previousRed: this.previousRed };
  }

  /** P(average >= observed) under the learned normal distribution (nupic's tailProbability). */
  private tailProbability(average: number): number {
    const mean = Math.max(this.mean, MIN_MEAN);
    const deviation = Math.sqrt(Math.max(this.variance, MIN_VARIANCE));
    return gaussianTail((average - mean) / deviation);
  }

  /** Only the first of consecutive red alarms stays red (nupic's _filterLikelihoods). */
  private filtered(tail: number): number {
    const red = tail <= RED_TAIL;
    const result = red && this.previousRed ? YELLOW_TAIL : tail;
    this.previousRed = red;
    return result;
  }

  /** Plain running mean and variance while learning, exponentially weighted afterwards (Finch 2009). */
  private learn(average: number): void {
    const rate = this.seen <= this.settings.learningPeriod ? 1 / this.seen : this.decay;
    const difference = average - this.mean;
    const increment = rate * difference;
    this.mean += increment;
    this.variance = (1 - rate) * (this.variance + difference * increment);
  }
}

/** The state's shape problems, or an empty list when `data` is a valid AnomalyLikelihoodState. */
export function likelihoodStateProblems(data: unknown, settings: AnomalyLikelihoodSettings): string[] {
  const state = data as Partial<Record<keyof AnomalyLikelihoodState, unknown>> | null | undefined;
  const problems: string[] = [];
  const recent = state?.recent;
  if (!Array.isArray(recent) || recent.length > settings.averagingWindow || !recent.every((raw) => typeof raw === 'number' && raw >= 0 && raw <= 1)) {
    problems.push(`likelihood.recent must hold at most ${settings.averagingWindow} raw scores in [0, 1]`);
  }
  if (!Number.isSafeInteger(state?.seen) || (state?.seen as number) < 0) problems.push('likelihood.seen must be a non-negative integer');
  if (!Number.isFinite(state?.mean)) problems.push('likelihood.mean must be finite');
  if (!Number.isFinite(state?.variance) || (state?.variance as number) < 0) problems.push('likelihood.variance must be finite and >= 0');
  if (typeof state?.previousRed !== 'boolean') problems.push('likelihood.previousRed must be a boolean');
  return problems;
}
