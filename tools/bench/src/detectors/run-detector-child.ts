// Parent side of a detector measurement: one fresh Node process per run, its answer read from a file.
import path from 'node:path';
import { CandidateFailedError, runChildForResult } from '../measure/run-child';
import { type DetectorChildRequest, type DetectorChildResult, encodeDetectorRequest, parseDetectorResult } from './detector-protocol';

export async function runDetectorChild(childBundle: string, request: Omit<DetectorChildRequest, 'resultFile'>, scratchDir: string, runLabel: string): Promise<DetectorChildResult> {
  const slug = request.candidate.kind === 'detector' ? `detector-${request.candidate.name.replace(/[^A-Za-z0-9-]+/g, '_')}` : request.candidate.kind;
  const resultFile = path.join(scratchDir, `${slug}-${runLabel}.json`);
  const text = await runChildForResult(childBundle, encodeDetectorRequest({ ...request, resultFile }), resultFile, slug);
  const result = parseDetectorResult(text);
  if (result === undefined) throw new CandidateFailedError(`malformed measurement result: ${text.slice(0, 200)}`);
  return result;
}
