// The baseline every detector is compared with in the same run: the cheapest update() that still
// learns from each point (a running mean) and scores it (distance from that mean). A detector's
// ratio to it says how much work its update() does beyond a call and two arithmetic operations,
// on this machine and at this moment.
import { type Updatable } from './time-updates';

export class RunningMeanBaseline implements Updatable {
  private count = 0;
  private mean = 0;

  update(_timestampMs: number, value: number): number {
    this.count++;
    this.mean += (value - this.mean) / this.count;
    return Math.abs(value - this.mean);
  }
}
