import { presentString, type RawCloudTrailRecord } from './raw-record';

/** The eventType the metrics count (metrics.md "Input"); records without any eventType count too. */
const API_CALL_EVENT_TYPE = 'AwsApiCall';

/** Key under which `events.byEventType` counts records that carry no eventType (metrics.md "Input"). */
export const ABSENT_EVENT_TYPE_KEY = '(absent)';

/** True for API calls: `eventType` is "AwsApiCall" or absent (null, missing, or not a non-empty string). */
export function isApiCall(record: RawCloudTrailRecord): boolean {
  const eventType = record['eventType'];
  return eventType === API_CALL_EVENT_TYPE || !presentString(eventType);
}

/** The `events.byEventType` key of a record: its eventType, or "(absent)". Agrees with {@link isApiCall}. */
export function eventTypeKey(record: RawCloudTrailRecord): string {
  const eventType = record['eventType'];
  return presentString(eventType) ? eventType : ABSENT_EVENT_TYPE_KEY;
}
