/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A text field
 * starting with =, +, @, tab or CR gets a leading apostrophe so spreadsheets do not run it as a
 * formula: keys come from CloudTrail records, which an attacker can shape (userAgent, names).
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(fields: readonly (string | number | boolean | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
