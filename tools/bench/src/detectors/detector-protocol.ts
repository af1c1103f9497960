// What the detectors bench asks a measurement child to do and what the child answers. Each run is
// a fresh Node process, so one candidate's JIT feedback (which update() the loop calls) and heap
// never carry over to the next.
import { ChildProtocolError } from '../measure/child-protocol';

/** The two baselines, then registered detectors by name. */
export type DetectorCandidate = { readonly kind: 'raw-loop' } | { readonly kind: 'running-mean' } | { readonly kind: 'detector'; readonly name: string };

export interface DetectorChildRequest {
  readonly candidate: DetectorCandidate;
  /** NAB root directory holding data/realAWSCloudwatch. */
  readonly nabDir: string;
  readonly minMs: number;
  /** Also report the snapshot size after the longest series (detectors only; not timed). */
  readonly measureSnapshot: boolean;
  /** The child writes its DetectorChildResult here as JSON. */
  readonly resultFile: string;
}

export interface DetectorChildResult {
  readonly updates: number;
  readonly passes: number;
  /** CPU time (user + system) of the child during the timed passes. */
  readonly cpuMs: number;
  /** Wall time of the same passes. */
  readonly wallMs: number;
  readonly checksum: number;
  /** Peak resident set size of the whole child process. */
  readonly maxRssBytes: number;
  /** UTF-8 bytes of JSON.stringify(snapshot()) after the longest series. */
  readonly snapshotBytes?: number;
}

export function candidateLabel(candidate: DetectorCandidate): string {
  return candidate.kind === 'detector' ? candidate.name : `baseline: ${candidate.kind}`;
}

function isCandidate(value: unknown): value is DetectorCandidate {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, name } = value as { kind?: unknown; name?: unknown };
  return kind === 'raw-loop' || kind === 'running-mean' || (kind === 'detector' && typeof name === 'string');
}

export function encodeDetectorRequest(request: DetectorChildRequest): string {
  return Buffer.from(JSON.stringify(request)).toString('base64url');
}

export function decodeDetectorRequest(encoded: string | undefined): DetectorChildRequest {
  if (encoded === undefined) throw new ChildProtocolError('the detector measurement child needs its request as first argument');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ChildProtocolError('the detector measurement request is not JSON', { cause });
  }
  const request = parsed as Partial<DetectorChildRequest> | null;
  if (
    request === null ||
    typeof request !== 'object' ||
    !isCandidate(request.candidate) ||
    typeof request.nabDir !== 'string' ||
    typeof request.minMs !== 'number' ||
    typeof request.measureSnapshot !== 'boolean' ||
    typeof request.resultFile !== 'string'
  ) {
    throw new ChildProtocolError(`malformed detector measurement request: ${JSON.stringify(parsed)}`);
  }
  return request as DetectorChildRequest;
}

/** Reads a child's answer; undefined when it is not a DetectorChildResult. */
export function parseDetectorResult(text: string): DetectorChildResult | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = parsed as Partial<DetectorChildResult> | null;
  if (result === null || typeof result !== 'object') return undefined;
  const numbers = [result.updates, result.passes, result.cpuMs, result.wallMs, result.maxRssBytes];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) || typeof result.checksum !== 'number') return undefined;
  if (result.snapshotBytes !== undefined && typeof result.snapshotBytes !== 'number') return undefined;
  return result as DetectorChildResult;
}
