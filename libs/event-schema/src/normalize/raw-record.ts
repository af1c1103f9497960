/**
 * A record as it comes out of JSON.parse: any field may be missing, null or of the wrong type.
 * The normalize helpers read it defensively and never throw, so they can run on records that
 * were only checked for eventTime/eventSource/eventName.
 */
export type RawCloudTrailRecord = Readonly<Record<string, unknown>>;

/**
 * The one presence rule every helper here shares: a field counts as present only when it is a
 * non-empty string. metrics.md makes null mean absent and skips empty values for the identity
 * key and errorCode; applying the same rule to every field keeps all surfaces consistent.
 */
export function presentString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** The value as a plain object for further field reads, or undefined for null, arrays and primitives. */
export function asObject(value: unknown): RawCloudTrailRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as RawCloudTrailRecord)
    : undefined;
}
