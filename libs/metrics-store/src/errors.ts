/** Base of every error this library raises, so callers can tell store failures from others. */
export class MetricsStoreError extends Error {
  override readonly name: string = 'MetricsStoreError';
}

/** Store options that cannot work (retention tiers, sizes, attempts). */
export class StoreConfigError extends MetricsStoreError {
  override readonly name = 'StoreConfigError';
}

/** A batch, key or definition handed to the store that it refuses, naming what and where. */
export class StoreInputError extends MetricsStoreError {
  override readonly name = 'StoreInputError';
}

/** Which row a {@link CorruptRowError} is about: its table key. */
export interface RowKey {
  readonly pk: string;
  readonly sk: string;
}

/**
 * A stored row that cannot be decoded or merged (bad encoding, missing chunks, a partial the
 * engine refuses). Carries the row's key so an operator can find and repair or delete it.
 */
export class CorruptRowError extends MetricsStoreError {
  override readonly name = 'CorruptRowError';

  constructor(
    readonly row: RowKey,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`row ${row.pk} / ${row.sk}: ${message}`, options);
  }
}

/** A read-modify-write that lost the race to other writers more times than allowed. */
export class MergeConflictError extends MetricsStoreError {
  override readonly name = 'MergeConflictError';

  constructor(
    readonly row: RowKey,
    readonly attempts: number,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`row ${row.pk} / ${row.sk}: still conflicting with other writers after ${attempts} attempts`, options);
  }
}
