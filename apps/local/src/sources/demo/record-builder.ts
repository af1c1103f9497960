/** Assembles one demo CloudTrail record from who called what, where and when, in CloudTrail's field order. */
import { isoSeconds, userIdentity } from './identity';
import { type Random } from './random';
import { requestParameters } from './request-parameters';
import { GLOBAL_REGION } from './world/organization';
import { type Principal } from './world/principals';

export interface DemoCall {
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  readonly data?: boolean;
  readonly global?: boolean;
}

export interface RecordSpec {
  readonly principal: Principal;
  readonly session?: string;
  readonly call: DemoCall;
  /** The account the call was made in (recipientAccountId). */
  readonly recipientAccountId: string;
  readonly region: string;
  readonly timeMs: number;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly error?: { readonly code: string; readonly message: string };
  /** Overrides the generated requestParameters (null included). */
  readonly requestParameters?: Record<string, unknown> | null;
  readonly responseElements?: Record<string, unknown> | null;
  readonly additionalEventData?: Record<string, unknown>;
  readonly eventType?: 'AwsApiCall' | 'AwsConsoleSignIn';
}

export function buildRecord(spec: RecordSpec, seed: number, eventId: string, random: Random): Record<string, unknown> {
  const { call } = spec;
  const region = call.global === true ? GLOBAL_REGION : spec.region;
  const consoleSession = spec.principal.shape.type !== 'AWSService' && 'console' in spec.principal.shape && spec.principal.shape.console === true;
  const service = call.eventSource.slice(0, call.eventSource.indexOf('.'));
  const isServiceCaller = spec.sourceIPAddress.endsWith('.amazonaws.com');
  return {
    eventVersion: call.data === true ? '1.09' : '1.10',
    userIdentity: userIdentity({ seed, principal: spec.principal, session: spec.session, timeMs: spec.timeMs }),
    eventTime: isoSeconds(spec.timeMs),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: region,
    sourceIPAddress: spec.sourceIPAddress,
    userAgent: spec.userAgent,
    ...(spec.error === undefined ? {} : { errorCode: spec.error.code, errorMessage: spec.error.message }),
    requestParameters:
      spec.requestParameters === undefined ? requestParameters({ eventSource: call.eventSource, eventName: call.eventName, account: spec.recipientAccountId, region, random }) : spec.requestParameters,
    responseElements: spec.responseElements ?? null,
    ...(spec.additionalEventData === undefined ? {} : { additionalEventData: spec.additionalEventData }),
    requestID: random.uuid(),
    eventID: eventId,
    readOnly: call.readOnly,
    eventType: spec.eventType ?? 'AwsApiCall',
    managementEvent: call.data !== true,
    recipientAccountId: spec.recipientAccountId,
    eventCategory: call.data === true ? 'Data' : 'Management',
    ...(isServiceCaller
      ? {}
      : { tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: call.global === true ? `${service}.amazonaws.com` : `${service}.${region}.amazonaws.com` } }),
    ...(consoleSession ? { sessionCredentialFromConsole: 'true' } : {}),
  };
}
