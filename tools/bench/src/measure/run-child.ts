// Parent side of a measurement: one fresh Node process per run, its answer read from a file.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type ChildRequest, type ChildResult, encodeRequest } from './child-protocol';

/** A measurement child exited with an error or wrote no usable result. */
export class CandidateFailedError extends Error {
  override readonly name = 'CandidateFailedError';
}

/**
 * One line saying why a child failed: its error lines (a compile error of the runner, the
 * child's own one-line error), else its last line. The full text was already shown as it came.
 */
export function failureSummary(stderr: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = stderr.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const errorLines = lines.filter((line) => /error/i.test(line));
  return (errorLines.length > 0 ? errorLines.slice(0, 2) : lines.slice(-1)).join(' | ') || 'no message';
}

function readResult(file: string, text: string): ChildResult {
  const parsed: unknown = JSON.parse(text);
  const result = parsed as Partial<ChildResult> | null;
  if (result === null || typeof result !== 'object' || typeof result.wallMs !== 'number' || typeof result.maxRssBytes !== 'number') {
    throw new CandidateFailedError(`malformed measurement result in ${file}`);
  }
  return result as ChildResult;
}

/**
 * Runs `childBundle` with one argument in a fresh Node process (stderr shown as it comes and kept
 * for the failure summary) and returns the text it wrote to `resultFile`, which is then removed.
 * @throws CandidateFailedError when the child cannot start, exits non-zero or writes nothing.
 */
export async function runChildForResult(childBundle: string, argument: string, resultFile: string, label: string): Promise<string> {
  rmSync(resultFile, { force: true });
  const child = spawn(process.execPath, [childBundle, argument], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    // Shown as it comes (warnings, compile errors) and kept for the failure summary.
    process.stderr.write(text);
    stderr += text;
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (cause) => reject(new CandidateFailedError(`cannot start the ${label} child`, { cause })));
    child.once('close', (code) => resolve(code));
  });
  if (exitCode !== 0) {
    throw new CandidateFailedError(`exit ${String(exitCode)}: ${failureSummary(stderr)}`);
  }
  try {
    return readFileSync(resultFile, 'utf8');
  } catch (cause) {
    throw new CandidateFailedError('the child wrote no result', { cause });
  } finally {
    rmSync(resultFile, { force: true });
  }
}

export async function runInChild(childBundle: string, request: Omit<ChildRequest, 'resultFile'>, scratchDir: string, runLabel: string): Promise<ChildResult> {
  const resultFile = path.join(scratchDir, `${request.candidate}-${runLabel}.json`);
  const text = await runChildForResult(childBundle, encodeRequest({ ...request, resultFile }), resultFile, request.candidate);
  try {
    return readResult(resultFile, text);
  } catch (cause) {
    if (cause instanceof CandidateFailedError) throw cause;
    throw new CandidateFailedError('no usable result', { cause });
  }
}
