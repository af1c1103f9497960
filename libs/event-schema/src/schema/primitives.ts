import { z } from 'zod';

/**
 * A string union that still accepts strings AWS has not documented yet.
 *
 * CloudTrail adds identity types, event types and categories over time, and test fixtures carry
 * placeholders ("...", "foo"). Rejecting an unknown value would throw away a record the metrics
 * can still count, so the schema only checks "is a string" while the type keeps the documented
 * literals visible to editors and to `switch` statements.
 */
export type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

/**
 * Zod schema for {@link OpenEnum}: validates any string at run time, types the documented values.
 * The cast is the only way to widen Zod's inferred `string` into the literal-preserving union.
 */
export function openEnum<const Known extends readonly [string, ...string[]]>(
  documentedValues: Known,
): z.ZodType<OpenEnum<Known[number]>, OpenEnum<Known[number]>> {
  const schema = z.string().describe(`One of ${documentedValues.join(', ')}, or a value AWS added later`);
  return schema as unknown as z.ZodType<OpenEnum<Known[number]>, OpenEnum<Known[number]>>;
}

/**
 * A boolean CloudTrail writes either as JSON boolean or as the strings "true"/"false"
 * (`mfaAuthenticated`, `sessionCredentialFromConsole` and `assumedRoot` are strings in real logs;
 * `readOnly` is a boolean but some exporters stringify it). Kept as-is (no transform) so a parse
 * round trip returns the input unchanged; interpret it with `value === true || value === 'true'`.
 */
export const BooleanFlagSchema = z.union([z.boolean(), z.enum(['true', 'false'])]);
export type BooleanFlag = z.infer<typeof BooleanFlagSchema>;

/**
 * A free-form JSON object (requestParameters, responseElements, ...): service-specific content
 * the engine never interprets, so only "it is an object" is checked and every key is kept.
 */
export const JsonObjectSchema = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObjectSchema>;
