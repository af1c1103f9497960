import { compileFilter } from './compile-filter';
import { CountAccumulator } from './count-accumulator';
import { type CompiledCustomMetric, type CustomAccumulator } from './custom-metric';
import { type CustomMetricDefinition } from './definition-schema';
import { DistinctCountAccumulator } from './distinct-count-accumulator';
import { fieldReader } from './field-reader';
import { type MetricRuntime, type RecordPredicate } from './metric-runtime';
import { TopKAccumulator } from './top-k-accumulator';

/** A compiled metric that also carries its definition (title, description, anomaly) for the surfaces that show it. */
export interface CompiledCustomMetricDefinition extends CompiledCustomMetric {
  readonly definition: CustomMetricDefinition;
}

/**
 * Compiles a validated definition (from parseCustomMetricDefinitions or the schema) once: the
 * filter becomes a closure tree and every accumulator of the metric shares it.
 */
export function compileCustomMetric(definition: CustomMetricDefinition): CompiledCustomMetricDefinition {
  const metric: MetricRuntime = {
    id: definition.id,
    fingerprint: JSON.stringify(definition),
    matches: recordGate(definition),
  };
  const { measure } = definition;
  let createAccumulator: () => CustomAccumulator;
  let restoreAccumulator: (state: unknown) => CustomAccumulator;
  if ('topK' in measure) {
    const readKey = fieldReader(measure.topK.by);
    createAccumulator = () => new TopKAccumulator(metric, measure.topK, readKey);
    restoreAccumulator = (state) => TopKAccumulator.restore(metric, measure.topK, readKey, state);
  } else if ('distinctCount' in measure) {
    const readKey = fieldReader(measure.distinctCount);
    createAccumulator = () => new DistinctCountAccumulator(metric, readKey);
    restoreAccumulator = (state) => DistinctCountAccumulator.restore(metric, readKey, state);
  } else {
    createAccumulator = () => new CountAccumulator(metric);
    restoreAccumulator = (state) => CountAccumulator.restore(metric, state);
  }
  return { id: definition.id, windowSeconds: definition.window, definition, createAccumulator, restoreAccumulator };
}

/** apiCallsOnly first (one boolean read), then the filter. */
function recordGate(definition: CustomMetricDefinition): RecordPredicate {
  const filter = definition.filter === undefined ? undefined : compileFilter(definition.filter, definition.id);
  if (!definition.apiCallsOnly) return filter ?? (() => true);
  if (filter === undefined) return (_record, facts) => facts.isApiCall;
  return (record, facts) => facts.isApiCall && filter(record, facts);
}
