// Where calls happen: a handful of accounts of one organization and a skewed set of regions.
import { type Prng } from './prng';

/** Regions with the weight of their traffic; us-east-1 dominates as it does in most trails. */
const REGION_WEIGHTS: readonly (readonly [region: string, weight: number])[] = [
  ['us-east-1', 45],
  ['us-west-2', 20],
  ['eu-west-1', 12],
  ['eu-central-1', 8],
  ['us-east-2', 5],
  ['ap-southeast-2', 4],
  ['ap-northeast-1', 4],
  ['sa-east-1', 2],
];
const TOTAL_REGION_WEIGHT = REGION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

/** Services whose calls CloudTrail records in us-east-1 whatever region the caller used. */
const GLOBAL_EVENT_SOURCES: ReadonlySet<string> = new Set([
  'iam.amazonaws.com',
  'organizations.amazonaws.com',
  'route53.amazonaws.com',
  'cloudfront.amazonaws.com',
  'health.amazonaws.com',
  'signin.amazonaws.com',
]);

export function drawRegion(prng: Prng): string {
  let ticket = prng.nextFloat() * TOTAL_REGION_WEIGHT;
  for (const [region, weight] of REGION_WEIGHTS) {
    ticket -= weight;
    if (ticket < 0) return region;
  }
  return REGION_WEIGHTS[0]?.[0] ?? 'us-east-1';
}

/** The region CloudTrail records for a call to `eventSource` made from `callerRegion`. */
export function recordedRegion(eventSource: string, callerRegion: string): string {
  return GLOBAL_EVENT_SOURCES.has(eventSource) ? 'us-east-1' : callerRegion;
}

/** `count` distinct 12-digit account ids. */
export function makeAccountIds(count: number, prng: Prng): readonly string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`${1 + prng.nextInt(9)}${String(prng.nextInt(100_000)).padStart(5, '0')}${String(prng.nextInt(1_000_000)).padStart(6, '0')}`);
  return [...ids];
}
