const timeWithSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A bucket's start, as precise as the bucket: seconds for 10 s buckets, the day for hourly ones. */
export function formatBucketTime(ms: number, bucketSeconds: number): string {
  if (bucketSeconds < 60) return timeWithSeconds.format(ms);
  if (bucketSeconds < 3_600) return time.format(ms);
  return dayAndTime.format(ms);
}

export function formatDateTime(ms: number): string {
  return full.format(ms);
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", else the date. */
export function formatAgo(ms: number, nowMs: number): string {
  const seconds = Math.round((nowMs - ms) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h ago`;
  return dayAndTime.format(ms);
}
