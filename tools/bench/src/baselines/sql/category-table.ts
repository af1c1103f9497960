// callsByCategory needs the service catalog, which SQL engines do not have: the baselines ask
// SQL for the distinct (eventSource, eventName) pairs, classify them here with the library's
// classifier and load the answer back as a small table. The record's own readOnly field is then
// applied in SQL (readOnlyRuleSql), exactly as metrics.md words it.
import { classifyOperation } from '@trailpulse/event-schema';

export interface OperationCategoryRow {
  readonly eventSource: string;
  readonly eventName: string;
  /** The catalog / verb category, before the record's readOnly field is considered. */
  readonly category: string;
}

export interface OperationPair {
  readonly eventSource: string;
  readonly eventName: string;
}

export function operationCategories(pairs: readonly OperationPair[]): OperationCategoryRow[] {
  // classifyOperation without readOnly evidence is "the service catalog / verb rules decide".
  return pairs.map(({ eventSource, eventName }) => ({ eventSource, eventName, category: classifyOperation(eventSource, eventName, null) }));
}

/**
 * metrics.md: the record's readOnly field (boolean or "true"/"false") decides `read` when
 * present; a write flag on an operation the catalog calls a read makes it `other`
 * (applyReadOnlyFlag in @trailpulse/event-schema). Both SQL engines read the field as text, so
 * JSON true and "true" both arrive as 'true'. `readOnly` and `category` are column names.
 */
export function readOnlyRuleSql(readOnly: string, category: string): string {
  return `CASE WHEN ${readOnly} = 'true' THEN 'read' WHEN ${readOnly} = 'false' AND ${category} = 'read' THEN 'other' ELSE ${category} END`;
}
