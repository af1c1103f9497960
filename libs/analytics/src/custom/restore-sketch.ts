import { SketchStateError, SpaceSaving } from '../sketch';
import { type TopKSnapshot } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';

/** A Space-Saving sketch from a validated snapshot of one, or a CustomMetricStateError saying why not. */
export function restoreSketch(metricId: string, snapshot: TopKSnapshot['sketch'], capacity: number): SpaceSaving {
  if (snapshot.capacity !== capacity) {
    throw new CustomMetricStateError(metricId, `the snapshot has capacity ${snapshot.capacity}, the metric ${capacity}`);
  }
  const { errors, ...rest } = snapshot;
  try {
    return SpaceSaving.restore(errors === undefined ? rest : { ...rest, errors });
  } catch (error) {
    if (!(error instanceof SketchStateError)) throw error;
    throw new CustomMetricStateError(metricId, `invalid top-K snapshot: ${error.message}`, { cause: error });
  }
}
