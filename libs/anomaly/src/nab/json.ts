import { NabInputError } from './errors';

/** Parses a JSON document that must be an object, with errors naming `source`. */
export function parseJsonObject(text: string, source: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new NabInputError(`not valid JSON (${(error as Error).message})`, source, undefined, { cause: error });
  }
  const object = asObject(document);
  if (object === undefined) throw new NabInputError('expected a JSON object', source);
  return object;
}

/** `value` as a plain object, or undefined when it is anything else (array, null, scalar). */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
