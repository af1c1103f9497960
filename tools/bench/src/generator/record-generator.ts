// Generated CloudTrail records, one JSON line each, in the field order CloudTrail writes.
import { drawRegion, makeAccountIds, recordedRegion } from './accounts-regions';
import { drawCallError, ERROR_SHARE } from './call-errors';
import { EventClock } from './event-clock';
import { type GeneratorOptions, resolveGeneratorOptions } from './generator-options';
import { type JsonObject, type JsonValue } from './json-value';
import { callPayload } from './payloads';
import { type Principal, PrincipalPool } from './principals';
import { Prng } from './prng';
import { type GeneratedService, selectServices } from './service-mix';
import { SourceIpPool } from './source-ip-pool';
import { userAgentFor } from './user-agents';
import { ZipfSampler } from './zipf';

/** Share of records with a `readOnly` field. */
export const READ_ONLY_PRESENT_SHARE = 0.9;
/** Shares of the records that are not API calls (metrics.md counts only AwsApiCall). */
export const SERVICE_EVENT_SHARE = 0.02;
export const CONSOLE_SIGN_IN_SHARE = 0.004;

/** AwsServiceEvent records: things AWS does on its own (key and secret rotations). */
const SERVICE_EVENTS: readonly (readonly [eventSource: string, eventName: string, resourceType: string, arnPrefix: string])[] = [
  ['kms.amazonaws.com', 'RotateKey', 'AWS::KMS::Key', 'kms:{region}:{account}:key/'],
  ['secretsmanager.amazonaws.com', 'RotationStarted', 'AWS::SecretsManager::Secret', 'secretsmanager:{region}:{account}:secret:'],
  ['secretsmanager.amazonaws.com', 'RotationSucceeded', 'AWS::SecretsManager::Secret', 'secretsmanager:{region}:{account}:secret:'],
];

/** Calls relayed by AWS itself (console backend) reach the API without a client TLS session of their own. */
const INTERNAL_USER_AGENTS: ReadonlySet<string> = new Set(['AWS Internal', 'console.amazonaws.com']);

const TLS_VERSIONS: readonly (readonly [version: string, cipher: string])[] = [
  ['TLSv1.3', 'TLS_AES_128_GCM_SHA256'],
  ['TLSv1.2', 'ECDHE-RSA-AES128-GCM-SHA256'],
];

/** The pools a generated trail draws from; built from their own PRNG streams so the record count does not change them. */
interface TrailPools {
  readonly services: readonly GeneratedService[];
  readonly serviceZipf: ZipfSampler;
  readonly principals: PrincipalPool;
  readonly sourceIps: SourceIpPool;
}

function buildPools(options: GeneratorOptions): TrailPools {
  const services = selectServices(options.seed);
  const poolPrng = new Prng(options.seed ^ 0x0ddb_a11);
  const accountIds = makeAccountIds(options.accounts, poolPrng);
  const sessionStart = `${new Date(Date.parse(options.startTime) - 3_600_000).toISOString().slice(0, 19)}Z`;
  return {
    services,
    serviceZipf: new ZipfSampler(services.length, 1.1),
    principals: new PrincipalPool(options.identities, accountIds, drawRegion, sessionStart, poolPrng),
    sourceIps: new SourceIpPool(options.distinctIps, options.hotIpShare, poolPrng.nextUint32()),
  };
}

export class CloudTrailRecordGenerator {
  readonly options: GeneratorOptions;
  private readonly pools: TrailPools;
  private readonly prng: Prng;
  private readonly clock: EventClock;
  /** sourceIPAddress values that are not pool addresses (service host names), for the distinct count. */
  private readonly otherSourceIps = new Set<string>();

  constructor(options: Partial<GeneratorOptions> = {}) {
    this.options = resolveGeneratorOptions(options);
    this.pools = buildPools(this.options);
    this.prng = new Prng(this.options.seed);
    this.clock = new EventClock(this.options.startTime, this.options.spanSeconds, this.options.records);
  }

  /** The records, one JSON text each (no newline). */
  *records(): Generator<string> {
    for (let index = 0; index < this.options.records; index++) yield JSON.stringify(this.record(index));
  }

  /** Distinct sourceIPAddress values among the records produced so far. */
  get distinctSourceIps(): number {
    return this.pools.sourceIps.distinctDrawn + this.otherSourceIps.size;
  }

  private record(index: number): JsonObject {
    const { prng } = this;
    const principal = this.pools.principals.draw(prng);
    const eventTime = this.clock.timeOf(index);
    const kind = prng.nextFloat();
    if (kind < SERVICE_EVENT_SHARE) return this.serviceEvent(principal, eventTime);
    if (kind < SERVICE_EVENT_SHARE + CONSOLE_SIGN_IN_SHARE && principal.usesConsole) return this.consoleSignIn(principal, eventTime);
    return this.apiCall(principal, eventTime);
  }

