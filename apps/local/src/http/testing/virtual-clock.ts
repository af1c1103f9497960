import { type Clock } from '../runtime-types';

export class VirtualClock implements Clock {
  constructor(public nowMs = Date.UTC(2024, 0, 1)) {}

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }
}
