// Every bound of the custom-metric language and its accumulators, in one place so the README, the
// schema and the sketches cannot drift apart. Definitions come from analysts, possibly through the
// API, so each bound keeps one definition from costing unbounded memory or time per record.

/** Longest `id`; ids are slugs that end up in JSON keys, URLs and file names. */
export const MAX_ID_LENGTH = 64;
export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 4_000;

/** Segments of one field path (CloudTrail nests a handful of levels; 32 leaves ample room). */
export const MAX_PATH_SEGMENTS = 32;
export const MAX_PATH_LENGTH = 512;

/** and/or/not levels of a filter: deep enough for any real rule, shallow enough for the call stack. */
export const MAX_FILTER_DEPTH = 32;
/** Conditions inside one `and` / `or`. */
export const MAX_FILTER_BRANCHES = 256;
/** Values of one `in` (compiled to a Set, so the size costs memory, not time). */
export const MAX_IN_VALUES = 10_000;
/** Longest operand of equals/prefix/suffix/contains. */
export const MAX_OPERAND_LENGTH = 4_096;
/**
 * Longest regular expression. JavaScript regexes backtrack, so a long or nested pattern can take
 * exponential time on a crafted value; the length bound plus the nested-quantifier check in
 * safe-regex.ts reject the usual catastrophic shapes before a record is ever tested.
 */
export const MAX_REGEX_LENGTH = 512;

/**
 * Nesting of the parsed definitions document as a whole, checked before schema validation so a
 * hostile document cannot exhaust the stack of the (recursive) validator. A filter at the maximum
 * depth needs about 3 + 2 x 32 levels.
 */
export const MAX_DOCUMENT_DEPTH = 100;

/** Longest top-K list a definition may ask for, and its default (metrics.md: K = 10). */
export const MAX_TOP_K = 1_000;
export const DEFAULT_TOP_K = 10;
/**
 * Keys a top-K summary tracks per window: counts are exact while a window has at most this many
 * distinct keys. Custom metrics default lower than the built-ins (10,000) because an organization
 * may define dozens of them; a definition can raise it up to MAX_TOP_K_CAPACITY.
 */
export const DEFAULT_TOP_K_CAPACITY = 1_000;
export const MAX_TOP_K_CAPACITY = 10_000;

/** distinctCount stays an exact set while it holds at most this many keys... */
export const EXACT_DISTINCT_MAX_KEYS = 512;
/** ...and at most this many UTF-16 code units of key text (ARNs are long; the state must stay a few KB). */
export const EXACT_DISTINCT_MAX_KEY_CHARS = 16_384;
/**
 * HyperLogLog precision once the exact set overflows: 2^12 = 4,096 one-byte registers (4 KiB),
 * relative standard error 1.04 / sqrt(4096) = 1.625 %.
 */
export const HLL_PRECISION = 12;

/**
 * Longest key a distinctCount or topK measure keeps; longer values (a policy document, an object
 * rendered as JSON) are cut here so one record cannot blow up a summary.
 */
export const MAX_KEY_LENGTH = 1_024;

// ---- Series measures (errorRate, firstSeen): per-window parts as above, cross-window state in the engine. ----

/**
 * errorRate: spikes listed per window (`k`), keys counted per window (`capacity`, two Space-Saving
 * sketches). The capacity defaults to the built-ins' 10,000, not topK's 1,000: the call sketch sees
 * every caller of the window, not a filtered few, and counts stay exact (and split runs equal to a
 * single pass) only while every caller fits.
 */
export const DEFAULT_ERROR_RATE_K = 10;
export const DEFAULT_ERROR_RATE_CAPACITY = 10_000;
/** errorRate: keys with a cross-window baseline (four numbers each); the least active are evicted beyond. */
export const DEFAULT_ERROR_RATE_TRACKED_KEYS = 10_000;
export const MAX_ERROR_RATE_TRACKED_KEYS = 100_000;
/** errorRate: how fast a key's baseline forgets (seconds): a day, so daily jobs are part of the baseline. */
export const DEFAULT_ERROR_RATE_HALF_LIFE_SECONDS = 86_400;
/**
 * errorRate: spikes listed need -log10 p >= this. A window with 1,000 keys tested 1,440 times a day is
 * ~1.4 million tests a day, so p = 1e-6 leaves about one chance spike a day at that load (and far
 * fewer at realistic loads, where few keys have errors at all).
 */
export const DEFAULT_ERROR_RATE_MIN_SCORE = 6;

/** errorRate: the error rate assumed of a key without history: 1 call in 100 (AccessDenied is rarer in healthy accounts). */
export const DEFAULT_ERROR_RATE_PRIOR_RATE = 0.01;

/** firstSeen: fields of one tuple key. */
export const MAX_FIRST_SEEN_FIELDS = 8;
export const DEFAULT_FIRST_SEEN_K = 20;
/** firstSeen: keys remembered at the Bloom filter's design false-positive rate. */
export const DEFAULT_FIRST_SEEN_CAPACITY = 50_000;
export const MAX_FIRST_SEEN_CAPACITY = 1_000_000;
/** firstSeen: the remembered set is exact (sorted keys in the snapshot) up to this many keys... */
export const EXACT_FIRST_SEEN_MAX_KEYS = 4_096;
/** ...and this many UTF-16 code units of key text, then a Bloom filter sized for `capacity`. */
export const EXACT_FIRST_SEEN_MAX_KEY_CHARS = 262_144;
/** firstSeen: design false-positive rate of the Bloom filter at `capacity` keys (a false positive hides a new key). */
export const FIRST_SEEN_FALSE_POSITIVE_RATE = 0.01;
/**
 * firstSeen: distinct keys one window keeps (a bottom-k sample by hash beyond, so merging stays exact
 * whatever the split); a window with more is marked approximate.
 */
export const MAX_FIRST_SEEN_WINDOW_KEYS = 10_000;
/** Longest learnFor / halfLife: 90 days. */
export const MAX_SERIES_DURATION_SECONDS = 90 * 86_400;
