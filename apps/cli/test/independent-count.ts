/**
 * An independent, deliberately simple reading of CloudTrail files for cross-checking
 * `trailpulse analyze`: whole-file JSON.parse, the shapes of metrics.md "Input", the acceptance
 * rule and the plain-count metrics, with no code shared with the engine or the readers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface IndependentCounts {
  read: number;
  accepted: number;
  byWindow: Map<number, { totalCalls: number; byService: Map<string, number>; ec2Successful: number }>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .sort()
    .flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p) : /\.(json|jsonl|ndjson)(\.gz)?$/.test(p) ? [p] : []));
}

function isIsoTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (m === null) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** Candidate records of one parsed JSON value (metrics.md "Input" shapes). */
function candidates(value: unknown, nested = false): unknown[] {
  if (Array.isArray(value)) return nested ? [value] : value.flatMap((v) => candidates(v, true));
  if (value === null || typeof value !== 'object') return [value];
  const o = value as Record<string, unknown>;
  if (Array.isArray(o['Records'])) return o['Records'] as unknown[];
  if (typeof o['digestStartTime'] === 'string' && Array.isArray(o['logFiles'])) return [];
  if (typeof o['detail-type'] === 'string' && typeof o['detail'] === 'object') {
    return (o['detail-type'] as string).endsWith(' via CloudTrail') ? [o['detail']] : [{ notCloudTrail: true }];
  }
  if (o['messageType'] === 'DATA_MESSAGE' && Array.isArray(o['logEvents'])) {
    return (o['logEvents'] as { message: string }[]).map((e) => JSON.parse(e.message) as unknown);
  }
  return [value];
}

function valuesOf(file: string): unknown[] {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  if (/\.(ndjson|jsonl)(\.gz)?$/.test(file)) {
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return Symbol('invalid-json');
        }
      });
  }
  return [JSON.parse(text) as unknown];
}

export function independentCounts(root: string, windowSeconds: number): IndependentCounts {
  const result: IndependentCounts = { read: 0, accepted: 0, byWindow: new Map() };
  for (const file of filesUnder(root)) {
    for (const value of valuesOf(file)) {
      for (const candidate of candidates(value)) {
        result.read++;
        const r = candidate as Record<string, unknown> | null;
        if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
        const ok = isIsoTime(r['eventTime']) && typeof r['eventSource'] === 'string' && r['eventSource'] !== '' && typeof r['eventName'] === 'string' && r['eventName'] !== '';
        if (!ok) continue;
        result.accepted++;
        if (!(r['eventType'] == null || r['eventType'] === 'AwsApiCall')) continue;
        const start = Math.floor(Date.parse(r['eventTime'] as string) / (windowSeconds * 1000)) * windowSeconds * 1000;
        const w = result.byWindow.get(start) ?? { totalCalls: 0, byService: new Map<string, number>(), ec2Successful: 0 };
        w.totalCalls++;
        const source = r['eventSource'] as string;
        w.byService.set(source, (w.byService.get(source) ?? 0) + 1);
        if (source === 'ec2.amazonaws.com' && (r['errorCode'] == null || r['errorCode'] === '')) w.ec2Successful++;
        result.byWindow.set(start, w);
      }
    }
  }
  return result;
}
