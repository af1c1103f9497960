import { type ByteRange } from './worker-protocol';

/** The ranges still to scan, shared by the worker threads and the calling thread: whoever is free takes the next. */
export class RangeQueue {
  private next = 0;

  constructor(private readonly ranges: readonly ByteRange[]) {}

  take(): ByteRange | undefined {
    return this.ranges[this.next++];
  }

  get isEmpty(): boolean {
    return this.next >= this.ranges.length;
  }
}
