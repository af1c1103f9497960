// From the children's raw answers to the reported numbers: medians, ratios and targets.
import { median } from '../measure/median';
import { type DetectorChildResult } from './detector-protocol';
import { type CandidateOutcome, type DetectorOutcome, type DetectorRun, SNAPSHOT_TARGET_BYTES, UPDATE_TARGET_MICROSECONDS } from './detectors-results';

export function toRun(result: DetectorChildResult): DetectorRun {
  return {
    microsecondsPerUpdate: (result.cpuMs * 1000) / result.updates,
    wallMicrosecondsPerUpdate: (result.wallMs * 1000) / result.updates,
    updates: result.updates,
    passes: result.passes,
    cpuMs: result.cpuMs,
    wallMs: result.wallMs,
    maxRssBytes: result.maxRssBytes,
  };
}

/** A candidate's runs, or why it has none: a failure in any run fails the candidate. */
export function summariseCandidate(results: readonly DetectorChildResult[], failure: string | undefined): CandidateOutcome {
  if (failure !== undefined) return { status: 'failed', reason: failure };
  if (results.length === 0) return { status: 'failed', reason: 'no run completed' };
  const broken = results.find((result) => !Number.isFinite(result.checksum));
  if (broken !== undefined) return { status: 'failed', reason: `update() returned a non-finite score (sum of scores ${broken.checksum})` };
  const runs = results.map(toRun);
  return {
    status: 'measured',
    runs,
    microsecondsPerUpdate: median(runs.map((run) => run.microsecondsPerUpdate)),
    wallMicrosecondsPerUpdate: median(runs.map((run) => run.wallMicrosecondsPerUpdate)),
    peakRssBytes: median(runs.map((run) => run.maxRssBytes)),
  };
}

export interface DetectorSummaryInput {
  readonly name: string;
  readonly isDefault: boolean;
  readonly outcome: CandidateOutcome;
  readonly runningMean: CandidateOutcome;
  readonly snapshotBytes: number | undefined;
}

/** A detector's verdicts against the baseline measured in the same run and against the two targets. */
export function summariseDetector({ name, isDefault, outcome, runningMean, snapshotBytes }: DetectorSummaryInput): DetectorOutcome {
  const measured = outcome.status === 'measured' ? outcome.microsecondsPerUpdate : undefined;
  const baseline = runningMean.status === 'measured' && runningMean.microsecondsPerUpdate > 0 ? runningMean.microsecondsPerUpdate : undefined;
  return {
    name,
    isDefault,
    outcome,
    ratioToRunningMean: measured !== undefined && baseline !== undefined ? measured / baseline : undefined,
    meetsUpdateTarget: measured === undefined ? undefined : measured < UPDATE_TARGET_MICROSECONDS,
    snapshotBytes,
    meetsSnapshotTarget: snapshotBytes === undefined ? undefined : snapshotBytes <= SNAPSHOT_TARGET_BYTES,
  };
}
