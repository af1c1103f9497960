// What the bench asks a measurement child to do and what the child answers. Each candidate runs
// in a fresh Node process so heaps, JIT state and native allocators never carry over.
import { type BaselineWindow } from '../baselines/baseline-window';

/** `engine` is analyzeBatches on one thread; `engine-node` is analyzeFiles of @trailpulse/analytics/node on every core. */
export const CANDIDATES = ['floor', 'duckdb', 'chdb', 'engine', 'engine-node', 'engine-state'] as const;
export type Candidate = (typeof CANDIDATES)[number];

export interface ChildRequest {
  readonly candidate: Candidate;
  readonly file: string;
  readonly windowSeconds: number;
  readonly topK: number;
  readonly workspaceRoot: string;
  /** Where chDB is installed (chdb only). */
  readonly chdbDir: string;
  /** The child writes its ChildResult here as JSON. */
  readonly resultFile: string;
  /** Include the computed windows in the result (for the agreement check). */
  readonly keepWindows: boolean;
}

export interface ChildResult {
  /** Wall time of the candidate's work, after its modules were loaded. */
  readonly wallMs: number;
  /** Peak resident set size of the whole child process. */
  readonly maxRssBytes: number;
  readonly windows?: readonly BaselineWindow[];
  /** engine-state: bytes of the largest window snapshot. */
  readonly largestSnapshotBytes?: number;
}

/** A child's command line or result could not be understood. */
export class ChildProtocolError extends Error {
  override readonly name = 'ChildProtocolError';
}

function isCandidate(value: unknown): value is Candidate {
  return CANDIDATES.some((candidate) => candidate === value);
}

export function encodeRequest(request: ChildRequest): string {
  return Buffer.from(JSON.stringify(request)).toString('base64url');
}

export function decodeRequest(encoded: string | undefined): ChildRequest {
  if (encoded === undefined) throw new ChildProtocolError('the measurement child needs its request as first argument');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ChildProtocolError('the measurement request is not JSON', { cause });
  }
  const request = parsed as Partial<ChildRequest> | null;
  if (request === null || typeof request !== 'object' || !isCandidate(request.candidate) || typeof request.file !== 'string' || typeof request.resultFile !== 'string') {
    throw new ChildProtocolError(`malformed measurement request: ${JSON.stringify(parsed)}`);
  }
  return request as ChildRequest;
}
