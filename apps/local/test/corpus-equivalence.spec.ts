/**
 * Issue #6: "ingest of every ../shared/data corpus equals `trailpulse analyze` on the same files".
 * Each corpus (and the whole folder) goes into a real runtime twice, once by `--replay` and once by
 * POSTing every file in its native shape (gzip as gzip), and the windows read back over
 * GET /api/v1/metrics at 60 s and 10 s must equal `trailpulse analyze --json` window for window,
 * built-in metrics and the custom metrics the runtime seeds (security-baseline.yaml).
 */
import { analyze, type AnalyzeOutput } from './support/analyze-cli';
import { comparable } from './support/comparable-windows';
import { CORPORA, corpusPath, ingestBodies } from './support/corpus-inputs';
import { TempDirs } from './support/temp-dirs';
import { startTestRuntime, type TestRuntime, waitFor } from './support/test-runtime';
import { SECURITY_BASELINE_METRICS } from './support/workspace';

const WINDOWS = [60, 10] as const;
const temp = new TempDirs();
afterAll(() => temp.removeAll());

/** The runtime's windows equal analyze's, for each window length, with the runtime's seeded custom metrics. */
async function expectSameWindows(subject: TestRuntime, reference: ReadonlyMap<number, AnalyzeOutput>): Promise<void> {
  const customIds = subject.runtime.seededMetrics;
  for (const windowSeconds of WINDOWS) {
    const windows = await subject.api.allWindows(windowSeconds);
    const expected = reference.get(windowSeconds)?.windows ?? [];
    expect({ windowSeconds, windows: comparable(windows, customIds) }).toEqual({ windowSeconds, windows: comparable(expected, customIds) });
  }
}

describe.each([...CORPORA, '.'])('ingest of %s equals `trailpulse analyze` on the same files', (name) => {
  const input = corpusPath(name);
  const reference = new Map<number, AnalyzeOutput>();

  beforeAll(async () => {
    const outputs = await Promise.all(WINDOWS.map((windowSeconds) => analyze([input], { windowSeconds, metricsFile: SECURITY_BASELINE_METRICS })));
    WINDOWS.forEach((windowSeconds, index) => reference.set(windowSeconds, outputs[index] as AnalyzeOutput));
  }, 120_000);

  it('by --replay: same windows at 60 s and 10 s, same record counts', async () => {
    // Prepare
    const subject = await startTestRuntime(temp, { sourceArgs: ['--replay', input], seedMetricsFile: SECURITY_BASELINE_METRICS });
    try {
      // Act
      await subject.runtime.sourcesDone;
      // Assess
      const events = reference.get(60)?.events;
      const { read, accepted, rejected, rejectReasons } = subject.runtime.stats;
      expect({ read, accepted, rejected, rejectReasons }).toEqual({ read: events?.read, accepted: events?.accepted, rejected: events?.rejected, rejectReasons: events?.rejectReasons });
      expect(subject.runtime.seededMetrics.length).toBeGreaterThan(0);
      await expectSameWindows(subject, reference);
    } finally {
      await subject.runtime.close();
    }
  }, 120_000);

  it('by POST /api/v1/events of each file in its own shape: same windows, and the 202 answers count what analyze counts', async () => {
    // Prepare
    const subject = await startTestRuntime(temp, { seedMetricsFile: SECURITY_BASELINE_METRICS });
    try {
      const counted = { read: 0, accepted: 0, rejected: 0, rejectReasons: {} as Record<string, number> };
      // Act
      for (const { body, contentType, gzip } of ingestBodies(input)) {
        const result = await subject.api.postEvents(body, contentType, gzip);
        counted.accepted += result.accepted;
        counted.rejected += result.rejected;
        counted.read += result.accepted + result.rejected;
        for (const [reason, count] of Object.entries(result.rejectReasons)) counted.rejectReasons[reason] = (counted.rejectReasons[reason] ?? 0) + (count ?? 0);
      }
      await waitFor('every accepted record merged into every row', () => subject.runtime.stats.settled === counted.accepted);
      // Assess
      const events = reference.get(60)?.events;
      expect(counted).toEqual({ read: events?.read, accepted: events?.accepted, rejected: events?.rejected, rejectReasons: events?.rejectReasons });
      await expectSameWindows(subject, reference);
    } finally {
      await subject.runtime.close();
    }
  }, 120_000);
});
