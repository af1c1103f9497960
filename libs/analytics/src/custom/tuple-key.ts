import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type FieldPath } from './field-path';
import { fieldReader } from './field-reader';
import { measureKey } from './metric-runtime';

/** Reads a tuple key: the JSON array of each field's key, or undefined when any field is absent. */
export type TupleKeyReader = (record: CloudTrailLikeRecord, facts: CallFacts) => string | undefined;

/**
 * A reader for the tuple of `fields`. The key is the JSON text of the array of field keys (each as
 * measureKey makes it, so capped), unambiguous whatever characters the values hold.
 */
export function tupleKeyReader(fields: readonly FieldPath[]): TupleKeyReader {
  const readers = fields.map((field) => fieldReader(field));
  return (record, facts) => {
    const parts: string[] = [];
    for (const read of readers) {
      const part = measureKey(read(record, facts));
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return JSON.stringify(parts);
  };
}

/** The tuple of a key tupleKeyReader made. */
export function tupleOf(key: string): string[] {
  return JSON.parse(key) as string[];
}

/** Tuples compared field by field, each in UTF-16 code unit order (the order of every list in the output). */
export function compareTuples(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** True for text tupleKeyReader could have made: a JSON array of strings. */
export function isTupleKey(key: string): boolean {
  try {
    const value: unknown = JSON.parse(key);
    return Array.isArray(value) && value.every((part) => typeof part === 'string');
  } catch {
    return false;
  }
}
