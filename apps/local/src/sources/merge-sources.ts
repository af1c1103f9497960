/**
 * Runs several sources at once: their batches in the order they become available. Each source keeps its
 * own order (the runtime checkpoints per source); stopping the merged iteration stops every source.
 */
import { type SourceBatch } from './source';

export async function* mergeSources(streams: readonly AsyncIterable<SourceBatch>[]): AsyncIterable<SourceBatch> {
  const iterators = streams.map((stream) => stream[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ readonly index: number; readonly result: IteratorResult<SourceBatch> }>>();
  const pull = (index: number): void => {
    const iterator = iterators[index];
    if (iterator !== undefined) pending.set(index, iterator.next().then((result) => ({ index, result })));
  };
  iterators.forEach((_, index) => pull(index));
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done === true) {
        pending.delete(index);
        continue;
      }
      pull(index);
      yield result.value;
    }
  } finally {
    // Sources still running are asked to stop once their pending step settles; not awaited, because a
    // source waiting for input (HTTP ingest, a watch poll) only stops early through its AbortSignal.
    void Promise.allSettled([...pending.keys()].map((index) => iterators[index]?.return?.()));
  }
}
