// requestParameters, responseElements and resources shaped like real ones: field names derived
// from the operation, resource names and ARNs in the account and region of the call. They make
// records the size of real ones (the parser's cost grows with bytes, not with field count only).
import { type ActivityCategory } from '@trailpulse/event-schema';
import { type JsonObject, type JsonValue } from './json-value';
import { type Prng } from './prng';

export interface CallContext {
  readonly prng: Prng;
  readonly serviceId: string;
  /** Operation name without its verb, e.g. `Instances`. */
  readonly noun: string;
  readonly eventName: string;
  readonly category: ActivityCategory;
  readonly accountId: string;
  readonly region: string;
}

export interface CallPayload {
  readonly requestParameters: JsonValue;
  readonly responseElements: JsonValue;
  /** Only some write calls name the resources they touched. */
  readonly resources: readonly JsonObject[] | undefined;
}

const TEAMS: readonly string[] = ['payments', 'search', 'platform', 'data', 'identity', 'media', 'growth', 'security'];
const ENVIRONMENTS: readonly string[] = ['prod', 'staging', 'dev'];

/** `Instances` -> `instance`: the key stem of the resource the operation works on. */
function keyStem(noun: string): string {
  const lower = noun.charAt(0).toLowerCase() + noun.slice(1);
  return lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

function kebab(noun: string): string {
  return noun.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

interface ResourceRef {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
}

function resourceRef(ctx: CallContext): ResourceRef {
  const { prng } = ctx;
  const kind = kebab(ctx.noun);
  const name = `${prng.pick(TEAMS)}-${kind}-${prng.hex(6)}`;
  return {
    name,
    id: `${kind.slice(0, 3)}-${prng.hex(17)}`,
    arn: `arn:aws:${ctx.serviceId}:${ctx.region}:${ctx.accountId}:${kind}/${name}`,
  };
}

function readRequest(ctx: CallContext): JsonValue {
  const { prng } = ctx;
  const stem = keyStem(ctx.noun);
  if (/^(Describe|List|Search|Scan|Query)/.test(ctx.eventName)) {
    // Listing everything is the most common read, and CloudTrail records it without parameters.
    if (prng.chance(0.5)) return null;
    const request: Record<string, JsonValue> = { maxResults: prng.pick([50, 100, 1000]) };
    if (prng.chance(0.3)) request['filters'] = [{ name: 'tag:team', values: [prng.pick(TEAMS)] }];
    if (prng.chance(0.2)) request['nextToken'] = `eyJ${prng.hex(24 + prng.nextInt(48))}`;
    return request;
  }
  const ref = resourceRef(ctx);
  return prng.chance(0.8) ? { [`${stem}Id`]: ref.id } : { [`${stem}Arn`]: ref.arn };
}

function writeRequest(ctx: CallContext, ref: ResourceRef): JsonValue {
  const { prng } = ctx;
  const stem = keyStem(ctx.noun);
  switch (ctx.category) {
    case 'create':
      return {
        [`${stem}Name`]: ref.name,
        tags: [
          { key: 'team', value: prng.pick(TEAMS) },
          { key: 'env', value: prng.pick(ENVIRONMENTS) },
        ],
      };
    case 'delete':
      return { [`${stem}Id`]: ref.id, force: prng.chance(0.2) };
    default:
      return prng.chance(0.5) ? { [`${stem}Id`]: ref.id, enabled: prng.chance(0.5) } : { [`${stem}Arn`]: ref.arn, retentionDays: prng.pick([7, 30, 90, 365]) };
  }
}

function writeResponse(ctx: CallContext, ref: ResourceRef): JsonValue {
  const { prng } = ctx;
  const stem = keyStem(ctx.noun);
  switch (ctx.category) {
    case 'create':
      return { [stem]: { [`${stem}Arn`]: ref.arn, [`${stem}Id`]: ref.id, status: 'CREATING' } };
    case 'delete':
      return prng.chance(0.5) ? { requestId: prng.uuid(), return: true } : null;
    default:
      return prng.chance(0.3) ? { [`${stem}Arn`]: ref.arn } : null;
  }
}

/** The payload of a call; failed calls have no responseElements, as in CloudTrail. */
export function callPayload(ctx: CallContext, failed: boolean): CallPayload {
  if (ctx.category === 'read') {
    // CloudTrail does not record the responses of reads.
    return { requestParameters: readRequest(ctx), responseElements: null, resources: undefined };
  }
  const ref = resourceRef(ctx);
  const resources = ctx.prng.chance(0.2)
    ? [{ accountId: ctx.accountId, type: `AWS::${ctx.serviceId.toUpperCase()}::${ctx.noun}`, ARN: ref.arn }]
    : undefined;
  return { requestParameters: writeRequest(ctx, ref), responseElements: failed ? null : writeResponse(ctx, ref), resources };
}
