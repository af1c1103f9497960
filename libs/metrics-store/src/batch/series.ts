import { type CloudTrailLikeRecord, recordAccount, recordRegion, UNKNOWN_LOCATION } from '@trailpulse/event-schema';
import { MAX_DIMENSION_LENGTH } from '../table/keys';

/** The account and region a record's windows are stored under. */
export interface SeriesDimensions {
  readonly account: string;
  readonly region: string;
}

/**
 * `recipientAccountId` (else the caller's account) and `awsRegion`, as the engine's normalizer
 * reads them; values too long to be a key (never real ones) count as "unknown".
 */
export function seriesOf(record: CloudTrailLikeRecord): SeriesDimensions {
  return seriesOfDimensions(recordAccount(record), recordRegion(record));
}

/** The same from the account and region already read off a record (a scanner's facts). */
export function seriesOfDimensions(account: string, region: string): SeriesDimensions {
  return { account: bounded(account), region: bounded(region) };
}

function bounded(value: string): string {
  return value.length > MAX_DIMENSION_LENGTH ? UNKNOWN_LOCATION : value;
}
