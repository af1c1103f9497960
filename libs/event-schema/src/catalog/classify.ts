// Puts a CloudTrail call in an ActivityCategory, the rule behind `callsByCategory`: the record's
// `readOnly` field decides `read` when present; otherwise the service catalog / verb rules decide.
// Called once per record by the engine, so results are cached per (eventSource, eventName).

import { type CatalogOperation } from './catalog-types';
import { normalizeEventName } from './normalize-event-name';
import { findCatalogOperation } from './service-catalog';
import { type ActivityCategory, classifyByVerb } from './verb-rules';

export { type ActivityCategory, classifyByVerb } from './verb-rules';
export { normalizeEventName } from './normalize-event-name';
export { catalogCoverage, type CatalogCoverage } from './catalog-coverage';

/**
 * Applies read-only evidence to a category: `true` makes it `read`; `false` keeps it unless it
 * is `read`, which then becomes `other` (the call wrote something, but we cannot tell what);
 * `null`/`undefined` leaves it as it is.
 */
export function applyReadOnlyFlag(category: ActivityCategory, readOnly: boolean | null | undefined): ActivityCategory {
  if (readOnly === true) return 'read';
  if (readOnly === false) return category === 'read' ? 'other' : category;
  return category;
}

/** The catalog entry for a CloudTrail event source and event name (API-version suffix ignored). */
export function lookupOperation(eventSource: string, eventName: string): CatalogOperation | undefined {
  return findCatalogOperation(eventSource, normalizeEventName(eventName));
}

/** Category without the record's own evidence: the catalog's for known operations, else the verb's. */
function categoryWithoutRecordEvidence(eventSource: string, eventName: string): ActivityCategory {
  const name = normalizeEventName(eventName);
  return findCatalogOperation(eventSource, name)?.category ?? classifyByVerb(name);
}

/**
 * Distinct (eventSource, eventName) pairs are a few thousand in real traffic; the bound only
 * protects against garbage input. Clearing everything when it is reached keeps the cache plain Map
 * lookups per call (one for most names, see FirstPair), and a cleared cache gives the same answers,
 * just slower once.
 */
const MAX_CACHED_PAIRS = 100_000;
const cachedCategories = new Map<string, Map<string, ActivityCategory>>();
let cachedPairCount = 0;

/** The first pair cached for an event name: most names belong to one service, so one lookup finds them. */
interface FirstPair {
  readonly eventSource: string;
  readonly category: ActivityCategory;
}
const firstPairByName = new Map<string, FirstPair>();

function cachedCategory(eventSource: string, eventName: string): ActivityCategory {
  const first = firstPairByName.get(eventName);
  if (first !== undefined && first.eventSource === eventSource) return first.category;
  let byName = cachedCategories.get(eventSource);
  const cached = byName?.get(eventName);
  if (cached !== undefined) return cached;
  const category = categoryWithoutRecordEvidence(eventSource, eventName);
  if (cachedPairCount >= MAX_CACHED_PAIRS) {
    cachedCategories.clear();
    firstPairByName.clear();
    cachedPairCount = 0;
    byName = undefined;
  }
  if (byName === undefined) {
    byName = new Map();
    cachedCategories.set(eventSource, byName);
  }
  byName.set(eventName, category);
  if (!firstPairByName.has(eventName)) firstPairByName.set(eventName, { eventSource, category });
  cachedPairCount += 1;
  return category;
}

/** The record's `readOnly` field as evidence: a boolean or the strings "true"/"false"; anything else is absent. */
function readOnlyEvidence(readOnly: boolean | string | null | undefined): boolean | undefined {
  if (readOnly === true || readOnly === 'true') return true;
  if (readOnly === false || readOnly === 'false') return false;
  return undefined;
}

/**
 * Category of one CloudTrail call. `readOnly` is the record's own field: true/"true" gives
 * `read`; false/"false" gives the catalog or verb category, or `other` where that says `read`;
 * absent, null or any other value leaves the decision to the catalog (read-only evidence from the
 * API models, else verb rules) and, for operations it does not know, to the verb rules.
 */
export function classifyOperation(
  eventSource: string,
  eventName: string,
  readOnly?: boolean | string | null,
): ActivityCategory {
  return applyReadOnlyFlag(cachedCategory(eventSource, eventName), readOnlyEvidence(readOnly));
}
