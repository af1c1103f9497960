// Parent side of a detector measurement: one fresh Node process per run, its answer read from a file.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CandidateFailedError, failureSummary } from '../measure/run-child';
import { type DetectorChildRequest, type DetectorChildResult, encodeDetectorRequest, parseDetectorResult } from './detector-protocol';

export async function runDetectorChild(childBundle: string, request: Omit<DetectorChildRequest, 'resultFile'>, scratchDir: string, runLabel: string): Promise<DetectorChildResult> {
  const slug = request.candidate.kind === 'detector' ? `detector-${request.candidate.name.replace(/[^A-Za-z0-9-]+/g, '_')}` : request.candidate.kind;
  const resultFile = path.join(scratchDir, `${slug}-${runLabel}.json`);
  rmSync(resultFile, { force: true });
  const child = spawn(process.execPath, [childBundle, encodeDetectorRequest({ ...request, resultFile })], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    // Shown as it comes and kept for the failure summary.
    process.stderr.write(text);
    stderr += text;
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (cause) => reject(new CandidateFailedError(`cannot start the ${slug} child`, { cause })));
    child.once('close', (code) => resolve(code));
  });
  if (exitCode !== 0) throw new CandidateFailedError(`exit ${String(exitCode)}: ${failureSummary(stderr)}`);
  let text: string;
  try {
    text = readFileSync(resultFile, 'utf8');
  } catch (cause) {
    throw new CandidateFailedError('the child wrote no result', { cause });
  } finally {
    rmSync(resultFile, { force: true });
  }
  const result = parseDetectorResult(text);
  if (result === undefined) throw new CandidateFailedError(`malformed measurement result: ${text.slice(0, 200)}`);
  return result;
}
