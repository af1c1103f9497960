/** A sketch snapshot that cannot be restored, or two sketches that cannot be merged. */
export class SketchStateError extends Error {
  override readonly name = 'SketchStateError';
}
