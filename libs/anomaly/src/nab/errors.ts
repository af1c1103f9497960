/**
 * Malformed NAB input: a CSV row, a label file or a window that does not fit the data. The message
 * names the file (as given by the caller) and, where there is one, the line, so a user can fix it.
 */
export class NabInputError extends Error {
  override readonly name = 'NabInputError';
  constructor(
    message: string,
    readonly source: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(line === undefined ? `${source}: ${message}` : `${source} line ${line}: ${message}`, options);
  }
}
