/**
 * An accumulator state that cannot be used: a snapshot that is not one of this metric's
 * (corrupt checkpoint, another metric, another format version) or a merge of two different
 * metrics' accumulators. Raised instead of producing a silently wrong window.
 */
export class CustomMetricStateError extends Error {
  override readonly name = 'CustomMetricStateError';

  constructor(
    readonly metricId: string,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`custom metric "${metricId}": ${message}`, options);
  }
}
