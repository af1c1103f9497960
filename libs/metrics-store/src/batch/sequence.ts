import { StoreInputError } from '../errors';

/**
 * A batch's position in its source: a non-negative integer of any size (Kinesis sequence numbers
 * have up to 129 digits; a local replay uses a record ordinal or byte offset).
 */
export type BatchSequence = string | number | bigint;

/** Identifies one batch: which source and where it ends there. */
export interface BatchId {
  /** e.g. `kinesis:<stream>:<shardId>`, `replay:<input fingerprint>`. At most 512 characters. */
  readonly source: string;
  /**
   * Increases with every batch of the source (the position of the batch's last record). A source
   * writes its batches in order, and a batch re-sent after a crash is the same batch or a prefix of it.
   */
  readonly sequence: BatchSequence;
}

const MAX_DIGITS = 999;

/**
 * The sequence as a string whose order is numeric order: its digit count (3 digits), ":", the
 * digits without leading zeros ("003:123" < "010:1234567890"). DynamoDB compares strings
 * bytewise, so a condition expression can check a watermark without arbitrary-size numbers.
 * @throws StoreInputError when the value is not a non-negative integer.
 */
export function encodeSequence(sequence: BatchSequence, what = 'batch sequence'): string {
  let digits: string;
  if (typeof sequence === 'bigint') digits = sequence.toString();
  else if (typeof sequence === 'number') {
    if (!Number.isSafeInteger(sequence)) throw new StoreInputError(`${what} must be a safe integer >= 0, got ${sequence}`);
    digits = String(sequence);
  } else digits = sequence.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits) || digits.length > MAX_DIGITS) {
    throw new StoreInputError(`${what} must be a non-negative integer of at most ${MAX_DIGITS} digits, got ${JSON.stringify(String(sequence))}`);
  }
  return `${String(digits.length).padStart(3, '0')}:${digits}`;
}

/** The decimal digits of an encoded sequence, or undefined if it is not one. */
export function decodeSequence(encoded: string): string | undefined {
  const match = /^(\d{3}):(\d+)$/.exec(encoded);
  if (match === null || Number(match[1]) !== (match[2] as string).length) return undefined;
  return match[2];
}

export function checkBatchId(batch: BatchId): { readonly source: string; readonly sequence: string } {
  if (typeof batch.source !== 'string' || batch.source.length === 0 || batch.source.length > 512) {
    throw new StoreInputError(`batch source id must be 1 to 512 characters, got ${JSON.stringify(batch.source)}`);
  }
  return { source: batch.source, sequence: encodeSequence(batch.sequence) };
}
