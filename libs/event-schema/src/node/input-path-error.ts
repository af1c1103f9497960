/** An input path that cannot be read at all (missing, not permitted). Raised before any reading starts. */
export class InputPathError extends Error {
  override readonly name = 'InputPathError';

  constructor(
    readonly path: string,
    message: string,
    options: { readonly cause: unknown },
  ) {
    super(message, options);
  }
}
