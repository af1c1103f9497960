// RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may
// hold commas, line breaks and doubled quotes (`""` stands for `"`). Strict about the rest, so a
// damaged input file fails loudly instead of shifting columns.

/** The text is not valid RFC 4180 CSV. */
export class CsvParseError extends Error {
  override readonly name = 'CsvParseError';
}

const QUOTE = '"';
const COMMA = ',';
const LF = '\n';
const CR = '\r';

function isRecordEnd(char: string): boolean {
  return char === LF || char === CR;
}

/** Line number (1-based) of position `index`, for error messages only. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charAt(i) === LF) line += 1;
  return line;
}

/** Reads the quoted field whose opening quote is at `start`; returns its value and the index after the closing quote. */
function readQuotedField(text: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf(QUOTE, from);
    if (quote < 0) throw new CsvParseError(`line ${lineOf(text, start)}: quoted field is never closed`);
    value += text.slice(from, quote);
    if (text.charAt(quote + 1) !== QUOTE) {
      const after = quote + 1;
      if (after < text.length && text.charAt(after) !== COMMA && !isRecordEnd(text.charAt(after))) {
        throw new CsvParseError(`line ${lineOf(text, after)}: unexpected "${text.charAt(after)}" after a closing quote`);
      }
      return { value, end: after };
    }
    value += QUOTE;
    from = quote + 2;
  }
}

/** Reads the unquoted field starting at `start`; returns its value and the index of the delimiter after it. */
function readPlainField(text: string, start: number): { value: string; end: number } {
  let end = start;
  while (end < text.length) {
    const char = text.charAt(end);
    if (char === COMMA || isRecordEnd(char)) break;
    if (char === QUOTE) throw new CsvParseError(`line ${lineOf(text, end)}: quote inside an unquoted field`);
    end += 1;
  }
  return { value: text.slice(start, end), end };
}

/**
 * Every record of `text` as an array of fields. A final line break does not start an empty
 * record; a leading byte-order mark is ignored.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = text.startsWith('\uFEFF') ? 1 : 0;
  while (index < text.length) {
    const field = text.charAt(index) === QUOTE ? readQuotedField(text, index) : readPlainField(text, index);
    record.push(field.value);
    index = field.end;
    const delimiter = text.charAt(index);
    if (delimiter === COMMA) {
      index += 1;
      // A comma at the very end of the text still opens one last, empty field.
      if (index === text.length) record.push('');
      continue;
    }
    // End of a record: CRLF, LF, a lone CR, or the end of the text.
    index += delimiter === CR && text.charAt(index + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

/**
 * Records of a CSV with a header line, as objects keyed by column name. Throws when a record has
 * a different number of fields than the header.
 */
export function parseCsvWithHeader(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new CsvParseError('the CSV has no header line');
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new CsvParseError(`record ${index + 1}: ${row.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((column, position) => [column, row[position] ?? '']));
  });
}
