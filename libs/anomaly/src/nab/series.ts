import { type CsvRow, columnIndex, parseCsv } from './csv';
import { NabInputError } from './errors';
import { parseNabTimestamp } from './timestamp';

/** One NAB data file: `timestamp,value` rows in time order. */
export interface NabSeries {
  /** `<category>/<file>.csv`, the key NAB's label files use. */
  readonly file: string;
  /** Timestamps as written, so result files can repeat them exactly. */
  readonly timestampTexts: readonly string[];
  /** Naive timestamps in ms (see parseNabTimestamp). */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

/** A detector's output for one file: one anomaly score per row, normally in [0, 1]. */
export interface ScoredSeries {
  readonly file: string;
  readonly timestamps: readonly number[];
  readonly anomalyScores: readonly number[];
}

/** Parses a data file (`data/<category>/<file>.csv`); `source` names it in errors. */
export function parseSeriesCsv(text: string, file: string, source: string): NabSeries {
  const table = parseCsv(text, source);
  const timestampColumn = columnIndex(table, 'timestamp', source);
  const valueColumn = columnIndex(table, 'value', source);
  return {
    file,
    timestampTexts: table.rows.map((row) => row.cells[timestampColumn] ?? ''),
    timestamps: table.rows.map((row) => timestampCell(row, timestampColumn, source)),
    values: table.rows.map((row) => numberCell(row, valueColumn, 'value', source)),
  };
}

/** Parses a detector's result file (`results/<det>/<category>/<det>_<file>.csv`): its timestamp and anomaly_score columns. */
export function parseResultsCsv(text: string, file: string, source: string): ScoredSeries {
  const table = parseCsv(text, source);
  const timestampColumn = columnIndex(table, 'timestamp', source);
  const scoreColumn = columnIndex(table, 'anomaly_score', source);
  return {
    file,
    timestamps: table.rows.map((row) => timestampCell(row, timestampColumn, source)),
    anomalyScores: table.rows.map((row) => numberCell(row, scoreColumn, 'anomaly_score', source)),
  };
}

function timestampCell(row: CsvRow, column: number, source: string): number {
  const text = row.cells[column] ?? '';
  const timestamp = parseNabTimestamp(text);
  if (timestamp === undefined) throw new NabInputError(`timestamp "${text}" is not "YYYY-MM-DD HH:MM:SS"`, source, row.line);
  return timestamp;
}

function numberCell(row: CsvRow, column: number, name: string, source: string): number {
  const text = (row.cells[column] ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new NabInputError(`${name} "${text}" is not a finite number`, source, row.line);
  return value;
}
