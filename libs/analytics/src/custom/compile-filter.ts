import { CustomMetricDefinitionError } from './definition-error';
import { type FieldReader, fieldReader } from './field-reader';
import { type FieldCondition, type FilterCondition, type ScalarValue } from './filter-schema';
import { type RecordPredicate } from './metric-runtime';
import { compileFilterRegex } from './safe-regex';

/** A test of one field value (already read; undefined when absent). */
type ValueTest = (value: unknown) => boolean;

/**
 * Compiles a filter once into a tree of closures: paths pre-split, regexes pre-compiled, `in` as a
 * Set, so a record costs a few property reads and comparisons. Never throws on a record: a value of
 * another type than the operand simply does not match.
 */
export function compileFilter(condition: FilterCondition, metricId: string, path = 'filter'): RecordPredicate {
  return compileCondition(condition, { metricId, path });
}

interface Location {
  readonly metricId: string;
  readonly path: string;
}

function compileCondition(condition: FilterCondition, at: Location): RecordPredicate {
  if ('and' in condition) {
    const branches = condition.and.map((branch, index) => compileCondition(branch, within(at, `and[${index}]`)));
    return (record, facts) => {
      for (const branch of branches) if (!branch(record, facts)) return false;
      return true;
    };
  }
  if ('or' in condition) {
    const branches = condition.or.map((branch, index) => compileCondition(branch, within(at, `or[${index}]`)));
    return (record, facts) => {
      for (const branch of branches) if (branch(record, facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const negated = compileCondition(condition.not, within(at, 'not'));
    return (record, facts) => !negated(record, facts);
  }
  const read: FieldReader = fieldReader(condition.field);
  const test = valueTest(condition, at);
  return (record, facts) => test(read(record, facts));
}

function within(at: Location, segment: string): Location {
  return { metricId: at.metricId, path: `${at.path}.${segment}` };
}

function valueTest(condition: FieldCondition, at: Location): ValueTest {
  if ('exists' in condition) {
    const wanted = condition.exists;
    return (value) => (value !== undefined) === wanted;
  }
  const fold = condition.ignoreCase === true ? (text: string) => text.toLowerCase() : undefined;
  if ('equals' in condition) return equalsTest(condition.equals, fold);
  if ('in' in condition) return inTest(condition.in, fold);
  if ('regex' in condition) return regexTest(condition.regex, fold !== undefined, at);
  if ('prefix' in condition) return stringTest(condition.prefix, fold, (value, operand) => value.startsWith(operand));
  if ('suffix' in condition) return stringTest(condition.suffix, fold, (value, operand) => value.endsWith(operand));
  return stringTest(condition.contains, fold, (value, operand) => value.includes(operand));
}

type Fold = ((text: string) => string) | undefined;

function equalsTest(operand: ScalarValue, fold: Fold): ValueTest {
  if (typeof operand === 'string' && fold !== undefined) {
    const folded = fold(operand);
    return (value) => typeof value === 'string' && fold(value) === folded;
  }
  return (value) => value === operand;
}

function inTest(operands: readonly ScalarValue[], fold: Fold): ValueTest {
  if (fold === undefined) {
    const members: ReadonlySet<unknown> = new Set(operands);
    return (value) => members.has(value);
  }
  const members: ReadonlySet<unknown> = new Set(operands.map((operand) => (typeof operand === 'string' ? fold(operand) : operand)));
  return (value) => members.has(typeof value === 'string' ? fold(value) : value);
}

function stringTest(operand: string, fold: Fold, matches: (value: string, operand: string) => boolean): ValueTest {
  if (fold === undefined) return (value) => typeof value === 'string' && matches(value, operand);
  const folded = fold(operand);
  return (value) => typeof value === 'string' && matches(fold(value), folded);
}

function regexTest(pattern: string, ignoreCase: boolean, at: Location): ValueTest {
  const compiled = compileFilterRegex(pattern, ignoreCase);
  if (!compiled.ok) {
    // The schema refuses such patterns already; this guards definitions built in code.
    const problem = { path: `${at.path}.regex`, message: compiled.problem, metric: at.metricId };
    throw new CustomMetricDefinitionError('(compiled definition)', [problem], { cause: undefined });
  }
  const { regex } = compiled;
  return (value) => typeof value === 'string' && regex.test(value);
}
