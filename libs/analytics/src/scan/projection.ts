/**
 * The scanned fields as a small record object. The reference helpers (judgeRecord, factsFromRecord)
 * then run on it unchanged, so the fast path shares their logic instead of re-implementing it:
 * for those helpers the projection and the full parsed record are indistinguishable, because
 * they read only these fields.
 */
import {
  AWS_REGION,
  ERROR_CODE,
  EVENT_NAME,
  EVENT_SOURCE,
  EVENT_TIME,
  EVENT_TYPE,
  IDENTITY_ACCOUNT_ID,
  IDENTITY_ARN,
  IDENTITY_INVOKED_BY,
  IDENTITY_PRINCIPAL_ID,
  IDENTITY_TYPE,
  IDENTITY_USER_NAME,
  ISSUER_ARN,
  READ_ONLY,
  RECIPIENT_ACCOUNT_ID,
  SESSION_CONTEXT,
  SESSION_ISSUER,
  SOURCE_IP_ADDRESS,
  USER_IDENTITY,
  WALKED_OBJECT,
} from './projected-fields';

/**
 * The record as far as the metrics can tell. Every key is always present (undefined when the field
 * was absent) so all projections share one object shape and the helpers' property reads stay
 * monomorphic; reading an undefined-valued key gives the same answer as reading a missing one.
 */
export function projectRecord(slots: readonly unknown[]): Readonly<Record<string, unknown>> {
  return {
    eventTime: slots[EVENT_TIME],
    eventSource: slots[EVENT_SOURCE],
    eventName: slots[EVENT_NAME],
    eventType: slots[EVENT_TYPE],
    sourceIPAddress: slots[SOURCE_IP_ADDRESS],
    errorCode: slots[ERROR_CODE],
    readOnly: slots[READ_ONLY],
    recipientAccountId: slots[RECIPIENT_ACCOUNT_ID],
    awsRegion: slots[AWS_REGION],
    userIdentity: slots[USER_IDENTITY] === WALKED_OBJECT ? projectIdentity(slots) : slots[USER_IDENTITY],
  };
}

function projectIdentity(slots: readonly unknown[]): Readonly<Record<string, unknown>> {
  return {
    arn: slots[IDENTITY_ARN],
    sessionContext: slots[SESSION_CONTEXT] === WALKED_OBJECT ? { sessionIssuer: projectIssuer(slots) } : slots[SESSION_CONTEXT],
    userName: slots[IDENTITY_USER_NAME],
    principalId: slots[IDENTITY_PRINCIPAL_ID],
    invokedBy: slots[IDENTITY_INVOKED_BY],
    type: slots[IDENTITY_TYPE],
    accountId: slots[IDENTITY_ACCOUNT_ID],
  };
}

function projectIssuer(slots: readonly unknown[]): unknown {
  return slots[SESSION_ISSUER] === WALKED_OBJECT ? { arn: slots[ISSUER_ARN] } : slots[SESSION_ISSUER];
}

