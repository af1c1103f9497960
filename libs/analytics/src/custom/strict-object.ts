import { z } from 'zod';
import { didYouMean } from './suggest';

/**
 * z.strictObject whose unknown-key message names each key with a "did you mean" hint, because a
 * typo such as `prefx` must fail the definition instead of silently matching everything.
 */
/**
 * True when the object being refined had an unknown key. Shape checks then skip: a typo such as
 * "prefx" would otherwise also be reported as a missing operator, one mistake as two problems.
 */
export function hadUnknownKey(issues: readonly z.core.$ZodRawIssue[]): boolean {
  return issues.some((issue) => issue.code === 'unrecognized_keys' && (issue.path ?? []).length === 0);
}

export function strictObject<Shape extends z.ZodRawShape>(shape: Shape, notAnObjectMessage?: string): z.ZodObject<Shape, z.core.$strict> {
  const knownKeys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'invalid_type' && issue.input !== undefined) return notAnObjectMessage;
      if (issue.code !== 'unrecognized_keys') return undefined;
      const keys = issue.keys.map((key) => `"${key}"${didYouMean(key, knownKeys)}`);
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}; allowed: ${knownKeys.join(', ')}`;
    },
  });
}
