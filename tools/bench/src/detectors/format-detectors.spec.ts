import { type MachineInfo } from '../measure/machine-info';
import { type DetectorsBenchResults } from './detectors-results';
import { formatDetectorsResults, formatMicroseconds, formatRatio } from './format-detectors';
import { summariseCandidate, summariseDetector } from './summarise';

const MACHINE: MachineInfo = { cpuModel: 'Test CPU', cores: 2, totalMemoryGiB: 8, node: 'v20.0.0', platform: 'linux', loadAverage: 0.5, date: '2026-12-01T00:00:00.000Z' };

/** A measured outcome at `microseconds` of CPU time per update, and three times that of wall time. */
function measured(microseconds: number) {
  return summariseCandidate([{ updates: 1000, passes: 2, cpuMs: microseconds, wallMs: 3 * microseconds, checksum: 0, maxRssBytes: 1 }], undefined);
}

/** Results of a run on an idle machine: a fast default detector, a slow one, and one that failed. */
function quietResults(): DetectorsBenchResults {
  const runningMean = measured(0.01);
  return {
    machine: MACHINE,
    loadAverageAtEnd: 1,
    input: { nabDir: '/nab', category: 'realAWSCloudwatch', series: 2, points: 1000, longestSeries: { file: 'realAWSCloudwatch/a.csv', points: 600 } },
    method: { runsPerCandidate: 1, minSecondsPerRun: 1, description: 'test' },
    targets: { microsecondsPerUpdate: 20, snapshotBytes: 16384 },
    baselines: { rawLoop: measured(0.005), runningMean },
    detectors: [
      summariseDetector({ name: 'fast', isDefault: true, outcome: measured(9), runningMean, snapshotBytes: 3853 }),
      summariseDetector({ name: 'slow', isDefault: false, outcome: measured(504), runningMean, snapshotBytes: 764_880 }),
      summariseDetector({ name: 'broken', isDefault: false, outcome: { status: 'failed', reason: 'exit 1: boom' }, runningMean, snapshotBytes: undefined }),
    ],
  };
}

describe('formatMicroseconds', () => {
  it('shows nanosecond-sized costs with three significant digits and larger ones with fewer decimals', () => {
    expect([0.004823, 0.0519, 9.04, 12.84, 504.4].map(formatMicroseconds)).toEqual(['0.00482', '0.0519', '9.04', '12.8', '504']);
  });
});

describe('formatRatio', () => {
  it('keeps one decimal only for small ratios', () => {
    expect([1, 6.71, 1662.4].map(formatRatio)).toEqual(['1.0x', '6.7x', '1,662x']);
  });
});

describe('formatDetectorsResults', () => {
  it('shows each detector with its verdicts, marks the default and lists failures', () => {
    // Act
    const lines = formatDetectorsResults(quietResults()).split('\n');
    // Assess: 9 µs over the 0.01 µs baseline is 900x; 504 µs is 50,400x.
    const row = (start: string) => lines.find((line) => line.startsWith(start))?.split(/\s{2,}/);
    expect(row('fast (default)')).toEqual(['fast (default)', '9.00', '9.00', '27.0', '2', '900x', 'met', '3,853 B', 'met']);
    expect(row('slow')).toEqual(['slow', '504', '504', '1512', '2', '50,400x', 'NOT met', '764,880 B', 'NOT met']);
    expect(row('broken')).toEqual(['broken', 'failed']);
    expect(lines).toContain('broken failed: exit 1: boom');
    expect(lines.some((line) => line.startsWith('note:'))).toBe(false);
  });

  it('warns that wall times are inflated when the load exceeded the cores', () => {
    const results = quietResults();
    const busy = { ...results, loadAverageAtEnd: results.machine.cores + 1 };
    expect(formatDetectorsResults(busy)).toMatch(/note: +the machine was busy \(load up to 3 on 2 cores\).*targets are checked on CPU time/);
  });
});
