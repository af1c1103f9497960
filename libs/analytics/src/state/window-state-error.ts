/** A window partial that cannot be restored, or two window states that cannot be merged. */
export class WindowStateError extends Error {
  override readonly name = 'WindowStateError';
}
