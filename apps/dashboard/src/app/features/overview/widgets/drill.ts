import { type EventsFilters, type MetricsFilters } from '@trailpulse/api-contract';
import { type DrillRequest } from '../../../core/state/drill-request';
import { formatBucketTime } from '../../../shared/format/format-time';
import { type Bucket } from '../aggregate';

/** The raw events of one bucket, narrowed by the view's filters and `extra`. */
export function bucketDrill(bucket: Bucket, bucketSeconds: number, filters: MetricsFilters, what: string, extra: EventsFilters = {}): DrillRequest {
  return {
    title: `${what}, ${formatBucketTime(bucket.startMs, bucketSeconds)}`,
    fromMs: bucket.startMs,
    toMs: bucket.endMs,
    filters: { ...filters, ...extra },
  };
}

/** The events filter a top-list key stands for. */
export function topKeyFilter(list: 'topApiCalls' | 'topUsers' | 'topIps', key: string): EventsFilters {
  if (list === 'topUsers') return { principal: key };
  if (list === 'topIps') return { ip: key };
  const colon = key.indexOf(':');
  return colon < 0 ? { service: key } : { service: key.slice(0, colon), eventName: key.slice(colon + 1) };
}
