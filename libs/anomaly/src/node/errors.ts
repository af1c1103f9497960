/** A NAB directory that cannot be read: missing, not a directory, or without data files. */
export class NabDirectoryError extends Error {
  override readonly name = 'NabDirectoryError';
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
