/**
 * Types the dashboard needs that @trailpulse/api-contract does not (yet) provide. Each is listed
 * in /work/notes/h7-needs.md for the lead to reconcile; delete an entry once the contract has it.
 */

/**
 * Error classes of a record's errorCode, as the custom metrics' `$errorClass` names them
 * (examples/custom-metrics/README.md). Neither GET /api/v1/metrics nor GET /api/v1/events takes an
 * error filter, and the engine's classifier is not exported by the contract: the dashboard keeps
 * the filter in the URL and applies it to drill-down events in the browser
 * (features/drill-down/error-class.ts).
 */
export const ERROR_CLASSES = ['none', 'access-denied', 'throttling', 'other'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/**
 * Per-window values of custom metrics: the contract types them as `unknown`
 * (`metrics.custom: record<string, unknown>`). The shapes below are those of
 * examples/custom-metrics/README.md and libs/analytics' accumulators; features/overview/custom-values.ts
 * recognizes them by shape and shows anything else as JSON.
 */
export type CustomCountValue = number;
export interface CustomDistinctValue {
  readonly distinct: number;
  readonly approximate: boolean;
}
export type CustomTopKValue = readonly { readonly key: string; readonly count: number; readonly error?: number }[];
export interface CustomErrorRateValue {
  readonly calls: number;
  readonly errors: number;
}
