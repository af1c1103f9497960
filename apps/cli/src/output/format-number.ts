const grouped = new Intl.NumberFormat('en-US');

/** 1234567 -> "1,234,567": counts people read in a terminal. */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** 1536 -> "1.5 KiB": sizes in binary units, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
