/**
 * `trailpulse nab` end to end (the real executable) on the shared NAB folder: the JSON contract of
 * ../shared/spec/nab-output.md, the published AWS-only scores of shared/data/nab/SCORES.md
 * reproduced by our scorer, NAB-format result files, and input errors.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBin, workspaceRoot } from '../../test/run-bin';
import { type NabOutput } from './nab';

const nabDir = path.join(process.env['TRAILPULSE_SHARED_DATA'] ?? path.join(workspaceRoot, '..', 'shared', 'data'), 'nab');
const PROFILES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;

/** SCORES.md §2: AWS-only normalized scores at NAB's published thresholds. */
const PUBLISHED_AWS: Readonly<Record<string, readonly [number, number, number]>> = {
  numenta: [73.42, 65.79, 76.72],
  ARTime: [69.48, 58.96, 75.21],
  knncad: [60.69, 53.07, 64.91],
  randomCutForest: [57.56, 44.9, 64.69],
  windowedGaussian: [31.24, 4.92, 41.94],
};

/** A NAB folder with the shared data and labels but no results/ and no config/. */
function dataOnlyCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-nab-cli-'));
  cpSync(path.join(nabDir, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(nabDir, 'labels'), path.join(dir, 'labels'), { recursive: true });
  return dir;
}

describe('trailpulse nab', () => {
  jest.setTimeout(180_000);
  // Only the first test runs every registered detector: the random cut forest takes seconds per
  // run, and the other tests are about the command's plumbing, not about a detector.

  it('prints nab-output.md JSON: our detectors, the default among them, and the published detectors re-scored to SCORES.md', () => {
    // Act
    const { code, stdout } = runBin(['nab', '--data', nabDir, '--json'], undefined, 170_000);
    // Assess
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as NabOutput;
    expect(Object.keys(output).sort()).toEqual(['default', 'detectors', 'reproduced']);
    expect(Object.keys(output.detectors)).toContain(output.default);
    for (const scores of [...Object.values(output.detectors), ...Object.values(output.reproduced)]) {
      expect(Object.keys(scores).sort()).toEqual([...PROFILES].sort());
      for (const profile of PROFILES) expect(Number.isFinite(scores[profile])).toBe(true);
    }
    expect(Object.keys(output.reproduced).sort()).toEqual(Object.keys(PUBLISHED_AWS).sort());
    for (const [detector, expected] of Object.entries(PUBLISHED_AWS)) {
      PROFILES.forEach((profile, i) => expect(Math.abs((output.reproduced[detector]?.[profile] ?? Number.NaN) - (expected[i] ?? Number.NaN))).toBeLessThan(0.5));
    }
  });

  it('gives `reproduced: {}` without results/, and writes NAB result files that re-score to the same scores', () => {
    // Prepare
    const data = dataOnlyCopy();
    const out = path.join(data, 'results');
    // Act
    const { code, stdout } = runBin(['nab', '--data', data, '--json', '--results-dir', out, '--detector', 'ewma-zscore']);
    const rescored = runBin(['nab', '--data', data, '--json', '--detector', 'ewma-zscore']);
    // Assess
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as NabOutput;
    expect(output.reproduced).toEqual({});
    // the written files, read back as published results, score as our run did
    const again = JSON.parse(rescored.stdout) as NabOutput;
    for (const profile of PROFILES) expect(again.reproduced[output.default]?.[profile]).toBeCloseTo(output.detectors[output.default]?.[profile] ?? Number.NaN, 9);
    const written = readFileSync(path.join(out, output.default, 'realAWSCloudwatch', `${output.default}_ec2_cpu_utilization_24ae8d.csv`), 'utf8').trim().split('\n');
    const input = readFileSync(path.join(data, 'data', 'realAWSCloudwatch', 'ec2_cpu_utilization_24ae8d.csv'), 'utf8').trim().split('\n');
    expect(written[0]).toBe('timestamp,value,anomaly_score,label');
    expect(written).toHaveLength(input.length);
    const rows = written.slice(1).map((line) => line.split(','));
    expect(rows.every((row, i) => `${row[0]},${row[1]}` === input[i + 1])).toBe(true);
    expect(rows.every((row) => Number(row[2]) >= 0 && Number(row[2]) <= 1)).toBe(true);
    // NAB's label column: 1 on the rows of the file's two windows (201 rows each)
    expect(rows.filter((row) => row[3] === '1')).toHaveLength(402);
  });

  it('prints a table with the published detectors beside ours', () => {
    // Act
    const { code, stdout } = runBin(['nab', '--data', nabDir, '--detector', 'ewma-zscore']);
    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/ours \(default\)/);
    expect(stdout).toMatch(/numenta\s+published\s+73\.42\s+65\.79\s+76\.72/);
  });

  it.each([
    ['a missing directory', () => path.join(tmpdir(), 'no-such-nab-dir'), /NAB data directory .*no-such-nab-dir does not exist/],
    [
      'a malformed data row',
      () => {
        const data = dataOnlyCopy();
        writeFileSync(path.join(data, 'data', 'realAWSCloudwatch', 'grok_asg_anomaly.csv'), 'timestamp,value\n2014-01-20 22:05:00,oops\n');
        return data;
      },
      /grok_asg_anomaly\.csv line 2: value "oops" is not a finite number/,
    ],
  ])('exits 2 on %s with a message naming it', (_case, data, message) => {
    // Act
    const { code, stdout, stderr } = runBin(['nab', '--data', data(), '--json', '--detector', 'ewma-zscore']);
    // Assess
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 1 on an unknown detector, listing the available ones', () => {
    // Act
    const { code, stderr } = runBin(['nab', '--data', nabDir, '--detector', 'nope']);
    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('unknown detector "nope" (available: ');
  });
});
