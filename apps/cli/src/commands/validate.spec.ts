/**
 * `trailpulse validate` in-process, checked against an independent reading of the same files:
 * test/independent-count.ts (plain JSON.parse / gunzip and the acceptance rule of ../shared/spec/metrics.md,
 * "Input": a JSON object with a valid ISO-8601 eventTime and non-empty string eventSource and eventName).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../program';
import { fakeIo } from '../../test/fake-io';
import { independentCounts } from '../../test/independent-count';
import { workspaceRoot } from '../../test/run-bin';
import { type ValidateReport } from './validate';

const samples = path.join(workspaceRoot, 'samples', 'cloudtrail');

async function validateJson(args: string[]): Promise<{ code: number; report: ValidateReport }> {
  const io = fakeIo();
  const code = await runCli(['validate', ...args, '--json'], io);
  return { code, report: JSON.parse(io.out()) as ValidateReport };
}

describe('trailpulse validate', () => {
  it('agrees with an independent reading of the bundled samples', async () => {
    // Prepare
    const expected = independentCounts(samples, 60);
    // Act
    const { code, report } = await validateJson([samples]);
    // Assess
    expect(code).toBe(0);
    expect(report.events.accepted).toBe(expected.accepted);
    expect(report.events.read).toBe(expected.read);
    expect(report.events.accepted + report.events.rejected).toBe(report.events.read);
    // LICENSE, NOTICE and SOURCE.md are not CloudTrail files: skipped with a reason, not rejected
    expect(report.files.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['LICENSE', 'NOTICE.stratus-red-team', 'SOURCE.md']);
  });

  it('counts bad records with reason and line, keeps the good ones around them, and exits 0', async () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-validate-'));
    const file = path.join(dir, 'mixed.ndjson');
    const good = (n: number) => JSON.stringify({ eventTime: '2024-01-01T00:00:0' + n + 'Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject' });
    writeFileSync(file, [good(1), '{"eventTime": oops', good(2), '"just a string"', JSON.stringify({ eventSource: 'x', eventName: 'y' }), good(3)].join('\n'));
    // Act
    const { code, report } = await validateJson([file]);
    // Assess
    expect(code).toBe(0);
    expect(report.events).toMatchObject({ read: 6, accepted: 3, rejected: 3 });
    expect(report.events.rejectReasons).toEqual({ 'invalid-json': 1, 'not-an-object': 1, 'missing-eventTime': 1 });
    expect(report.rejectionExamples.map((r) => [r.reason, r.location.line])).toEqual([
      ['invalid-json', 2],
      ['not-an-object', 4],
      ['missing-eventTime', 5],
    ]);
  });

  it('prints a human summary with reasons and locations by default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-validate-'));
    const file = path.join(dir, 'bad.ndjson');
    writeFileSync(file, '{"eventTime":"2024-02-30T00:00:00Z","eventSource":"a","eventName":"b"}\n');
    const io = fakeIo();
    const code = await runCli(['validate', file], io);
    expect(code).toBe(0);
    expect(io.out()).toContain('Read 1 records from 1 file(s)');
    expect(io.out()).toMatch(/invalid-eventTime\s+1/);
    expect(io.out()).toContain(`${file} line 1: invalid-eventTime`);
  });
});
