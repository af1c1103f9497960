// Which services and operations the generated calls hit. Event sources and operation names come
// from the generated service catalog, so every generated call is one a real trail could contain
// and the catalog classifies it like the engine does.
import { type ActivityCategory, catalogServices, type CatalogService } from '@trailpulse/event-schema';
import { Prng } from './prng';
import { ZipfSampler } from './zipf';

/** How many distinct event sources the trail uses. */
export const SERVICE_COUNT = 150;

/**
 * Chance that a call to a service with both reads and writes is a read. Some busy services only
 * read (STS), so this lands the trail at ~70% reads overall, as in typical management-event trails.
 */
export const READ_SHARE = 0.64;

/**
 * The busiest services of a typical account, busiest first, so the Zipf head looks like a real
 * trail (STS, EC2, S3, IAM, KMS on top). The rest of the 150 are drawn from the catalog.
 */
export const HEAD_SERVICE_IDS: readonly string[] = [
  'sts', 'ec2', 's3', 'iam', 'kms', 'lambda', 'logs', 'cloudwatch', 'ssm', 'dynamodb', 'sqs', 'sns',
  'secretsmanager', 'cloudformation', 'ecr', 'ecs', 'eks', 'rds', 'elbv2', 'autoscaling', 'route53',
  'cloudtrail', 'config', 'guardduty', 'securityhub', 'organizations', 'events', 'athena', 'glue',
  'sso', 'apigateway', 'elasticache', 'kinesis', 'firehose', 'stepfunctions', 'codebuild', 'acm',
  'wafv2', 'backup', 'resourcegroupstaggingapi', 'health', 'cloudfront', 'ses', 'inspector2',
  'application-autoscaling', 'xray', 'bedrock-runtime', 'sagemaker', 'redshift', 'efs',
];

/**
 * Lambda's CloudTrail event names carry the API version (`ListFunctions20150331`); keeping that
 * quirk exercises the classifier's event-name normalization on the engine's hot path.
 */
const EVENT_NAME_SUFFIX: Readonly<Record<string, string>> = { 'lambda.amazonaws.com': '20150331' };

export interface GeneratedOperation {
  /** The eventName as CloudTrail records it. */
  readonly eventName: string;
  readonly category: ActivityCategory;
  /** The operation name without its leading verb (`Instances` of `DescribeInstances`), for payload field names. */
  readonly noun: string;
}

/** Operations of one kind (reads or writes) of a service, drawn with a Zipf skew. */
class OperationPool {
  private readonly zipf: ZipfSampler;

  constructor(readonly operations: readonly GeneratedOperation[]) {
    this.zipf = new ZipfSampler(operations.length, 1.1);
  }

  draw(prng: Prng): GeneratedOperation {
    return this.operations[this.zipf.sample(prng)] as GeneratedOperation;
  }
}

export class GeneratedService {
  private readonly reads: OperationPool | undefined;
  private readonly writes: OperationPool | undefined;

  constructor(
    readonly id: string,
    readonly eventSource: string,
    operations: readonly GeneratedOperation[],
  ) {
    const reads = operations.filter((op) => op.category === 'read');
    const writes = operations.filter((op) => op.category !== 'read');
    this.reads = reads.length > 0 ? new OperationPool(reads) : undefined;
    this.writes = writes.length > 0 ? new OperationPool(writes) : undefined;
  }

  /** A read with probability READ_SHARE when the service has both kinds, else whichever kind it has. */
  drawOperation(prng: Prng): GeneratedOperation {
    const wantRead = prng.chance(READ_SHARE);
    const pool = (wantRead ? this.reads : this.writes) ?? this.reads ?? this.writes;
    if (pool === undefined) throw new RangeError(`service ${this.id} has no operations`);
    return pool.draw(prng);
  }
}

/** The operation name without its first word: `DescribeInstances` -> `Instances`. */
export function operationNoun(operationName: string): string {
  const match = /^[A-Z][a-z0-9]*(.+)$/.exec(operationName);
  return match?.[1] ?? operationName;
}

function toGeneratedService(service: CatalogService, prng: Prng): GeneratedService {
  const eventSource = service.eventSources[0] as string;
  const suffix = EVENT_NAME_SUFFIX[eventSource] ?? '';
  // Shuffled so the busiest operation of a service is not always the alphabetically first one.
  const operations = prng.shuffled(service.operations).map((op) => ({
    eventName: op.name + suffix,
    category: op.category,
    noun: operationNoun(op.name),
  }));
  return new GeneratedService(service.id, eventSource, operations);
}

/** A service missing from HEAD_SERVICE_IDS was renamed or dropped in the catalog. */
export class UnknownHeadServiceError extends Error {
  override readonly name = 'UnknownHeadServiceError';
}

/**
 * SERVICE_COUNT services with distinct event sources, busiest first: the head list, then
 * catalog services with both reads and writes in a seed-dependent order.
 */
export function selectServices(seed: number): readonly GeneratedService[] {
  const prng = new Prng(seed ^ 0x5e41_ce55);
  const catalog = catalogServices();
  const byId = new Map(catalog.map((service) => [service.id, service]));
  const chosen: CatalogService[] = [];
  const usedSources = new Set<string>();
  const take = (service: CatalogService): void => {
    const source = service.eventSources[0];
    if (source === undefined || usedSources.has(source) || service.operations.length === 0) return;
    usedSources.add(source);
    chosen.push(service);
  };
  for (const id of HEAD_SERVICE_IDS) {
    const service = byId.get(id);
    if (service === undefined) throw new UnknownHeadServiceError(`head service "${id}" is not in the service catalog`);
    take(service);
  }
  const hasBothKinds = (service: CatalogService): boolean =>
    service.operations.some((op) => op.category === 'read') && service.operations.some((op) => op.category !== 'read');
  for (const service of prng.shuffled(catalog.filter(hasBothKinds))) {
    if (chosen.length >= SERVICE_COUNT) break;
    take(service);
  }
  return chosen.map((service) => toGeneratedService(service, prng));
}
