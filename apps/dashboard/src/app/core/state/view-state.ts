import { type MetricsFilters } from '@trailpulse/api-contract';
import { ERROR_CLASSES, type ErrorClass } from '../contract-gaps';
import { DEFAULT_PRESET, RANGE_PRESETS, type RangePreset, type TimeRange } from './time-range';

export { ERROR_CLASSES, type ErrorClass };

export const FILTER_NAMES = ['account', 'region', 'service', 'principal'] as const satisfies readonly (keyof MetricsFilters)[];
export type FilterName = (typeof FILTER_NAMES)[number];

/** Everything a shared link must reproduce: the range and the filters. */
export interface ViewState {
  readonly range: TimeRange;
  readonly filters: MetricsFilters;
  readonly errorClass?: ErrorClass;
}

/** The API filters of a view: its dimension filters plus its error class (the API's `error` filter). */
export function apiFiltersOf(view: ViewState): MetricsFilters {
  return view.errorClass === undefined ? view.filters : { ...view.filters, error: view.errorClass };
}

export const DEFAULT_VIEW_STATE: ViewState = { range: { kind: 'relative', preset: DEFAULT_PRESET }, filters: {} };

/** The query parameters this state owns (others in the URL are left alone). */
export const VIEW_PARAM_NAMES = ['range', 'from', 'to', ...FILTER_NAMES, 'error'] as const;

export type QueryParams = Readonly<Record<string, string | undefined>>;

export interface ParsedViewState {
  readonly state: ViewState;
  /** Parameters that were ignored, and why: shown so a mistyped link does not silently mislead. */
  readonly problems: readonly string[];
}

/** Reads a ViewState from the URL's query parameters; a bad parameter is reported and falls back to its default. */
export function parseViewState(params: QueryParams): ParsedViewState {
  const problems: string[] = [];
  let range: TimeRange = DEFAULT_VIEW_STATE.range;
  const from = params['from'];
  const to = params['to'];
  if (from !== undefined || to !== undefined) {
    const fromMs = from === undefined ? Number.NaN : Date.parse(from);
    const toMs = to === undefined ? Number.NaN : Date.parse(to);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) problems.push('from and to must both be ISO-8601 times such as 2024-01-01T00:00:00Z; showing the last hour');
    else if (fromMs >= toMs) problems.push('to must be after from; showing the last hour');
    else range = { kind: 'absolute', fromMs, toMs };
  } else if (params['range'] !== undefined) {
    const preset = RANGE_PRESETS.find((candidate) => candidate.id === params['range']);
    if (preset === undefined) problems.push(`range "${params['range']}" is not one of ${RANGE_PRESETS.map((p) => p.id).join(', ')}; showing the last hour`);
    else range = { kind: 'relative', preset: preset.id };
  }
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params[name]?.trim();
    if (value !== undefined && value !== '') filters[name] = value;
  }
  const error = params['error'];
  let errorClass: ErrorClass | undefined;
  if (error !== undefined && error !== '') {
    if ((ERROR_CLASSES as readonly string[]).includes(error)) errorClass = error as ErrorClass;
    else problems.push(`error "${error}" is not one of ${ERROR_CLASSES.join(', ')}; ignored`);
  }
  const state: ViewState = errorClass === undefined ? { range, filters } : { range, filters, errorClass };
  return { state, problems };
}

/**
 * The query parameters of a state: every owned name is present, null where it is at its default,
 * so that Router's "merge" removes it (short links, and one canonical URL per view).
 */
export function viewStateToQueryParams(state: ViewState): Record<(typeof VIEW_PARAM_NAMES)[number], string | null> {
  const range = state.range;
  return {
    range: range.kind === 'relative' && range.preset !== DEFAULT_PRESET ? range.preset : null,
    from: range.kind === 'absolute' ? new Date(range.fromMs).toISOString() : null,
    to: range.kind === 'absolute' ? new Date(range.toMs).toISOString() : null,
    account: state.filters.account ?? null,
    region: state.filters.region ?? null,
    service: state.filters.service ?? null,
    principal: state.filters.principal ?? null,
    error: state.errorClass ?? null,
  };
}

/** The same state, by value. */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  const params = (state: ViewState) => JSON.stringify(viewStateToQueryParams(state));
  return params(a) === params(b);
}

export function presetOf(range: TimeRange): RangePreset | 'custom' {
  return range.kind === 'relative' ? range.preset : 'custom';
}
