// The results of one bench run: what `--json` prints and what the table is drawn from.
import { type MachineInfo } from '../measure/machine-info';
import { type Candidate } from '../measure/child-protocol';

export interface RunMeasurement {
  readonly wallMs: number;
  readonly maxRssBytes: number;
}

export type CandidateOutcome =
  | {
      readonly candidate: Candidate;
      readonly status: 'measured';
      readonly runs: readonly RunMeasurement[];
      readonly medianWallMs: number;
      readonly recordsPerSecond: number;
      /** 10^6 bytes of the input file per second. */
      readonly megabytesPerSecond: number;
      /** Median over the runs of each child's peak RSS. */
      readonly peakRssBytes: number;
    }
  | { readonly candidate: Candidate; readonly status: 'skipped' | 'failed'; readonly reason: string };

export interface RatioResult {
  readonly name: string;
  /** Candidate median wall time / reference median wall time. */
  readonly ratio: number;
  /** The goal, when there is one (e.g. "<= 1.25"), and whether this run met it. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

export interface AgreementResult {
  readonly expected: Candidate;
  readonly actual: Candidate;
  readonly agree: boolean;
  readonly windows?: number;
  readonly difference?: string;
}

export type StateResult =
  | {
      readonly status: 'measured';
      readonly records: number;
      readonly distinctSourceIps: number;
      readonly largestWindowSnapshotBytes: number;
      readonly wallMs: number;
      readonly maxRssBytes: number;
    }
  | { readonly status: 'skipped' | 'failed'; readonly reason: string };

export interface BenchResults {
  readonly machine: MachineInfo;
  /** 1-minute load average when the measurements ended (the machine's is at their start). */
  readonly loadAverageAtEnd: number;
  readonly input: {
    readonly file: string;
    readonly records: number;
    readonly bytes: number;
    readonly sha256: string;
    readonly generatorVersion: number;
    readonly seed: number;
    readonly windowSeconds: number;
    readonly topK: number;
  };
  readonly runsPerCandidate: number;
  readonly candidates: readonly CandidateOutcome[];
  readonly ratios: readonly RatioResult[];
  readonly agreement: readonly AgreementResult[];
  readonly state: StateResult;
}
