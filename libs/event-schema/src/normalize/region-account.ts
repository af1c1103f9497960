import { asObject, presentString, type RawCloudTrailRecord } from './raw-record';

/** Region or account of a record that does not say. */
export const UNKNOWN_LOCATION = 'unknown';

/** The region the call was made in (`awsRegion`), or "unknown". */
export function recordRegion(record: RawCloudTrailRecord): string {
  const region = record['awsRegion'];
  return presentString(region) ? region : UNKNOWN_LOCATION;
}

/**
 * The account the record belongs to: `recipientAccountId` (the account whose trail logged it),
 * else the caller's `userIdentity.accountId`, else "unknown".
 */
export function recordAccount(record: RawCloudTrailRecord): string {
  return (
    accountIdText(record['recipientAccountId']) ??
    accountIdText(asObject(record['userIdentity'])?.['accountId']) ??
    UNKNOWN_LOCATION
  );
}

// Account ids are strings in CloudTrail, but hand-written fixtures (StreamAlert's) use numbers;
// reading those as text keeps such records grouped instead of falling back to "unknown".
function accountIdText(value: unknown): string | undefined {
  if (presentString(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
