import { type MetricsStore } from '@trailpulse/metrics-store';
import { type CheckpointStore, type SourceCheckpoint, type SourcePosition } from '../sources';

/**
 * Source checkpoints kept in the metrics store: `writeBatch` moves a source's checkpoint in the same
 * call that merges the batch's partials, so `load` returns the position after the last batch whose
 * partials are all merged. `save` exists for sources that advance without merging anything.
 */
export class StoreCheckpoints implements CheckpointStore {
  constructor(private readonly store: MetricsStore) {}

  async load(sourceId: string): Promise<SourceCheckpoint | undefined> {
    const checkpoint = await this.store.readCheckpoint(sourceId);
    if (checkpoint === undefined || typeof checkpoint.details !== 'object' || checkpoint.details === null) return undefined;
    return { sourceId, seq: Number(checkpoint.position), position: checkpoint.details as SourcePosition };
  }

  async save(checkpoint: SourceCheckpoint): Promise<void> {
    await this.store.advanceCheckpoint(checkpoint.sourceId, checkpoint.seq, checkpoint.position);
  }
}
