// The results of one detectors-bench run: what `--json` prints and what the table is drawn from.
import { type MachineInfo } from '../measure/machine-info';

/** Issue 5: "a detector update costs under 20 microseconds on average". */
export const UPDATE_TARGET_MICROSECONDS = 20;
/**
 * The AnomalyDetector contract says a snapshot is "a few KB at most"; read here as at most 16 KiB,
 * which leaves room for a day of 1-minute points (1440 values) as JSON, but not for kilobytes per
 * point of history.
 */
export const SNAPSHOT_TARGET_BYTES = 16 * 1024;

export interface DetectorRun {
  /** CPU time per update: what the update costs, even while other processes share the machine. */
  readonly microsecondsPerUpdate: number;
  /** Wall time per update: the same on an idle machine, inflated on a busy one. */
  readonly wallMicrosecondsPerUpdate: number;
  readonly updates: number;
  readonly passes: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssBytes: number;
}

export type CandidateOutcome =
  | {
      readonly status: 'measured';
      readonly runs: readonly DetectorRun[];
      /** Median over the runs of the CPU-time cost: the reported figure, checked against the target. */
      readonly microsecondsPerUpdate: number;
      /** Median over the runs of the wall-time cost. */
      readonly wallMicrosecondsPerUpdate: number;
      /** Median over the runs of each child's peak RSS. */
      readonly peakRssBytes: number;
    }
  | { readonly status: 'failed'; readonly reason: string };

export interface DetectorOutcome {
  readonly name: string;
  /** The registry's DEFAULT_DETECTOR: the one the engine's anomalyScore runs. */
  readonly isDefault: boolean;
  readonly outcome: CandidateOutcome;
  /** Its median µs/update over the running-mean baseline's, when both were measured. */
  readonly ratioToRunningMean: number | undefined;
  /** Median µs/update < UPDATE_TARGET_MICROSECONDS; undefined when not measured. */
  readonly meetsUpdateTarget: boolean | undefined;
  readonly snapshotBytes: number | undefined;
  /** snapshotBytes <= SNAPSHOT_TARGET_BYTES; undefined when not measured. */
  readonly meetsSnapshotTarget: boolean | undefined;
}

export interface DetectorsBenchResults {
  readonly machine: MachineInfo;
  /** 1-minute load average when the measurements ended (the machine's is at their start). */
  readonly loadAverageAtEnd: number;
  readonly input: {
    readonly nabDir: string;
    readonly category: string;
    readonly series: number;
    /** Points per pass over every series. */
    readonly points: number;
    /** The series after which each snapshot is measured. */
    readonly longestSeries: { readonly file: string; readonly points: number };
  };
  readonly method: {
    readonly runsPerCandidate: number;
    readonly minSecondsPerRun: number;
    readonly description: string;
  };
  readonly targets: { readonly microsecondsPerUpdate: number; readonly snapshotBytes: number };
  readonly baselines: { readonly rawLoop: CandidateOutcome; readonly runningMean: CandidateOutcome };
  readonly detectors: readonly DetectorOutcome[];
}
