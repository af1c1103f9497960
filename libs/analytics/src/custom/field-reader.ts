import { type CloudTrailLikeRecord, serviceShortName } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { ipPrefix } from './ip-prefix';
import { type DerivedKey, type FieldPath, type PathSegment, resolveFieldPath } from './field-path';

/** Reads one value of a record: undefined when the field is missing or null (metrics.md: null counts as absent). */
export type FieldReader = (record: CloudTrailLikeRecord, facts: CallFacts) => unknown;

/** A reader for `path`, built once per definition; it never throws, whatever the record holds. */
export function fieldReader(path: FieldPath): FieldReader {
  const resolved = resolveFieldPath(path);
  if (resolved.kind === 'derived') return derivedReader(resolved.key);
  const { segments } = resolved;
  const [first] = segments;
  // Most paths are one top-level key (eventName, errorCode): skip the loop for them.
  if (segments.length === 1 && first !== undefined) return (record) => presentValue(step(record, first));
  return (record) => readSegments(record, segments);
}

function derivedReader(key: DerivedKey): FieldReader {
  switch (key) {
    case '$identity':
      return (_record, facts) => facts.identity;
    case '$service':
      return (_record, facts) => serviceShortName(facts.eventSource);
    case '$account':
      return (_record, facts) => facts.account;
    case '$region':
      return (_record, facts) => facts.region;
    case '$errorClass':
      return (_record, facts) => facts.errorClass;
    case '$category':
      return (_record, facts) => facts.category;
    case '$sourceIp':
      return (_record, facts) => facts.sourceIp;
    case '$ipPrefix':
      return (_record, facts) => ipPrefix(facts.sourceIp);
    case '$eventType':
      return (_record, facts) => facts.eventType;
    case '$apiCall':
      return (_record, facts) => `${facts.eventSource}:${facts.eventName}`;
    case '$successful':
      return (_record, facts) => facts.successful;
  }
}

function readSegments(record: CloudTrailLikeRecord, segments: readonly PathSegment[]): unknown {
  let value: unknown = record;
  for (const segment of segments) {
    value = step(value, segment);
    if (value === undefined) return undefined;
  }
  return presentValue(value);
}

/**
 * One step down: an array is indexed only by a whole-number segment, an object only by its own
 * keys (so `constructor` or `__proto__` never reach Object.prototype), anything else has no fields.
 */
function step(value: unknown, segment: PathSegment): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return segment.index === undefined ? undefined : (value as readonly unknown[])[segment.index];
  return Object.hasOwn(value, segment.key) ? (value as Readonly<Record<string, unknown>>)[segment.key] : undefined;
}

function presentValue(value: unknown): unknown {
  return value === null ? undefined : value;
}
