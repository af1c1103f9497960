const exact = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A count for people: exact below 10,000 ("1,234"), compact above ("12.3K", "4.5M"). */
export function formatCount(value: number): string {
  return Math.abs(value) < 10_000 ? exact.format(value) : compact.format(value);
}

/** Every digit, grouped ("1,234,567"): tooltips and tables. */
export function formatExact(value: number): string {
  return exact.format(value);
}

export function formatScore(value: number): string {
  return twoDecimals.format(value);
}

export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** A duration in seconds as people say it: "10 s", "5 min", "1 h", "7 d". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}
