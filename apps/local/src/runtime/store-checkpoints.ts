import { type MetricsStore } from '@trailpulse/metrics-store';
import { type CheckpointStore, type SourceCheckpoint, type SourcePosition } from '../sources';
import { bulkSourceId } from './batch-pipeline';

/** Says a source's checkpoints are those of the two write-behinds (batch-pipeline.ts); data dirs of earlier versions lack it. */
export function pipelineLayoutId(sourceId: string): string {
  return `pipelines:${sourceId}`;
}

/**
 * Source checkpoints kept in the metrics store: each write-behind moves its checkpoint in the same
 * call that merges its group. A source resumes after the last batch whose partials are in every
 * row, i.e. from its bulk checkpoint, which is never ahead of its live one (batch-pipeline.ts).
 * `save` exists for sources that advance without merging anything (it moves both).
 */
export class StoreCheckpoints implements CheckpointStore {
  constructor(private readonly store: MetricsStore) {}

  /**
   * Where the source resumes. Before the first batch of a source the layout mark is stored; a data
   * dir written by the single write-behind of earlier versions (a checkpoint under the source's own
   * id, no mark) merged every row of a group together, so its bulk checkpoint starts as a copy of it.
   */
  async load(sourceId: string): Promise<SourceCheckpoint | undefined> {
    const bulk = await this.loadOne(sourceId, bulkSourceId(sourceId));
    if (bulk !== undefined) return bulk;
    if ((await this.store.readCheckpoint(pipelineLayoutId(sourceId))) !== undefined) return undefined;
    const live = await this.loadOne(sourceId, sourceId);
    if (live !== undefined) await this.store.advanceCheckpoint(bulkSourceId(sourceId), live.seq, live.position);
    await this.store.advanceCheckpoint(pipelineLayoutId(sourceId), 2, { layout: 'live + bulk write-behinds' });
    return live;
  }

  /** The latest seq of the source any row holds (its live checkpoint, or the bulk one), -1 when none. */
  async latestSeq(sourceId: string): Promise<number> {
    const [live, bulk] = await Promise.all([this.loadOne(sourceId, sourceId), this.loadOne(sourceId, bulkSourceId(sourceId))]);
    return Math.max(live?.seq ?? -1, bulk?.seq ?? -1);
  }

  async save(checkpoint: SourceCheckpoint): Promise<void> {
    await this.store.advanceCheckpoint(checkpoint.sourceId, checkpoint.seq, checkpoint.position);
    await this.store.advanceCheckpoint(bulkSourceId(checkpoint.sourceId), checkpoint.seq, checkpoint.position);
  }

  private async loadOne(sourceId: string, checkpointId: string): Promise<SourceCheckpoint | undefined> {
    const checkpoint = await this.store.readCheckpoint(checkpointId);
    if (checkpoint === undefined || typeof checkpoint.details !== 'object' || checkpoint.details === null) return undefined;
    return { sourceId, seq: Number(checkpoint.position), position: checkpoint.details as SourcePosition };
  }
}
