import { z } from 'zod';
import { MAX_PATH_LENGTH, MAX_PATH_SEGMENTS } from './limits';
import { didYouMean } from './suggest';

/**
 * Values TrailPulse already derives for every record (CallFacts, metrics.md), addressable like
 * fields so analysts reuse the spec's rules instead of re-implementing them in filters.
 */
export const DERIVED_KEYS = [
  /** metrics.md "Identity key". */
  '$identity',
  /** Short service name: "ec2.amazonaws.com" -> "ec2". */
  '$service',
  '$account',
  '$region',
  /** "none" | "access-denied" | "throttling" | "other". */
  '$errorClass',
  /** "create" | "modify" | "delete" | "read" | "other" (the `callsByCategory` rule). */
  '$category',
  /** `sourceIPAddress`, "unknown" when absent (the `topIps` key). */
  '$sourceIp',
  /** The source's network: IPv4 /24, IPv6 /48, anything else (a service name) as recorded (ip-prefix.ts). */
  '$ipPrefix',
  /** `eventType`, "(absent)" when missing (the `events.byEventType` key). */
  '$eventType',
  /** `eventSource + ":" + eventName` (the `topApiCalls` key). */
  '$apiCall',
  /** true when the record has no errorCode (absent, null or ""). */
  '$successful',
] as const;

export type DerivedKey = (typeof DERIVED_KEYS)[number];

const DERIVED_KEY_SET: ReadonlySet<string> = new Set(DERIVED_KEYS);
const DERIVED_PREFIX = '$';

/**
 * Where a filter or measure reads a value:
 * - a dotted string, `userIdentity.type`, `resources.0.ARN` (a numeric segment indexes an array);
 * - a derived key, `$identity` (see DERIVED_KEYS);
 * - an array of segments, `["tlsDetails", "tlsVersion"]` or `["requestParameters", "a.b"]`, for keys
 *   that contain a dot or start with `$`: the array form always reads the record, never a derived key.
 */
export type FieldPath = string | readonly (string | number)[];

const dottedPathSchema = z
  .string()
  .min(1, 'a field path cannot be empty')
  .max(MAX_PATH_LENGTH, `a field path is at most ${MAX_PATH_LENGTH} characters`)
  .superRefine((text, ctx) => {
    const problem = dottedPathProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

const segmentArraySchema = z
  .array(z.union([z.string().max(MAX_PATH_LENGTH), z.int('an array index is a whole number').nonnegative('an array index is >= 0')]))
  .min(1, 'a field path needs at least one segment')
  .max(MAX_PATH_SEGMENTS, `a field path has at most ${MAX_PATH_SEGMENTS} segments`);

export const fieldPathSchema: z.ZodType<FieldPath> = z.union([dottedPathSchema, segmentArraySchema], {
  error: (issue) =>
    issue.code === 'invalid_union' && issue.input !== undefined
      ? 'a field path is a dotted string ("userIdentity.type"), a derived key ("$identity") or an array of segments (["tlsDetails", "tlsVersion"])'
      : undefined,
});

function dottedPathProblem(text: string): string | undefined {
  if (text.startsWith(DERIVED_PREFIX)) {
    if (DERIVED_KEY_SET.has(text)) return undefined;
    return `unknown derived key "${text}"${didYouMean(text, DERIVED_KEYS)}; known: ${DERIVED_KEYS.join(', ')} (use the array form ["${text}"] for a record key that starts with "$")`;
  }
  const segments = text.split('.');
  if (segments.includes('')) {
    return `field path "${text}" has an empty segment; write keys that contain a dot in the array form, e.g. ["tlsDetails", "tlsVersion"]`;
  }
  if (segments.length > MAX_PATH_SEGMENTS) return `field path "${text}" has more than ${MAX_PATH_SEGMENTS} segments`;
  return undefined;
}

/** One step into the record: an object key, or an array index when the segment is a whole number. */
export interface PathSegment {
  readonly key: string;
  readonly index: number | undefined;
}

export type ResolvedPath =
  | { readonly kind: 'derived'; readonly key: DerivedKey }
  | { readonly kind: 'record'; readonly segments: readonly PathSegment[] };

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,8})$/;

/** Splits a validated path once, at compile time, so reading a record never parses text. */
export function resolveFieldPath(path: FieldPath): ResolvedPath {
  if (typeof path === 'string') {
    if (isDerivedKey(path)) return { kind: 'derived', key: path };
    return { kind: 'record', segments: path.split('.').map(toSegment) };
  }
  return { kind: 'record', segments: path.map((segment) => toSegment(String(segment))) };
}

function isDerivedKey(text: string): text is DerivedKey {
  return DERIVED_KEY_SET.has(text);
}

function toSegment(key: string): PathSegment {
  return { key, index: ARRAY_INDEX.test(key) ? Number(key) : undefined };
}
