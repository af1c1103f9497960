/**
 * Constant memory, checked from the outside: each read runs in a child process (`node --expose-gc`)
 * whose peak RSS is reported by the OS. Not a timed test: the speeds are printed for reference
 * (the engine's target is within 1.25x of bare read + JSON.parse), never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeBigFile } from '../../test/big-files';
import { type ChildReport } from '../../test/read-memory-child';

const RECORDS = 1_000_000;
const MAX_RSS_MB = 200;
const workspaceRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('reading 1,000,000 records in constant memory (child process, peak RSS)', () => {
  let dir: string;
  let childBundle: string;
  const files = { ndjson: '', records: '' };
  const reports: ChildReport[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'trailpulse-read-memory-'));
    files.ndjson = path.join(dir, 'records.ndjson');
    files.records = path.join(dir, 'CloudTrail_records.json');
    writeBigFile(files.ndjson, RECORDS, 'ndjson');
    writeBigFile(files.records, RECORDS, 'records');
    childBundle = bundleChild();
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (reports.length > 0) console.log(describeSpeeds(reports));
  });

  it(`reads a 1M-record NDJSON file under ${MAX_RSS_MB} MB`, () => {
    // Act
    const report = runChild('read', files.ndjson);
    // Assess
    expect(report).toMatchObject({ read: RECORDS, accepted: RECORDS });
    expect(report.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 120_000);

  it(`reads a 1M-record {"Records":[...]} document (one 750 MB line) under ${MAX_RSS_MB} MB`, () => {
    // Act
    const report = runChild('read', files.records);
    // Assess
    expect(report).toMatchObject({ read: RECORDS, accepted: RECORDS });
    expect(report.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 120_000);

  it.each(['ndjson', 'json'])(`skips a record holding a 500 MB string (%s) without buffering it, under ${MAX_RSS_MB} MB`, (shape) => {
    // Act
    const report = runChild('huge', shape);
    // Assess
    expect(report).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(report.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 120_000);

  it('measures the baselines the speeds are compared with (node:readline + JSON.parse, bare chunks + JSON.parse)', () => {
    // Act
    const readline = runChild('readline', files.ndjson);
    const bare = runChild('bare', files.ndjson);
    // Assess: they read the same records; their speed is printed, not judged
    expect(readline.read).toBe(RECORDS);
    expect(bare.read).toBe(RECORDS);
  }, 120_000);

  function runChild(mode: string, argument: string): ChildReport {
    const result = spawnSync(process.execPath, ['--expose-gc', childBundle, mode, argument], { encoding: 'utf8', timeout: 110_000 });
    if (result.status !== 0) throw new Error(`child ${mode} ${argument} failed (${String(result.status)}): ${result.stderr}`);
    const report = { ...(JSON.parse(result.stdout) as ChildReport), mode: `${mode} ${path.basename(argument)}` };
    reports.push(report);
    return report;
  }

  /** The child is bundled in its own process, so that the bundler never counts in a measured RSS. */
  function bundleChild(): string {
    const runner = path.join(workspaceRoot, 'tools', 'scripts', 'ts-runner.cjs');
    const entry = path.join(workspaceRoot, 'libs', 'event-schema', 'test', 'read-memory-child.ts');
    const result = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(runner)}).bundle(${JSON.stringify(entry)}))`], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`bundling the memory test child failed: ${result.stderr}`);
    return result.stdout;
  }
});

/** Records/s by wall time, and the ratio to the bare baseline by CPU time, which a busy machine disturbs less. */
function describeSpeeds(reports: readonly ChildReport[]): string {
  const bare = reports.find((report) => report.mode.startsWith('bare'));
  const rows = reports.map((report) => {
    const versusBare = bare === undefined || report.read < 1000 ? '' : `  ${(report.cpuSeconds / bare.cpuSeconds).toFixed(2)}x bare CPU time`;
    return (
      `  ${report.mode.padEnd(36)} ${String(report.read).padStart(8)} records  ${report.seconds.toFixed(2).padStart(6)} s` +
      `  ${String(report.recordsPerSecond).padStart(8)} records/s  CPU ${report.cpuSeconds.toFixed(2).padStart(6)} s  peak RSS ${report.maxRssMb} MB${versusBare}`
    );
  });
  return ['Reader memory and speed (records/s are informative, not asserted):', ...rows].join('\n');
}
