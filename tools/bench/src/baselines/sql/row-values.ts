// Typed access to the loosely typed rows SQL drivers return (bigint, numeric strings, ...).
import { type KeyedCountRow, type WindowTotalsRow } from './metric-rows';

/** A SQL result did not have the column or type the baseline asked for. */
export class SqlResultShapeError extends Error {
  override readonly name = 'SqlResultShapeError';
}

export type SqlRow = Readonly<Record<string, unknown>>;

function numberColumn(row: SqlRow, column: string): number {
  const value = row[column];
  const number = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new SqlResultShapeError(`column ${column} is ${String(value)}, not a number`);
  }
  return number;
}

function textColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new SqlResultShapeError(`column ${column} is ${String(value)}, not a string`);
  return value;
}

export function toTotalsRows(rows: readonly SqlRow[]): WindowTotalsRow[] {
  return rows.map((row) => ({
    windowStartMs: numberColumn(row, 'window_start'),
    totalCalls: numberColumn(row, 'total_calls'),
    ec2SuccessfulCalls: numberColumn(row, 'ec2_successful_calls'),
  }));
}

export function toKeyedCountRows(rows: readonly SqlRow[]): KeyedCountRow[] {
  return rows.map((row) => ({ windowStartMs: numberColumn(row, 'window_start'), key: textColumn(row, 'key'), count: numberColumn(row, 'count') }));
}

export function toOperationPairs(rows: readonly SqlRow[]): { eventSource: string; eventName: string }[] {
  return rows.map((row) => ({ eventSource: textColumn(row, 'event_source'), eventName: textColumn(row, 'event_name') }));
}
