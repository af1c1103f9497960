import { z } from 'zod';
import { CloudTrailRecordSchema } from './cloudtrail-record';

/**
 * `detail-type` values CloudTrail uses when it forwards records to EventBridge. The sign-in name is
 * the one found on real events ("Sign In", two words); the EventBridge user guide spells it
 * "Signin", so that spelling is accepted as an alias below.
 */
export const CLOUDTRAIL_DETAIL_TYPES = [
  'AWS API Call via CloudTrail',
  'AWS Console Sign In via CloudTrail',
  'AWS Service Event via CloudTrail',
  'AWS Console Action via CloudTrail',
  'AWS Insight via CloudTrail',
] as const;

/** Documented spellings that differ from what real events carry; recognised so a rule copied from the docs still unwraps. */
export const CLOUDTRAIL_DETAIL_TYPE_ALIASES = ['AWS Console Signin via CloudTrail'] as const;

export type CloudTrailDetailType =
  | (typeof CLOUDTRAIL_DETAIL_TYPES)[number]
  | (typeof CLOUDTRAIL_DETAIL_TYPE_ALIASES)[number];

// A Set answers in O(1) without allocating; readers call this once per envelope.
const cloudTrailDetailTypes: ReadonlySet<unknown> = new Set<string>([
  ...CLOUDTRAIL_DETAIL_TYPES,
  ...CLOUDTRAIL_DETAIL_TYPE_ALIASES,
]);

/** True when an EventBridge `detail-type` means "the detail is a CloudTrail record". */
export function isCloudTrailDetailType(detailType: unknown): detailType is CloudTrailDetailType {
  return cloudTrailDetailTypes.has(detailType);
}

/**
 * Any EventBridge event. Only `detail-type`, `source` and `detail` are required: test fixtures and
 * older CloudWatch Events samples omit `version`, and readers need nothing else to unwrap.
 */
export const EventBridgeEnvelopeSchema = z.looseObject({
  version: z.string().nullish(),
  id: z.string().nullish(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string().nullish(),
  time: z.string().nullish(),
  region: z.string().nullish(),
  resources: z.array(z.string()).nullish(),
  detail: z.unknown(),
});
export type EventBridgeEnvelope = z.infer<typeof EventBridgeEnvelopeSchema>;

/** An EventBridge event carrying a CloudTrail record in `detail`. */
export const CloudTrailEventBridgeEnvelopeSchema = EventBridgeEnvelopeSchema.extend({
  'detail-type': z.enum([...CLOUDTRAIL_DETAIL_TYPES, ...CLOUDTRAIL_DETAIL_TYPE_ALIASES]),
  detail: CloudTrailRecordSchema,
});
export type CloudTrailEventBridgeEnvelope = z.infer<typeof CloudTrailEventBridgeEnvelopeSchema>;
