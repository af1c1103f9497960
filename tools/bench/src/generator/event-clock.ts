// eventTime of record i: times grow evenly over the span, at CloudTrail's one-second resolution.

export class EventClock {
  private readonly startMs: number;
  private readonly spanMs: number;
  private cachedSecond = Number.NaN;
  private cachedText = '';

  constructor(
    startTime: string,
    spanSeconds: number,
    private readonly records: number,
  ) {
    this.startMs = Date.parse(startTime);
    this.spanMs = spanSeconds * 1000;
  }

  /** eventTime of record `index` as CloudTrail writes it: `2024-01-01T00:00:00Z`. */
  timeOf(index: number): string {
    const ms = this.startMs + Math.floor((index * this.spanMs) / Math.max(1, this.records));
    const second = Math.floor(ms / 1000);
    // Thousands of records share a second; formatting a Date once per second keeps this cheap.
    if (second !== this.cachedSecond) {
      this.cachedSecond = second;
      this.cachedText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    }
    return this.cachedText;
  }
}
