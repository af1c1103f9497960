import { type ErrorCode, type Problem } from '@trailpulse/api-contract';

/** A request refused with an API error: turned into `{error, message}` with the code's status. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      readonly headers?: Readonly<Record<string, string>>;
      readonly problems?: readonly Problem[];
      /** The request body was not read to its end: the connection must close after the answer. */
      readonly closeConnection?: boolean;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }
}
