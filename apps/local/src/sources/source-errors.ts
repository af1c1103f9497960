/** A checkpointed position that does not fit the source reading it back (other inputs, corrupt checkpoint). */
export class SourcePositionError extends Error {
  override readonly name = 'SourcePositionError';

  constructor(
    readonly sourceId: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`${sourceId}: ${message}`, options);
  }
}
