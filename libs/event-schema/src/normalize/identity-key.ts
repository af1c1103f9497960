import { asObject, presentString, type RawCloudTrailRecord } from './raw-record';

/** The identity key of a record with no usable userIdentity field (metrics.md "Identity key"). */
export const UNKNOWN_IDENTITY = 'unknown';

/**
 * Who made the call, as one string (metrics.md "Identity key"): the first non-empty string of
 * `u.arn`, `u.sessionContext.sessionIssuer.arn`, `u.userName`, `u.principalId`, `u.invokedBy`,
 * `u.type` with `u = userIdentity`, else "unknown". Values of any other type count as absent.
 * The session issuer's ARN comes second so assumed-role sessions without an `arn` of their own
 * still group under their role.
 */
export function identityKey(record: RawCloudTrailRecord): string {
  const identity = asObject(record['userIdentity']);
  if (identity === undefined) return UNKNOWN_IDENTITY;

  const arn = identity['arn'];
  if (presentString(arn)) return arn;

  const issuerArn = asObject(asObject(identity['sessionContext'])?.['sessionIssuer'])?.['arn'];
  if (presentString(issuerArn)) return issuerArn;

  // Plain ifs instead of a loop over field names: this runs once per record on the hot path.
  const userName = identity['userName'];
  if (presentString(userName)) return userName;
  const principalId = identity['principalId'];
  if (presentString(principalId)) return principalId;
  const invokedBy = identity['invokedBy'];
  if (presentString(invokedBy)) return invokedBy;
  const type = identity['type'];
  if (presentString(type)) return type;

  return UNKNOWN_IDENTITY;
}
