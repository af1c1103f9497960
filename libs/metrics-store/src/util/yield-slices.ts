/** How long a merge computes before it lets the event loop run other work (ms). */
export const DEFAULT_SLICE_MS = 8;

/**
 * Returns a function to await between steps of a long computation: it resolves at once until
 * `sliceMs` have passed since the last pause, then pauses for one turn of the event loop. A batch
 * spanning many series and windows prepares its rows for a second and more; other merges sharing
 * the thread (a writer with a small, urgent batch) then get their turns in between.
 */
export function eventLoopSlices(sliceMs = DEFAULT_SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
