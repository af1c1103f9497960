import fc from 'fast-check';
import { allRecordLikeObjects } from '../schema/testing/cloudtrail-corpora';
import { ERROR_CLASSES, errorClass, isSuccessful, type ErrorClass } from './index';

/**
 * Every errorCode found in the corpora, with the class its meaning calls for (AWS error
 * documentation). A new code in the data fails the coverage test below until it is added here.
 */
const CORPUS_ERROR_CODES: Readonly<Record<string, ErrorClass>> = {
  AccessDenied: 'access-denied',
  'Client.UnauthorizedOperation': 'access-denied',
  UnauthorizedOperation: 'access-denied',
  VpceAccessDenied: 'access-denied',
  // Authentication, not authorization: expired or invalid credentials are a different signal.
  RequestExpired: 'other',
  ExpiredToken: 'other',
  CloudTrailInvalidClientTokenIdException: 'other',
  // A dry run that would have succeeded: not a denial.
  'Client.DryRunOperation': 'other',
  // A quota on resources, not on request rate.
  LimitExceededException: 'other',
  NoSuchEntity: 'other',
  EntityAlreadyExists: 'other',
  EntityNotFoundException: 'other',
  EntityTemporarilyUnmodifiableException: 'other',
  ValidationError: 'other',
  TrailNotFoundException: 'other',
  InvalidTrailNameException: 'other',
  NotOrganizationMasterAccountException: 'other',
  NoSuchLifecycleConfiguration: 'other',
  InvalidDeliveryChannelNameException: 'other',
  NoSuchDeliveryChannelException: 'other',
  InvalidCharacter: 'other',
  Blocked: 'other',
  SomeErrorCode: 'other',
  'Client.NetworkInterfaceNotSupported': 'other',
  UnknownParameter: 'other',
  NotFoundException: 'other',
  InvalidDBInstanceState: 'other',
  InvalidDBSnapshotState: 'other',
  BucketNotEmpty: 'other',
  ConflictException: 'other',
  PasswordPolicyViolation: 'other',
};

/** Codes AWS services return for denials and rate limits that the corpora happen not to contain. */
const OTHER_KNOWN_ERROR_CODES: Readonly<Record<string, ErrorClass>> = {
  AccessDeniedException: 'access-denied',
  'KMS.AccessDeniedException': 'access-denied',
  UnauthorizedAccess: 'access-denied',
  UnauthorizedException: 'access-denied',
  Forbidden: 'access-denied',
  ForbiddenException: 'access-denied',
  NotAuthorized: 'access-denied',
  NotAuthorizedException: 'access-denied',
  AuthorizationError: 'access-denied',
  AuthorizationErrorException: 'access-denied',
  InsufficientPermissionsException: 'access-denied',
  Throttling: 'throttling',
  ThrottlingException: 'throttling',
  ThrottledException: 'throttling',
  RequestThrottled: 'throttling',
  RequestThrottledException: 'throttling',
  RequestLimitExceeded: 'throttling',
  'Client.RequestLimitExceeded': 'throttling',
  TooManyRequestsException: 'throttling',
  SlowDown: 'throttling',
  ProvisionedThroughputExceededException: 'throttling',
  'Rate exceeded': 'throttling',
  PriorRequestNotComplete: 'throttling',
  InvalidClientTokenId: 'other',
  SignatureDoesNotMatch: 'other',
  AuthFailure: 'other',
  ServiceQuotaExceededException: 'other',
  InternalError: 'other',
};

describe('errorClass', () => {
  it.each(Object.entries(CORPUS_ERROR_CODES))('classifies the corpus errorCode %p as %p', (errorCode, expected) => {
    expect(errorClass({ errorCode })).toBe(expected);
  });

  it.each(Object.entries(OTHER_KNOWN_ERROR_CODES))('classifies %p as %p', (errorCode, expected) => {
    expect(errorClass({ errorCode })).toBe(expected);
  });

  it('has a classification for every errorCode in the corpora', () => {
    // Prepare
    const corpusCodes = new Set(
      allRecordLikeObjects()
        .map(({ record }) => record['errorCode'])
        .filter((code): code is string => typeof code === 'string' && code !== ''),
    );

    // Act
    const unlisted = [...corpusCodes].filter((code) => !(code in CORPUS_ERROR_CODES));

    // Assess
    expect(unlisted).toEqual([]);
  });

  it.each([
    ['missing', {}],
    ['null', { errorCode: null }],
    ['empty', { errorCode: '' }],
  ])('is "none" when errorCode is %s', (_case, record) => {
    expect(errorClass(record)).toBe('none');
  });

  it('is one of ERROR_CLASSES for any JSON errorCode, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (errorCode) => ERROR_CLASSES.includes(errorClass({ errorCode }))),
    );
  });
});

describe('isSuccessful (metrics.md ec2SuccessfulCalls: no errorCode, absent, null or "")', () => {
  it.each([
    ['missing', {}],
    ['null', { errorCode: null }],
    ['empty', { errorCode: '' }],
  ])('is true when errorCode is %s', (_case, record) => {
    expect(isSuccessful(record)).toBe(true);
  });

  it.each(['AccessDenied', 'Client.DryRunOperation', 'ThrottlingException', ' '])('is false for errorCode %p', (errorCode) => {
    expect(isSuccessful({ errorCode })).toBe(false);
  });

  it('agrees with errorClass for any JSON errorCode', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (errorCode) => isSuccessful({ errorCode }) === (errorClass({ errorCode }) === 'none')),
    );
  });
});
