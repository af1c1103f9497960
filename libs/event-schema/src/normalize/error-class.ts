import { presentString, type RawCloudTrailRecord } from './raw-record';

/** Coarse outcome of a call, for "who is being denied" and "who is being throttled" views. */
export const ERROR_CLASSES = ['none', 'access-denied', 'throttling', 'other'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

// Substrings rather than exact codes: services wrap the same condition differently
// (AccessDenied, AccessDeniedException, VpceAccessDenied, Client.UnauthorizedOperation, ...).
// Authorization failures only: authentication problems (ExpiredToken, InvalidClientTokenId,
// SignatureDoesNotMatch, AuthFailure) are a different signal and stay 'other'.
const ACCESS_DENIED_MARKERS: readonly string[] = [
  'AccessDenied',
  'Unauthorized', // UnauthorizedOperation (EC2), UnauthorizedAccess, UnauthorizedException
  'Forbidden',
  'NotAuthorized',
  'AuthorizationError', // SNS
  'InsufficientPermission',
  'InsufficientPrivilege',
];

// Rate limiting only. Quota errors such as LimitExceededException (too many users, keys, ...)
// are not throttling, which is why EC2's RequestLimitExceeded is listed whole.
const THROTTLING_MARKERS: readonly string[] = [
  'Throttl', // Throttling, ThrottlingException, RequestThrottled, ThrottledException
  'TooManyRequests',
  'RequestLimitExceeded', // EC2
  'SlowDown', // S3
  'ProvisionedThroughputExceeded', // DynamoDB, Kinesis
  'RateExceeded',
  'Rate exceeded',
  'PriorRequestNotComplete', // Route 53
  'BandwidthLimitExceeded',
];

function containsAny(text: string, markers: readonly string[]): boolean {
  for (const marker of markers) {
    if (text.includes(marker)) return true;
  }
  return false;
}

/** True when the call succeeded: no errorCode (absent, null, "" or not a string; metrics.md `ec2SuccessfulCalls`). */
export function isSuccessful(record: RawCloudTrailRecord): boolean {
  return !presentString(record['errorCode']);
}

/**
 * Classifies `errorCode`: 'none' on success, else 'access-denied', 'throttling' or 'other'.
 * Case-sensitive, as AWS error codes are.
 */
export function errorClass(record: RawCloudTrailRecord): ErrorClass {
  const errorCode = record['errorCode'];
  if (!presentString(errorCode)) return 'none';
  if (containsAny(errorCode, ACCESS_DENIED_MARKERS)) return 'access-denied';
  if (containsAny(errorCode, THROTTLING_MARKERS)) return 'throttling';
  return 'other';
}
