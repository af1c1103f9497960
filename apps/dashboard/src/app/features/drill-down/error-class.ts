import { type ErrorClass } from '../../core/state/view-state';

/**
 * The error class of a record's errorCode, by the rules the custom metrics' `$errorClass` uses in
 * spirit (see contract-gaps.ts: the contract does not export the engine's classifier yet).
 */
export function errorClassOf(errorCode: unknown): ErrorClass {
  if (errorCode === undefined || errorCode === null || errorCode === '') return 'none';
  const code = String(errorCode);
  if (/AccessDenied|UnauthorizedOperation|Unauthorized|Forbidden|NotAuthorized/i.test(code)) return 'access-denied';
  if (/Throttl|RequestLimitExceeded|TooManyRequests|SlowDown|RateExceeded/i.test(code)) return 'throttling';
  return 'other';
}
