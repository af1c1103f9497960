import { type z } from 'zod';
import { errorBody, type Problem } from './errors';
import { parsed, type ParseResult } from './parse-result';

/**
 * Reads query parameters strictly: every name must be known and given once. A typo such as
 * `windw=10` or a repeated `from` is a 400 naming the parameter, never silently ignored.
 */
export function parseQueryParams<Schema extends z.ZodType>(
  params: URLSearchParams,
  schema: Schema,
  knownNames: readonly string[],
): ParseResult<z.output<Schema>> {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const problems: Problem[] = [];
  for (const [name, value] of params) {
    if (!knownNames.includes(name)) {
      problems.push({ path: name, message: `unknown parameter "${name}"; allowed: ${knownNames.join(', ')}` });
    } else if (name in values) {
      problems.push({ path: name, message: `parameter "${name}" is given more than once` });
    } else {
      values[name] = value;
    }
  }
  if (problems.length === 0) {
    const result = schema.safeParse({ ...values });
    if (result.success) return parsed(result.data);
    for (const issue of result.error.issues) problems.push(toProblem(issue));
  }
  return { ok: false, error: errorBody('bad-request', problems.map((p) => p.message).join('; '), problems) };
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  // Messages name their parameter so the sentence stands on its own in `message`.
  return { path, message: path === '' || message.startsWith(path) ? message : `${path}: ${message}` };
}