  private sourceIp(principal: Principal): string {
    if (principal.serviceHost !== undefined && this.options.serviceCallersUseHostNames) {
      this.otherSourceIps.add(principal.serviceHost);
      return principal.serviceHost;
    }
    return this.pools.sourceIps.draw(this.prng);
  }

  private callerRegion(principal: Principal): string {
    return this.prng.chance(0.8) ? principal.homeRegion : drawRegion(this.prng);
  }

  private apiCall(principal: Principal, eventTime: string): JsonObject {
    const { prng } = this;
    const service = this.pools.services[this.pools.serviceZipf.sample(prng)] as GeneratedService;
    const operation = service.drawOperation(prng);
    const region = recordedRegion(service.eventSource, this.callerRegion(principal));
    const failed = prng.chance(ERROR_SHARE);
    const payload = callPayload(
      { prng, serviceId: service.id, noun: operation.noun, eventName: operation.eventName, category: operation.category, accountId: principal.accountId, region },
      failed,
    );
    const record: Record<string, JsonValue> = {
      eventVersion: '1.09',
      userIdentity: principal.userIdentity,
      eventTime,
      eventSource: service.eventSource,
      eventName: operation.eventName,
      awsRegion: region,
      sourceIPAddress: this.sourceIp(principal),
      userAgent: userAgentFor(principal.userAgent, service.id),
    };
    if (failed) {
      const caller = principal.userIdentity['arn'];
      const error = drawCallError({
        prng,
        eventSource: service.eventSource,
        serviceId: service.id,
        eventName: operation.eventName,
        caller: typeof caller === 'string' ? caller : principal.accountId,
        resourceArn: `arn:aws:${service.id}:${region}:${principal.accountId}:*`,
      });
      record['errorCode'] = error.errorCode;
      record['errorMessage'] = error.errorMessage;
    }
    record['requestParameters'] = payload.requestParameters;
    record['responseElements'] = payload.responseElements;
    record['requestID'] = prng.uuid();
    record['eventID'] = prng.uuid();
    if (prng.chance(READ_ONLY_PRESENT_SHARE)) record['readOnly'] = operation.category === 'read';
    if (payload.resources !== undefined) record['resources'] = payload.resources;
    record['eventType'] = 'AwsApiCall';
    record['managementEvent'] = true;
    record['recipientAccountId'] = principal.accountId;
    record['eventCategory'] = 'Management';
    if (principal.serviceHost === undefined && !INTERNAL_USER_AGENTS.has(principal.userAgent)) {
      record['tlsDetails'] = this.tlsDetails(service.eventSource, region);
    }
    if (principal.usesConsole) record['sessionCredentialFromConsole'] = 'true';
    return record;
  }

  private tlsDetails(eventSource: string, region: string): JsonObject {
    const [tlsVersion, cipherSuite] = this.prng.pick(TLS_VERSIONS);
    const host = eventSource.replace('.amazonaws.com', `.${region}.amazonaws.com`);
    return { tlsVersion, cipherSuite, clientProvidedHostHeader: host };
  }

  private serviceEvent(principal: Principal, eventTime: string): JsonObject {
    const { prng } = this;
    const [eventSource, eventName, resourceType, arnPrefix] = prng.pick(SERVICE_EVENTS);
    const region = principal.homeRegion;
    const resourceId = prng.uuid();
    const arn = `arn:aws:${arnPrefix.replace('{region}', region).replace('{account}', principal.accountId)}${resourceId}`;
    this.otherSourceIps.add(eventSource);
    return {
      eventVersion: '1.09',
      userIdentity: { accountId: principal.accountId, invokedBy: eventSource },
      eventTime,
      eventSource,
      eventName,
      awsRegion: region,
      sourceIPAddress: eventSource,
      userAgent: eventSource,
      requestParameters: null,
      responseElements: null,
      eventID: prng.uuid(),
      readOnly: false,
      resources: [{ accountId: principal.accountId, type: resourceType, ARN: arn }],
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId: principal.accountId,
      serviceEventDetails: { resourceId },
      eventCategory: 'Management',
    };
  }

  private consoleSignIn(principal: Principal, eventTime: string): JsonObject {
    const { prng } = this;
    const success = prng.chance(0.9);
    const record: Record<string, JsonValue> = {
      eventVersion: '1.08',
      userIdentity: principal.userIdentity,
      eventTime,
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      awsRegion: 'us-east-1',
      sourceIPAddress: this.sourceIp(principal),
      userAgent: principal.userAgent,
    };
    if (!success) record['errorMessage'] = 'Failed authentication';
    record['requestParameters'] = null;
    record['responseElements'] = { ConsoleLogin: success ? 'Success' : 'Failure' };
    record['additionalEventData'] = { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: prng.chance(0.7) ? 'Yes' : 'No' };
    record['eventID'] = prng.uuid();
    record['readOnly'] = false;
    record['eventType'] = 'AwsConsoleSignIn';
    record['managementEvent'] = true;
    record['recipientAccountId'] = principal.accountId;
    record['eventCategory'] = 'Management';
    record['tlsDetails'] = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'signin.aws.amazon.com' };
    return record;
  }
}
