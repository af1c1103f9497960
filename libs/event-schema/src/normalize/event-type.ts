import { type RawCloudTrailRecord } from './raw-record';

/** The eventType the metrics count (metrics.md "Input"); records without any eventType count too. */
const API_CALL_EVENT_TYPE = 'AwsApiCall';

/** Key under which `events.byEventType` counts records that carry no eventType (metrics.md "Input"). */
export const ABSENT_EVENT_TYPE_KEY = '(absent)';

/**
 * True for API calls: metrics.md "Input": `eventType` is "AwsApiCall" or absent, and "a field that
 * is null counts as absent". Any other value (another type name, "", a number) is present and
 * not "AwsApiCall", so not an API call.
 */
export function isApiCall(record: RawCloudTrailRecord): boolean {
  const eventType = record['eventType'];
  return eventType === API_CALL_EVENT_TYPE || eventType == null;
}

/**
 * The `events.byEventType` key of a record: its eventType as recorded ("(absent)" when missing or
 * null). A non-string value is keyed by its text (`5` -> "5"); objects and arrays, which no real
 * record has, by their kind, so a key never grows with the data. Agrees with {@link isApiCall}.
 */
export function eventTypeKey(record: RawCloudTrailRecord): string {
  const eventType = record['eventType'];
  if (eventType == null) return ABSENT_EVENT_TYPE_KEY;
  if (typeof eventType === 'string') return eventType;
  if (typeof eventType === 'object') return Array.isArray(eventType) ? '(array)' : '(object)';
  return String(eventType);
}
