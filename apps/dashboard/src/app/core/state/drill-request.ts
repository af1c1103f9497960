import { type EventsFilters } from '@trailpulse/api-contract';
import { type ErrorClass } from './view-state';

/** "Show me the raw events behind this": a time range and the filters of what was clicked. */
export interface DrillRequest {
  /** Says what was clicked, e.g. "ec2.amazonaws.com:RunInstances, 12:05". */
  readonly title: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly filters: EventsFilters;
  /** Narrows the events by their errorCode (the events API has no such filter: applied in the browser). */
  readonly errorClass?: ErrorClass;
}
