import { StoreInputError } from '../errors';

/**
 * Every key of the single table (see README.md "Key schema"). Partition keys start with the
 * entity's prefix; dimension values are escaped so that "#" separates fields only, and "*" (the
 * all-accounts / all-regions aggregate) can never be a real account or region.
 */
export const KEY_PREFIX = {
  window: 'W',
  chunk: 'C',
  series: 'SERIES',
  checkpoint: 'CHECKPOINT',
  customMetric: 'CUSTOM',
} as const;

/** The account and region of the aggregate series: every account and region merged. */
export const ALL = '*';

/** Longest account or region value a key accepts (DynamoDB keys are at most 2048 / 1024 bytes). */
export const MAX_DIMENSION_LENGTH = 256;

/** Window starts are epoch ms, zero-padded so that string order is time order (until year 33658). */
const START_DIGITS = 15;

/** One series of window rows: a window length, an account and a region (either may be {@link ALL}). */
export interface SeriesId {
  readonly windowSeconds: number;
  readonly account: string;
  readonly region: string;
}

export interface WindowKeyParts extends SeriesId {
  readonly startMs: number;
}

export interface TableKey {
  readonly pk: string;
  readonly sk: string;
}

/** "%", "#" and "*" percent-encoded; everything else as is (account ids and region names stay readable). */
export function escapeDimension(value: string, what: string): string {
  if (value === ALL) return ALL;
  if (value.length === 0 || value.length > MAX_DIMENSION_LENGTH) {
    throw new StoreInputError(`${what} must be 1 to ${MAX_DIMENSION_LENGTH} characters, got ${value.length}`);
  }
  return value.replace(/[%#*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function seriesPartitionKey(series: SeriesId): string {
  return `${KEY_PREFIX.window}#${series.windowSeconds}#${escapeDimension(series.account, 'account')}#${escapeDimension(series.region, 'region')}`;
}

export function startSortKey(startMs: number): string {
  if (!Number.isSafeInteger(startMs) || startMs < 0) throw new StoreInputError(`window start must be epoch milliseconds >= 0, got ${String(startMs)}`);
  return String(startMs).padStart(START_DIGITS, '0');
}

export function windowKey(parts: WindowKeyParts): TableKey {
  return { pk: seriesPartitionKey(parts), sk: startSortKey(parts.startMs) };
}

/** Chunks of one generation of one window row's body: one partition, sk = chunk index. */
export function chunkPartitionKey(row: TableKey, generation: string): string {
  return `${KEY_PREFIX.chunk}#${row.pk.slice(KEY_PREFIX.window.length + 1)}#${row.sk}#${generation}`;
}

export function chunkSortKey(index: number): string {
  return String(index).padStart(4, '0');
}

/** The registry of series that ever had a window: what filtered queries fan out over. */
export function seriesRegistryKey(account: string, region: string): TableKey {
  return { pk: KEY_PREFIX.series, sk: `${escapeDimension(account, 'account')}#${escapeDimension(region, 'region')}` };
}

/** Inverse of the registry sort key. */
export function parseSeriesRegistrySortKey(sk: string): { readonly account: string; readonly region: string } | undefined {
  const parts = sk.split('#');
  if (parts.length !== 2) return undefined;
  try {
    return { account: decodeURIComponent(parts[0] as string), region: decodeURIComponent(parts[1] as string) };
  } catch {
    return undefined;
  }
}

export function checkpointKey(source: string): TableKey {
  if (source.length === 0 || source.length > 512) throw new StoreInputError(`checkpoint source id must be 1 to 512 characters, got ${source.length}`);
  return { pk: KEY_PREFIX.checkpoint, sk: source };
}

export function customMetricKey(id: string): TableKey {
  return { pk: KEY_PREFIX.customMetric, sk: id };
}
