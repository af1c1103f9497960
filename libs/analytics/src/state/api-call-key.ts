/**
 * The `topApiCalls` key, `eventSource + ":" + eventName` (metrics.md), without building a new
 * string per record: a fresh concatenation would have to be flattened and hashed on every Map
 * lookup, while a cached key is hashed once. Distinct pairs are a few thousand in real traffic;
 * the bound only protects against garbage input, and clearing the cache changes no result.
 */
const MAX_CACHED_KEYS = 100_000;
const keysBySource = new Map<string, Map<string, string>>();
let cachedKeyCount = 0;

/** The first key cached for an event name: most names belong to one service, so one lookup finds them. */
interface FirstKey {
  readonly eventSource: string;
  readonly key: string;
}
const firstKeyByName = new Map<string, FirstKey>();

export function apiCallKey(eventSource: string, eventName: string): string {
  const first = firstKeyByName.get(eventName);
  if (first !== undefined && first.eventSource === eventSource) return first.key;
  let keysByName = keysBySource.get(eventSource);
  const cached = keysByName?.get(eventName);
  if (cached !== undefined) return cached;
  if (cachedKeyCount >= MAX_CACHED_KEYS) {
    keysBySource.clear();
    firstKeyByName.clear();
    cachedKeyCount = 0;
    keysByName = undefined;
  }
  if (keysByName === undefined) {
    keysByName = new Map();
    keysBySource.set(eventSource, keysByName);
  }
  const key = eventSource + ':' + eventName;
  keysByName.set(eventName, key);
  if (!firstKeyByName.has(eventName)) firstKeyByName.set(eventName, { eventSource, key });
  cachedKeyCount++;
  return key;
}
