/**
 * One second of demo traffic as CloudTrail records: background plus whatever incidents are running.
 * A pure function of the configuration and the second, which is what makes the demo deterministic and
 * a restarted demo regenerate a second identically.
 */
import { backgroundSecond } from './background';
import { demoEventId, MAX_RECORDS_PER_SECOND } from './event-id';
import { incidentOccurrences, type DemoIncident } from './incident-schedule';
import { INCIDENT_RECORDS } from './incident-records';
import { type PendingRecord } from './pending-record';
import { mixSeed, Random } from './random';
import { backgroundCount } from './rate';
import { buildRecord } from './record-builder';

export interface DemoTrafficConfig {
  readonly seed: number;
  /** Background events per second around which the day swings. */
  readonly eventsPerSecond: number;
  readonly incidentPeriodMs: number;
  readonly incidents: readonly DemoIncident[];
}

export function demoSecond(config: DemoTrafficConfig, epochSecond: number): Record<string, unknown>[] {
  const secondStartMs = epochSecond * 1000;
  const random = new Random(mixSeed(config.seed, epochSecond));
  const pending: PendingRecord[] = backgroundSecond(secondStartMs, backgroundCount(config.eventsPerSecond, config.seed, secondStartMs, random), random);
  for (const occurrence of incidentOccurrences(secondStartMs, secondStartMs + 1000, config.incidentPeriodMs, config.incidents)) {
    const second = Math.floor((secondStartMs - occurrence.startMs) / 1000);
    const incidentRandom = new Random(mixSeed(config.seed, epochSecond, 0x1c1d, occurrence.incident.offsetMs));
    pending.push(...INCIDENT_RECORDS[occurrence.incident.id](secondStartMs, second, incidentRandom));
  }
  if (pending.length > MAX_RECORDS_PER_SECOND) throw new RangeError(`a demo second holds ${pending.length} records, more than ${MAX_RECORDS_PER_SECOND}`);
  // Sorted by time (stable: ties keep generation order), as a log would have them.
  pending.sort((a, b) => a.timeMs - b.timeMs);
  return pending.map((record, index) => buildRecord(record, config.seed, demoEventId(config.seed, epochSecond, index), random));
}
