/**
 * The record fields the built-in metrics read (see ../facts/call-facts.ts), numbered so that the
 * scanner keeps their values in one flat array instead of building nested objects while it walks.
 */
export const EVENT_TIME = 0;
export const EVENT_SOURCE = 1;
export const EVENT_NAME = 2;
export const EVENT_TYPE = 3;
export const SOURCE_IP_ADDRESS = 4;
export const ERROR_CODE = 5;
export const READ_ONLY = 6;
export const RECIPIENT_ACCOUNT_ID = 7;
export const AWS_REGION = 8;
export const USER_IDENTITY = 9;
// userIdentity.*: only meaningful while USER_IDENTITY holds WALKED_OBJECT.
export const IDENTITY_ARN = 10;
export const IDENTITY_USER_NAME = 11;
export const IDENTITY_PRINCIPAL_ID = 12;
export const IDENTITY_INVOKED_BY = 13;
export const IDENTITY_TYPE = 14;
export const IDENTITY_ACCOUNT_ID = 15;
export const SESSION_CONTEXT = 16;
// userIdentity.sessionContext.sessionIssuer(.arn)
export const SESSION_ISSUER = 17;
export const ISSUER_ARN = 18;
export const FIELD_COUNT = 19;

/** A field of the record that is not projected: its value is skipped (and validated). */
export const OTHER_FIELD = -1;
/**
 * A top-level key that can make the text a delivery format rather than a record (S3 `Records`,
 * EventBridge `detail-type`, CloudWatch Logs `messageType`, a digest file): such texts go to the
 * general path, which unwraps them exactly as the readers do.
 */
export const ENVELOPE_FIELD = -2;

/** The objects the scanner descends into; each has its own set of projected keys. */
export const TOP_LEVEL = 0;
export const IN_USER_IDENTITY = 1;
export const IN_SESSION_CONTEXT = 2;
export const IN_SESSION_ISSUER = 3;

/** Slot value of USER_IDENTITY, SESSION_CONTEXT and SESSION_ISSUER when the value was an object (its fields are in the slots after it). */
export const WALKED_OBJECT: unique symbol = Symbol('walked object');

/**
 * Stand-ins for an array or object value of a field read as a scalar (e.g. `"eventSource": []`):
 * the reference helpers only ask whether such a value is an array or an object, never what is in it.
 * Frozen because the projection hands them to code that must not be able to change them.
 */
export const SKIPPED_ARRAY: readonly unknown[] = Object.freeze([]);
export const SKIPPED_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({});

/** The slot where a key of the object at `level` goes, OTHER_FIELD when it is not projected. */
export function projectedField(level: number, key: string): number {
  switch (level) {
    case TOP_LEVEL:
      return TOP_LEVEL_FIELDS.get(key) ?? OTHER_FIELD;
    case IN_USER_IDENTITY:
      return IDENTITY_FIELDS.get(key) ?? OTHER_FIELD;
    case IN_SESSION_CONTEXT:
      return key === 'sessionIssuer' ? SESSION_ISSUER : OTHER_FIELD;
    default:
      return key === 'arn' ? ISSUER_ARN : OTHER_FIELD;
  }
}

const TOP_LEVEL_FIELDS = new Map<string, number>([
  ['eventTime', EVENT_TIME],
  ['eventSource', EVENT_SOURCE],
  ['eventName', EVENT_NAME],
  ['eventType', EVENT_TYPE],
  ['sourceIPAddress', SOURCE_IP_ADDRESS],
  ['errorCode', ERROR_CODE],
  ['readOnly', READ_ONLY],
  ['recipientAccountId', RECIPIENT_ACCOUNT_ID],
  ['awsRegion', AWS_REGION],
  ['userIdentity', USER_IDENTITY],
  ['Records', ENVELOPE_FIELD],
  ['detail-type', ENVELOPE_FIELD],
  ['messageType', ENVELOPE_FIELD],
  ['digestStartTime', ENVELOPE_FIELD],
]);

const IDENTITY_FIELDS = new Map<string, number>([
  ['arn', IDENTITY_ARN],
  ['userName', IDENTITY_USER_NAME],
  ['principalId', IDENTITY_PRINCIPAL_ID],
  ['invokedBy', IDENTITY_INVOKED_BY],
  ['type', IDENTITY_TYPE],
  ['accountId', IDENTITY_ACCOUNT_ID],
  ['sessionContext', SESSION_CONTEXT],
]);

/** Every projected key, by level: the scanner's fast key matcher is checked against these. */
export const PROJECTED_KEYS: readonly (readonly string[])[] = [
  [...TOP_LEVEL_FIELDS.keys()],
  [...IDENTITY_FIELDS.keys()],
  ['sessionIssuer'],
  ['arn'],
];
