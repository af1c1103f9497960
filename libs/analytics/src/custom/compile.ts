import { scalarOfValue } from './anomaly-value';
import { compileFilter } from './compile-filter';
import { CountAccumulator } from './count-accumulator';
import { type CompiledCustomMetric, type CustomAccumulator, type CustomSeries } from './custom-metric';
import { type CustomMetricDefinition } from './definition-schema';
import { DistinctCountAccumulator } from './distinct-count-accumulator';
import { ErrorRateAccumulator } from './error-rate-accumulator';
import { ErrorRateSeries } from './error-rate-series';
import { fieldReader } from './field-reader';
import { FirstSeenAccumulator } from './first-seen-accumulator';
import { FirstSeenSeries } from './first-seen-series';
import { type MetricRuntime, type RecordPredicate } from './metric-runtime';
import { type ErrorRateMeasure, type FirstSeenMeasure } from './series-measure-schema';
import { TopKAccumulator } from './top-k-accumulator';
import { tupleKeyReader } from './tuple-key';

/** A compiled metric that also carries its definition (title, description, anomaly) for the surfaces that show it. */
export interface CompiledCustomMetricDefinition extends CompiledCustomMetric {
  readonly definition: CustomMetricDefinition;
}

type MeasureParts = Pick<CompiledCustomMetric, 'createAccumulator' | 'restoreAccumulator' | 'createSeries' | 'restoreSeries'>;

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
  return {
    id: definition.id,
    windowSeconds: definition.window,
    definition,
    anomaly: definition.anomaly,
    scalar: scalarOfValue,
    ...measureParts(metric, definition),
  };
}

function measureParts(metric: MetricRuntime, { measure }: CustomMetricDefinition): MeasureParts {
  if ('errorRate' in measure) return errorRateParts(metric, measure.errorRate);
  if ('firstSeen' in measure) return firstSeenParts(metric, measure.firstSeen);
  if ('topK' in measure) {
    const readKey = fieldReader(measure.topK.by);
    return {
      createAccumulator: () => new TopKAccumulator(metric, measure.topK, readKey),
      restoreAccumulator: (state) => TopKAccumulator.restore(metric, measure.topK, readKey, state),
    };
  }
  if ('distinctCount' in measure) {
    const readKey = fieldReader(measure.distinctCount);
    return {
      createAccumulator: () => new DistinctCountAccumulator(metric, readKey),
      restoreAccumulator: (state) => DistinctCountAccumulator.restore(metric, readKey, state),
    };
  }
  return { createAccumulator: () => new CountAccumulator(metric), restoreAccumulator: (state) => CountAccumulator.restore(metric, state) };
}

/** metrics.md: a call failed when it has an errorCode (absent, null and "" are no error). */
const hasErrorCode: RecordPredicate = (_record, facts) => !facts.successful;

function errorRateParts(metric: MetricRuntime, measure: ErrorRateMeasure): MeasureParts {
  const readKey = fieldReader(measure.by);
  const isError = measure.errors === undefined ? hasErrorCode : compileFilter(measure.errors, metric.id, 'measure.errorRate.errors');
  return {
    createAccumulator: (): CustomAccumulator => new ErrorRateAccumulator(metric, measure, readKey, isError),
    restoreAccumulator: (state) => ErrorRateAccumulator.restore(metric, measure, readKey, isError, state),
    createSeries: (): CustomSeries => new ErrorRateSeries(metric, measure),
    restoreSeries: (state) => ErrorRateSeries.restore(metric, measure, state),
  };
}

function firstSeenParts(metric: MetricRuntime, measure: FirstSeenMeasure): MeasureParts {
  const readKey = tupleKeyReader(measure.fields);
  return {
    createAccumulator: (): CustomAccumulator => new FirstSeenAccumulator(metric, readKey),
    restoreAccumulator: (state) => FirstSeenAccumulator.restore(metric, readKey, state),
    createSeries: (): CustomSeries => new FirstSeenSeries(metric, measure),
    restoreSeries: (state) => FirstSeenSeries.restore(metric, measure, state),
  };
}

/** apiCallsOnly first (one boolean read), then the filter. */
function recordGate(definition: CustomMetricDefinition): RecordPredicate {
  const filter = definition.filter === undefined ? undefined : compileFilter(definition.filter, definition.id);
  if (!definition.apiCallsOnly) return filter ?? (() => true);
  if (filter === undefined) return (_record, facts) => facts.isApiCall;
  return (record, facts) => facts.isApiCall && filter(record, facts);
}
