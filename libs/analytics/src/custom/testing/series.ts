// Test-only helpers for series metrics: compile a definition, feed windows of records, read values.
import { compileCustomMetric, type CompiledCustomMetricDefinition } from '../compile';
import { type CustomAccumulator, type CustomSeries } from '../custom-metric';
import { type CustomMetricDefinitionInput, customMetricDefinitionSchema } from '../definition-schema';
import { apiCall, withFacts } from './records';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2024, 5, 1, 12, 0, 0);

export function compiled(definition: Omit<CustomMetricDefinitionInput, 'title'>): CompiledCustomMetricDefinition {
  return compileCustomMetric(customMetricDefinitionSchema.parse({ title: 'Probe', ...definition }));
}

/** An accumulator of `metric` holding `records` (fields of API calls). */
export function windowOf(metric: CompiledCustomMetricDefinition, records: readonly Readonly<Record<string, unknown>>[]): CustomAccumulator {
  const accumulator = metric.createAccumulator();
  for (const fields of records) {
    const { record, facts } = withFacts(apiCall(fields));
    accumulator.add(record, facts);
  }
  return accumulator;
}

export function seriesOf(metric: CompiledCustomMetricDefinition): CustomSeries {
  const series = metric.createSeries?.();
  if (series === undefined) throw new Error(`metric ${metric.id} has no series`);
  return series;
}

/** `count` copies of `fields`. */
export function times(count: number, fields: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>[] {
  return Array.from({ length: count }, () => fields);
}
