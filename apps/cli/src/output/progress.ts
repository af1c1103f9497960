import { type CliIo } from '../cli-io';
import { formatBytes, formatCount } from './format-number';

/**
 * A one-line progress bar on stderr for long reads: bytes read of the total and records/s.
 * Drawn only when stderr is a terminal, at most every `intervalMs`, and erased when done, so
 * piped output and logs stay clean.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private readonly startedAt: number;
  private drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly totalBytes: number,
    private readonly intervalMs = 100,
  ) {
    this.startedAt = io.now();
  }

  get enabled(): boolean {
    return this.io.stderr.isTTY === true;
  }

  update(bytesRead: number, records: number): void {
    if (!this.enabled) return;
    const now = this.io.now();
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.io.stderr.write(`\r${this.render(bytesRead, records, now)}\x1b[K`);
    this.drawn = true;
  }

  /** The bar's text, without terminal control codes. */
  render(bytesRead: number, records: number, now: number): string {
    const fraction = this.totalBytes > 0 ? Math.min(1, bytesRead / this.totalBytes) : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const seconds = Math.max((now - this.startedAt) / 1000, 1e-3);
    const rate = Math.round(records / seconds);
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${formatBytes(bytesRead)} / ${formatBytes(this.totalBytes)}  ${formatCount(records)} records  ${formatCount(rate)}/s`
    );
  }

  done(): void {
    if (this.drawn) this.io.stderr.write('\r\x1b[K');
  }
}
