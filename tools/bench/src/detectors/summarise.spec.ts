import { type DetectorChildResult } from './detector-protocol';
import { type CandidateOutcome, SNAPSHOT_TARGET_BYTES, UPDATE_TARGET_MICROSECONDS } from './detectors-results';
import { summariseCandidate, summariseDetector, toRun } from './summarise';

/** A child's answer: `cpuMs` of CPU time and twice that of wall time (a machine shared with one other process). */
function childResult(cpuMs: number, updates: number, maxRssBytes = 50e6): DetectorChildResult {
  return { updates, passes: 1, cpuMs, wallMs: 2 * cpuMs, checksum: 1, maxRssBytes };
}

/** A measured outcome at `microseconds` per update. */
function measuredAt(microseconds: number): CandidateOutcome {
  return summariseCandidate([childResult(microseconds, 1000)], undefined);
}

describe('toRun', () => {
  it('turns CPU and wall milliseconds over updates into microseconds per update', () => {
    const run = toRun(childResult(1500, 100_000));
    expect(run.microsecondsPerUpdate).toBeCloseTo(15);
    expect(run.wallMicrosecondsPerUpdate).toBeCloseTo(30);
  });
});

describe('summariseCandidate', () => {
  it('reports the median of the runs, not their mean', () => {
    const outcome = summariseCandidate([childResult(1000, 100_000, 30e6), childResult(9000, 100_000, 90e6), childResult(1200, 100_000, 40e6)], undefined);
    expect(outcome).toMatchObject({ status: 'measured', peakRssBytes: 40e6 });
    expect(outcome.status === 'measured' && outcome.microsecondsPerUpdate).toBeCloseTo(12);
    expect(outcome.status === 'measured' && outcome.wallMicrosecondsPerUpdate).toBeCloseTo(24);
  });

  it('fails a candidate that failed a run, has no run, or returned a non-finite score', () => {
    expect(summariseCandidate([childResult(1, 1)], 'exit 1: boom')).toEqual({ status: 'failed', reason: 'exit 1: boom' });
    expect(summariseCandidate([], undefined)).toEqual({ status: 'failed', reason: 'no run completed' });
    expect(summariseCandidate([{ ...childResult(1, 1), checksum: Number.NaN }], undefined)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/non-finite score/) });
  });
});

describe('summariseDetector', () => {
  it('compares with the running-mean baseline of the same run and with both targets', () => {
    const summary = summariseDetector({ name: 'd', isDefault: true, outcome: measuredAt(10), runningMean: measuredAt(0.005), snapshotBytes: 4000 });
    expect(summary.ratioToRunningMean).toBeCloseTo(2000);
    expect(summary).toMatchObject({ name: 'd', isDefault: true, meetsUpdateTarget: true, snapshotBytes: 4000, meetsSnapshotTarget: true });
  });

  it('fails the speed target at exactly the target ("under 20 µs") and the snapshot target only above it', () => {
    const atTargets = summariseDetector({
      name: 'd',
      isDefault: false,
      outcome: measuredAt(UPDATE_TARGET_MICROSECONDS),
      runningMean: measuredAt(1),
      snapshotBytes: SNAPSHOT_TARGET_BYTES,
    });
    expect(atTargets).toMatchObject({ meetsUpdateTarget: false, meetsSnapshotTarget: true });
    const over = summariseDetector({ name: 'd', isDefault: false, outcome: measuredAt(1), runningMean: measuredAt(1), snapshotBytes: SNAPSHOT_TARGET_BYTES + 1 });
    expect(over.meetsSnapshotTarget).toBe(false);
  });

  it('leaves the ratio and verdicts out when a side was not measured', () => {
    const failed: CandidateOutcome = { status: 'failed', reason: 'x' };
    expect(summariseDetector({ name: 'd', isDefault: false, outcome: failed, runningMean: measuredAt(1), snapshotBytes: undefined })).toMatchObject({
      ratioToRunningMean: undefined,
      meetsUpdateTarget: undefined,
      meetsSnapshotTarget: undefined,
    });
    expect(summariseDetector({ name: 'd', isDefault: false, outcome: measuredAt(3), runningMean: failed, snapshotBytes: 10 })).toMatchObject({
      ratioToRunningMean: undefined,
      meetsUpdateTarget: true,
    });
  });
});
