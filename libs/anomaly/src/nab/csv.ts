import { NabInputError } from './errors';

/** One data row of a NAB CSV with its 1-based line number, for error messages. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A NAB CSV: a header and plain comma-separated rows (NAB's files never quote). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Splits NAB's simple CSV; blank lines are skipped, every row must have the header's width. */
export function parseCsv(text: string, source: string): CsvTable {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split(',').map((name) => name.trim());
  if (header.length === 1 && header[0] === '') throw new NabInputError('empty file, expected a header row', source, 1);
  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const cells = text.split(',');
    if (cells.length !== header.length) throw new NabInputError(`expected ${header.length} columns (${header.join(',')}), found ${cells.length}`, source, i + 1);
    rows.push({ line: i + 1, cells });
  }
  return { header, rows };
}

/** Index of a required column, with an error naming the file when it is missing. */
export function columnIndex(table: CsvTable, name: string, source: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new NabInputError(`no "${name}" column in header "${table.header.join(',')}"`, source, 1);
  return index;
}
