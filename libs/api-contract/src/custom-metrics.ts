import {
  type CustomMetricDefinition,
  CustomMetricDefinitionError,
  customMetricDefinitionSchema,
  isMetricId,
  validateCustomMetricDefinitions,
} from '@trailpulse/analytics';
import { z } from 'zod';
import { errorBody, type Problem } from './errors';
import { parsed, type ParseResult } from './parse-result';

export { type CustomMetricDefinition, type CustomMetricDefinitionInput } from '@trailpulse/analytics';

/** `200` answer of `GET /api/v1/metrics/custom`: every definition, normalized, sorted by id. */
export const customMetricListResponseSchema = z.object({ metrics: z.array(customMetricDefinitionSchema) });

export type CustomMetricListResponse = z.output<typeof customMetricListResponseSchema>;

/**
 * Body of `PUT /api/v1/metrics/custom/:id`: one definition in the language of
 * examples/custom-metrics (JSON). `id` may be left out (the path names it) or must equal the path's.
 */
export const customMetricPutBodySchema = customMetricDefinitionSchema;

/** `200` (replaced) or `201` (created) answer of the PUT: the stored, normalized definition. */
export const customMetricPutResponseSchema = z.object({ metric: customMetricDefinitionSchema, created: z.boolean() });

export type CustomMetricPutResponse = z.output<typeof customMetricPutResponseSchema>;

/**
 * Validates a PUT: the path id and the body, with the engine's own validation (so the dashboard can
 * check a definition before sending it and get the server's exact messages). A failure is the 400
 * body with one problem per mistake, located by path inside the definition.
 */
export function parseCustomMetricPut(pathId: string, body: unknown): ParseResult<CustomMetricDefinition> {
  if (!isMetricId(pathId)) {
    const shown: string = pathId;
    return invalid(`the metric id in the path, ${JSON.stringify(shown.slice(0, 64))}, is not a lower-case slug such as "root-activity"`, [
      { path: 'id', message: 'a metric id is a lower-case slug: a letter, then letters, digits or "-"' },
    ]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('the body must be one custom metric definition (a JSON object)', [{ path: '', message: 'expected a JSON object' }]);
  }
  const definition = body as Readonly<Record<string, unknown>>;
  if ('metrics' in definition) {
    return invalid('the body must be one definition, not a definitions file; PUT each metric to its own id', [
      { path: 'metrics', message: 'not a key of a definition' },
    ]);
  }
  if (definition['id'] !== undefined && definition['id'] !== pathId) {
    return invalid(`the body's id ${JSON.stringify(definition['id'])} differs from the path's "${pathId}"`, [
      { path: 'id', message: `must be "${pathId}" or left out` },
    ]);
  }
  try {
    const [validated] = validateCustomMetricDefinitions({ ...definition, id: pathId }, `metric "${pathId}"`);
    if (validated === undefined) return invalid('the body holds no definition', []);
    return parsed(validated);
  } catch (error) {
    if (!(error instanceof CustomMetricDefinitionError)) throw error;
    const problems: Problem[] = error.problems.map((problem) => ({ path: problem.path, message: problem.message }));
    return invalid(error.message, problems);
  }
}

function invalid(message: string, problems: Problem[]): ParseResult<never> {
  return { ok: false, error: errorBody('bad-request', message, problems) };
}
