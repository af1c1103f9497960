import { type MetricsFilters, type MetricsWindow } from '@trailpulse/api-contract';
import { type ErrorClass } from '../../core/state/view-state';
import { type CardState } from '../../shared/charts/chart-card.component';
import { type Bucket } from './aggregate';

/** What every overview widget draws from: the view's windows, bucketed once. */
export interface OverviewData {
  readonly windows: readonly MetricsWindow[];
  readonly buckets: readonly Bucket[];
  readonly bucketSeconds: number;
  readonly state: CardState;
  /** What to tell the user in the empty / error state. */
  readonly message: string;
  readonly filters: MetricsFilters;
  readonly errorClass?: ErrorClass;
  readonly anomalyThreshold: number;
}

export const NO_CALLS_MESSAGE =
  'No API calls in this range. Widen the time range or clear the filters; if you expect activity, check that CloudTrail events reach TrailPulse.';

/** The card state of a widget: the data's, or "empty" when the widget has nothing to draw. */
export function widgetState(data: OverviewData, hasData: boolean): CardState {
  if (data.state !== 'ready') return data.state;
  return hasData ? 'ready' : 'empty';
}

export function widgetMessage(data: OverviewData, emptyMessage = NO_CALLS_MESSAGE): string {
  return data.state === 'ready' ? emptyMessage : data.message;
}
