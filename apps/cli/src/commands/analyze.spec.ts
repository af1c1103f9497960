/**
 * `trailpulse analyze` end to end (the real executable), checked against an independent reading of
 * the shared CloudTrail corpora (test/independent-count.ts), per metrics.md.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type BatchOutput } from '@trailpulse/analytics';
import { independentCounts } from '../../test/independent-count';
import { runBin, workspaceRoot } from '../../test/run-bin';

const cloudtrail = path.join(process.env['TRAILPULSE_SHARED_DATA'] ?? path.join(workspaceRoot, '..', 'shared', 'data'), 'cloudtrail');

describe('trailpulse analyze', () => {
  jest.setTimeout(120_000);

  it.each([60, 10])('agrees with an independent computation over every shared corpus (%i s windows)', (windowSeconds) => {
    // Prepare
    const expected = independentCounts(cloudtrail, windowSeconds);
    // Act
    const { code, stdout, stderr } = runBin(['analyze', cloudtrail, '--json', '--window', `${windowSeconds}s`]);
    // Assess
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as BatchOutput;
    // metrics.md: events.read counts records read (accepted + rejected)
    expect(output.events.read).toBe(expected.read);
    expect(output.events.accepted).toBe(expected.accepted);
    expect(output.events.accepted + output.events.rejected).toBe(output.events.read);
    expect(output.windowSeconds).toBe(windowSeconds);
    // metrics.md: `windows` holds every window with at least one API call, sorted by `start`
    expect(output.windows.map((w) => Date.parse(w.start))).toEqual([...expected.byWindow.keys()].sort((a, b) => a - b));
    for (const window of output.windows) {
      const want = expected.byWindow.get(Date.parse(window.start));
      expect(window.metrics.totalCalls).toBe(want?.totalCalls);
      expect(window.metrics.callsByService).toEqual(Object.fromEntries(want?.byService ?? []));
      expect(window.metrics.ec2SuccessfulCalls).toBe(want?.ec2Successful);
      // metrics.md: callsByCategory sums to totalCalls
      expect(Object.values(window.metrics.callsByCategory).reduce((a, b) => a + b, 0)).toBe(window.metrics.totalCalls);
    }
    // a run with rejected records exits 0 and says why on stderr
    expect(stderr).toMatch(/records rejected \(missing-eventTime \d+/);
  });

  it('prints the same metrics as CSV rows', () => {
    const json = JSON.parse(runBin(['analyze', path.join(workspaceRoot, 'samples', 'cloudtrail'), '--json']).stdout) as BatchOutput;
    const { code, stdout } = runBin(['analyze', path.join(workspaceRoot, 'samples', 'cloudtrail'), '--csv']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\r\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['window_start', 'window_end', 'metric', 'key', 'count', 'error', 'rank']);
    const totals = rows.filter((r) => r[2] === 'totalCalls').map((r) => Number(r[4]));
    expect(totals).toEqual(json.windows.map((w) => w.metrics.totalCalls));
  });

  it('flows custom metrics into every window, and rejects a broken definition with its location (exit 2)', () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-analyze-'));
    const good = path.join(dir, 'metrics.yaml');
    writeFileSync(good, 'metrics:\n  - id: stop-logging\n    title: StopLogging calls\n    filter: { field: eventName, equals: StopLogging }\n    measure: count\n');
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'metrics:\n  - id: broken\n    title: Broken\n    filter: { field: eventName, regex: "(" }\n    measure: count\n');
    // Act
    const ok = runBin(['analyze', path.join(workspaceRoot, 'samples', 'cloudtrail'), '--json', '--metrics', good]);
    const broken = runBin(['analyze', path.join(workspaceRoot, 'samples', 'cloudtrail'), '--json', '--metrics', bad]);
    // Assess
    expect(ok.code).toBe(0);
    const output = JSON.parse(ok.stdout) as BatchOutput;
    const stops = output.windows.map((w) => w.metrics.custom?.['stop-logging']);
    expect(stops.every((v) => typeof v === 'number')).toBe(true);
    expect(stops.reduce<number>((a, b) => a + (b as number), 0)).toBe(1);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('bad.yaml');
    expect(broken.stderr).toContain('regex');
  });

  it('shows the series examples (first-seen.yaml, access-denied-bursts.yaml) as JSON, a table and CSV rows that agree', () => {
    // Prepare
    const args = ['analyze', cloudtrail, '--metrics', path.join(workspaceRoot, 'examples', 'custom-metrics', 'first-seen.yaml')];
    args.push('--metrics', path.join(workspaceRoot, 'examples', 'custom-metrics', 'access-denied-bursts.yaml'));
    // Act
    const json = runBin([...args, '--json']);
    const table = runBin([...args, '--table']);
    const csv = runBin([...args, '--csv']);
    // Assess
    expect([json.code, table.code, csv.code]).toEqual([0, 0, 0]);
    const output = JSON.parse(json.stdout) as BatchOutput;
    type FirstSeen = { count: number; keys: string[][]; learning?: true; anomalyScore: number };
    const regions = output.windows.map((w) => w.metrics.custom?.['new-principal-region'] as FirstSeen);
    expect(regions[0]?.learning).toBe(true);
    const newRegions = regions.reduce((sum, value) => sum + value.count, 0);
    expect(newRegions).toBeGreaterThan(0);
    expect(regions.every((value) => Number.isFinite(value.anomalyScore) && value.anomalyScore >= 0)).toBe(true);
    const spiking = output.windows.filter((w) => (w.metrics.custom?.['access-denied-bursts'] as { spikes: unknown[] }).spikes.length > 0);
    expect(spiking.length).toBeGreaterThan(0);
    // The table lists the windows with spikes and new keys; CSV has one row per new key and spike.
    expect(table.stdout).toContain(`access-denied-bursts: ${spiking.length} window(s)`);
    expect(table.stdout).toMatch(/new-principal-region: \d+ window\(s\)\n {4}\S+ \S+ {2}\d+ new: /);
    const rows = csv.stdout.trim().split('\r\n');
    const listed = regions.reduce((sum, value) => sum + value.keys.length, 0);
    expect(rows.filter((row) => row.split(',')[2] === 'custom.new-principal-region.new')).toHaveLength(listed);
    const spikes = spiking.reduce((sum, w) => sum + (w.metrics.custom?.['access-denied-bursts'] as { spikes: unknown[] }).spikes.length, 0);
    expect(rows.filter((row) => row.split(',')[2] === 'custom.access-denied-bursts.spike.score')).toHaveLength(spikes);
  });

  it('refuses a custom metric whose window differs from --window, before reading, with a usage error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-analyze-'));
    const file = path.join(dir, 'five-minutes.yaml');
    writeFileSync(file, 'metrics:\n  - id: five-min\n    title: Five minutes\n    window: 5m\n    measure: count\n');
    const refused = runBin(['analyze', 'samples/cloudtrail', '--json', '--metrics', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"five-min" (300 s)');
    expect(refused.stderr).toContain('--window 300s');
    const accepted = runBin(['analyze', 'samples/cloudtrail', '--json', '--metrics', file, '--window', '5m']);
    expect(accepted.code).toBe(0);
  });

  it('refuses a window outside 10 s to 1 h with a usage error', () => {
    const { code, stderr } = runBin(['analyze', 'samples/cloudtrail', '--window', '5s']);
    expect(code).toBe(1);
    expect(stderr).toContain('--window');
  });

  it('refuses --top beyond what the sketches track with a usage error naming the limit', () => {
    const { code, stderr } = runBin(['analyze', 'samples/cloudtrail', '--json', '--top', '20000']);
    expect(code).toBe(1);
    expect(stderr).toContain('topK (20000) cannot exceed sketchCapacity (10000)');
  });

  it('names a damaged file it could not read on stderr, and still analyzes the rest', () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-analyze-'));
    writeFileSync(path.join(dir, 'damaged.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x63, 0x6f, 0x72, 0x72]));
    writeFileSync(path.join(dir, 'good.ndjson'), JSON.stringify({ eventTime: '2024-01-01T00:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject' }));
    writeFileSync(path.join(dir, 'notes.txt'), 'not CloudTrail');
    // Act
    const { code, stdout, stderr } = runBin(['analyze', dir, '--json']);
    // Assess
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as BatchOutput).events.accepted).toBe(1);
    expect(stderr).toContain(`skipped ${path.join(dir, 'damaged.json.gz')}: corrupt-gzip`);
    expect(stderr).toContain('skipped 1 file(s) in directories that are not .json');
  });

  it('reads stdin with -', () => {
    const record = { eventTime: '2024-01-01T00:00:30Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', sourceIPAddress: '10.0.0.1' };
    const { code, stdout } = runBin(['analyze', '-', '--json'], `${JSON.stringify(record)}\n${JSON.stringify(record)}\n`);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as BatchOutput;
    expect(output.windows).toHaveLength(1);
    expect(output.windows[0]?.metrics).toMatchObject({ totalCalls: 2, ec2SuccessfulCalls: 2, maxCallsByIp: { key: '10.0.0.1', count: 2 } });
  });
});
