import { compileCustomMetric, type CompiledCustomMetricDefinition, validateCustomMetricDefinitions } from '@trailpulse/analytics';

/** Two custom metrics of different kinds: a count of refused calls and the top callers of S3. */
export function testCustomMetrics(): CompiledCustomMetricDefinition[] {
  return validateCustomMetricDefinitions(
    [
      { id: 'denied-calls', title: 'Denied calls', filter: { field: 'errorCode', equals: 'AccessDenied' }, measure: 'count' },
      { id: 's3-callers', title: 'S3 callers', filter: { field: 'eventSource', equals: 's3.amazonaws.com' }, measure: { topK: { by: '$identity', k: 5 } } },
    ],
    'test metrics',
  ).map(compileCustomMetric);
}
