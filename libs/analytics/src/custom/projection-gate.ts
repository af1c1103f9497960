/**
 * When a custom metric needs the whole record. The byte scanner hands on a projection of each record
 * (the fields the built-in metrics read: scan/projected-fields.ts); parsing the whole record again
 * costs more than scanning it. A metric whose filter and measure read only projected fields (or the
 * derived `$` keys, which come from the facts) is computed from the projection as it is. A metric
 * that reads other fields needs the whole record, but only for records that can match: the parts of
 * its filter that read projected fields give a necessary condition, and a record failing it is
 * skipped unparsed (e.g. `eventName: ConsoleLogin and not additionalEventData.MFAUsed = Yes` parses
 * console logins only).
 */
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { IN_SESSION_CONTEXT, IN_SESSION_ISSUER, IN_USER_IDENTITY, projectedField, SESSION_CONTEXT, SESSION_ISSUER, TOP_LEVEL, USER_IDENTITY } from '../scan/projected-fields';
import { compileFilter } from './compile-filter';
import { type CustomMetricDefinition } from './definition-schema';
import { type FieldPath, resolveFieldPath } from './field-path';
import { type FilterCondition } from './filter-schema';
import { type RecordPredicate } from './metric-runtime';

/** A condition compiled to run on the projection: exact, or only necessary (a record failing it cannot match). */
interface ProjectedCondition {
  readonly test: RecordPredicate;
  readonly exact: boolean;
}

/** The containers of the projection, and the level of the object each holds. */
const CONTAINER_LEVEL = new Map<number, number>([
  [USER_IDENTITY, IN_USER_IDENTITY],
  [SESSION_CONTEXT, IN_SESSION_CONTEXT],
  [SESSION_ISSUER, IN_SESSION_ISSUER],
]);

/**
 * Whether reading `path` from the projection gives what reading it from the whole record would.
 * A path ending at a projected container (userIdentity) holds only some of its members there, so it
 * reads the same only for an `exists` test.
 */
export function readsSameFromProjection(path: FieldPath, existsOnly = false): boolean {
  const resolved = resolveFieldPath(path);
  if (resolved.kind === 'derived') return true;
  let level = TOP_LEVEL;
  for (const [index, segment] of resolved.segments.entries()) {
    if (segment.index !== undefined) return false;
    const field = projectedField(level, segment.key);
    if (field < 0) return false;
    const inner = CONTAINER_LEVEL.get(field);
    const last = index === resolved.segments.length - 1;
    if (last) return inner === undefined || existsOnly;
    if (inner === undefined) return false;
    level = inner;
  }
  return false;
}

function projectedCondition(condition: FilterCondition, metricId: string): ProjectedCondition | undefined {
  if ('and' in condition) {
    const parts = condition.and.map((branch) => projectedCondition(branch, metricId));
    const known = parts.filter((part): part is ProjectedCondition => part !== undefined);
    if (known.length === 0) return undefined;
    const tests = known.map((part) => part.test);
    return { test: (record, facts) => allPass(tests, record, facts), exact: known.length === parts.length && known.every((part) => part.exact) };
  }
  if ('or' in condition) {
    const parts = condition.or.map((branch) => projectedCondition(branch, metricId));
    if (parts.some((part) => part === undefined)) return undefined;
    const known = parts as ProjectedCondition[];
    const tests = known.map((part) => part.test);
    return { test: (record, facts) => anyPasses(tests, record, facts), exact: known.every((part) => part.exact) };
  }
  if ('not' in condition) {
    // Only an exact condition can be negated: "not (necessary)" is not necessary for "not".
    const inner = projectedCondition(condition.not, metricId);
    if (inner === undefined || !inner.exact) return undefined;
    return { test: (record, facts) => !inner.test(record, facts), exact: true };
  }
  if (!readsSameFromProjection(condition.field, 'exists' in condition)) return undefined;
  return { test: compileFilter(condition, metricId), exact: true };
}

function measureFields(definition: CustomMetricDefinition): readonly FieldPath[] | undefined {
  const measure = definition.measure as Readonly<Record<string, unknown>>;
  if ('topK' in measure) return [(measure['topK'] as { by: FieldPath }).by];
  if ('distinctCount' in measure && measure['distinctCount'] !== undefined) return [measure['distinctCount'] as FieldPath];
  if ('count' in measure) return [];
  // errorRate and firstSeen read more (an errors filter, several fields): always the whole record.
  return undefined;
}

/**
 * For one metric: undefined when the projection always suffices, else a predicate on the projection
 * that is true for every record the metric may count (parse those).
 */
export function wholeRecordGate(definition: CustomMetricDefinition): RecordPredicate | undefined {
  const fields = measureFields(definition);
  const measureProjected = fields !== undefined && fields.every((field) => readsSameFromProjection(field));
  const filter = definition.filter === undefined ? { test: () => true, exact: true } : projectedCondition(definition.filter, definition.id);
  if (measureProjected && filter?.exact === true) return undefined;
  const test = filter?.test ?? (() => true);
  return definition.apiCallsOnly ? (record, facts) => facts.isApiCall && test(record, facts) : test;
}

/**
 * For a set of metrics: undefined when none ever needs the whole record, else the predicate telling
 * for which records (as projected by the scanner) at least one of them does.
 */
export function wholeRecordNeeded(definitions: readonly CustomMetricDefinition[]): RecordPredicate | undefined {
  const gates = definitions.map(wholeRecordGate).filter((gate): gate is RecordPredicate => gate !== undefined);
  if (gates.length === 0) return undefined;
  return (record, facts) => anyPasses(gates, record, facts);
}

// Loops rather than every/some with an arrow: these run once per ingested record, and the arrow
// (it captures the record) was a closure allocated per call, 90 bytes a record on the ingest thread.
function allPass(tests: readonly RecordPredicate[], record: CloudTrailLikeRecord, facts: CallFacts): boolean {
  for (const test of tests) if (!test(record, facts)) return false;
  return true;
}

function anyPasses(tests: readonly RecordPredicate[], record: CloudTrailLikeRecord, facts: CallFacts): boolean {
  for (const test of tests) if (test(record, facts)) return true;
  return false;
}
