import { z } from 'zod';
import { type FieldPath, fieldPathSchema } from './field-path';
import { MAX_FILTER_BRANCHES, MAX_IN_VALUES, MAX_OPERAND_LENGTH } from './limits';
import { compileFilterRegex } from './safe-regex';
import { hadUnknownKey, strictObject } from './strict-object';

/** A value a field can be compared with. No coercion: "true" never equals true, "1" never equals 1. */
export type ScalarValue = string | number | boolean;

/** Case folding for string operators only; exists and non-string values ignore it. */
interface StringTest {
  readonly field: FieldPath;
  readonly ignoreCase?: boolean;
}

/**
 * One test on one field. A field that is missing or null is absent: every operator except
 * `exists: false` is false on it, and a value of another type than the operand never matches.
 */
export type FieldCondition =
  | (StringTest & { readonly equals: ScalarValue })
  | (StringTest & { readonly in: readonly ScalarValue[] })
  | (StringTest & { readonly prefix: string })
  | (StringTest & { readonly suffix: string })
  | (StringTest & { readonly contains: string })
  | (StringTest & { readonly regex: string })
  | { readonly field: FieldPath; readonly exists: boolean };

/** A filter: a field test, or and/or/not over filters (nesting bounded by MAX_FILTER_DEPTH). */
export type FilterCondition =
  | FieldCondition
  | { readonly and: readonly FilterCondition[] }
  | { readonly or: readonly FilterCondition[] }
  | { readonly not: FilterCondition };

const FIELD_OPERATORS = ['equals', 'in', 'prefix', 'suffix', 'contains', 'regex', 'exists'] as const;
const COMBINATORS = ['and', 'or', 'not'] as const;

const scalarValueSchema = z.union([z.string().max(MAX_OPERAND_LENGTH), z.number(), z.boolean()], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    return issue.input === null
      ? 'null never matches (a null field counts as absent): test absence with "exists: false"'
      : 'expected a string, number or boolean';
  },
});

const operandSchema = z.string().min(1, 'cannot be empty').max(MAX_OPERAND_LENGTH);

const branchesSchema = (): z.ZodType<FilterCondition[]> =>
  z.array(filterConditionSchema).min(1, 'needs at least one condition').max(MAX_FILTER_BRANCHES);

/** Every key a condition may have; which combinations are valid is checked by toCondition. */
const conditionObjectSchema = strictObject(
  {
    field: fieldPathSchema.optional(),
    equals: scalarValueSchema.optional(),
    in: z.array(scalarValueSchema).min(1, 'needs at least one value').max(MAX_IN_VALUES).optional(),
    prefix: operandSchema.optional(),
    suffix: operandSchema.optional(),
    contains: operandSchema.optional(),
    regex: z.string().min(1, 'cannot be empty').optional(),
    ignoreCase: z.boolean().optional(),
    exists: z.boolean().optional(),
    get and() {
      return branchesSchema().optional();
    },
    get or() {
      return branchesSchema().optional();
    },
    get not() {
      return filterConditionSchema.optional();
    },
  },
  'a condition is an object such as { field: errorCode, prefix: AccessDenied } or { and: [ ... ] }',
);

type ConditionObject = z.infer<typeof conditionObjectSchema>;

interface ShapeProblem {
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * A filter condition (see the README for the language). The JSON shape is validated as one object
 * with every possible key, then narrowed, so a mistake gets one precise message instead of the
 * list of every alternative a plain union would print.
 */
export const filterConditionSchema: z.ZodType<FilterCondition> = conditionObjectSchema.transform((object, ctx) => {
  if (hadUnknownKey(ctx.issues)) return z.NEVER;
  const condition = toCondition(object);
  if ('problem' in condition) {
    ctx.issues.push({ code: 'custom', message: condition.problem.message, path: [...condition.problem.path], input: object });
    return z.NEVER;
  }
  return condition;
});

const OPERATOR_LIST = FIELD_OPERATORS.join(', ');
const COMBINATOR_LIST = COMBINATORS.join(', ');

function toCondition(object: ConditionObject): FilterCondition | { readonly problem: ShapeProblem } {
  if (object.and !== undefined) return onlyKeyProblem(object, 'and') ?? { and: object.and };
  if (object.or !== undefined) return onlyKeyProblem(object, 'or') ?? { or: object.or };
  if (object.not !== undefined) return onlyKeyProblem(object, 'not') ?? { not: object.not };
  const operators = FIELD_OPERATORS.filter((key) => object[key] !== undefined);
  const [operator] = operators;
  const { field, ignoreCase } = object;
  if (operators.length > 1) {
    return problem(`a condition has exactly one operator, found ${operators.join(' and ')}: combine several with "and"`);
  }
  if (field === undefined) {
    return operator === undefined
      ? problem(`a condition needs a "field" with one operator (${OPERATOR_LIST}), or one of ${COMBINATOR_LIST}`)
      : problem(`"${operator}" needs a "field" to test`);
  }
  if (ignoreCase !== undefined && (object.exists !== undefined || (object.equals !== undefined && typeof object.equals !== 'string'))) {
    return problem(`"ignoreCase" applies to string comparisons only, not to "${String(operator)}"`, ['ignoreCase']);
  }
  return toFieldCondition(object, field, ignoreCase === undefined ? {} : { ignoreCase });
}

/** A combinator is the whole condition: `{ and: [...], field: x }` is ambiguous, so it is refused. */
function onlyKeyProblem(object: ConditionObject, combinator: (typeof COMBINATORS)[number]): { readonly problem: ShapeProblem } | undefined {
  const others = Object.entries(object)
    .filter(([key, value]) => key !== combinator && value !== undefined)
    .map(([key]) => key);
  if (others.length === 0) return undefined;
  return problem(`"${combinator}" must be the only key of its condition, found also ${others.join(', ')}: nest conditions instead`);
}

function toFieldCondition(
  object: ConditionObject,
  field: FieldPath,
  folding: { readonly ignoreCase?: boolean },
): FilterCondition | { readonly problem: ShapeProblem } {
  if (object.equals !== undefined) return { field, equals: object.equals, ...folding };
  if (object.in !== undefined) return { field, in: object.in, ...folding };
  if (object.prefix !== undefined) return { field, prefix: object.prefix, ...folding };
  if (object.suffix !== undefined) return { field, suffix: object.suffix, ...folding };
  if (object.contains !== undefined) return { field, contains: object.contains, ...folding };
  if (object.exists !== undefined) return { field, exists: object.exists };
  if (object.regex !== undefined) {
    const compiled = compileFilterRegex(object.regex, folding.ignoreCase === true);
    return compiled.ok ? { field, regex: object.regex, ...folding } : problem(compiled.problem, ['regex']);
  }
  return problem(`the condition on "field" needs one operator: ${OPERATOR_LIST}`);
}

function problem(message: string, path: readonly string[] = []): { readonly problem: ShapeProblem } {
  return { problem: { path, message } };
}

/** Nesting of and/or/not on the longest branch (a bare field test is 0). */
export function filterDepth(condition: FilterCondition): number {
  if ('and' in condition) return 1 + Math.max(...condition.and.map(filterDepth));
  if ('or' in condition) return 1 + Math.max(...condition.or.map(filterDepth));
  if ('not' in condition) return 1 + filterDepth(condition.not);
  return 0;
}
