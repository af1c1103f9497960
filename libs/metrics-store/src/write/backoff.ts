import { type ResolvedStoreOptions } from '../config/store-options';

/** "Full jitter" exponential backoff (AWS Architecture Blog, 2015): spreads writers that lost the same race. */
export function backoffMs(options: ResolvedStoreOptions, attempt: number): number {
  const ceiling = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.min(attempt - 1, 20));
  return Math.floor(options.scheduler.random() * ceiling);
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
