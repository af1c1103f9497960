import * as z from 'zod/mini';

/**
 * The runtime config file, `/config.json`, read at start: the same build serves the local runtime
 * and the cloud, which only differ in this file (no rebuild per environment). zod/mini keeps the
 * validator out of the way of the initial bundle.
 */
const localTokenAuthSchema = z.strictObject({ mode: z.literal('local-token') });

const cognitoAuthSchema = z.strictObject({
  mode: z.literal('cognito'),
  /** The Hosted UI domain, e.g. `https://trailpulse.auth.eu-west-1.amazoncognito.com`. */
  domain: z.url({ protocol: /^https$/, error: 'auth.domain must be an https URL such as https://example.auth.eu-west-1.amazoncognito.com' }),
  clientId: z.string().check(z.minLength(1, 'auth.clientId is empty')),
  scopes: z._default(z.array(z.string()), ['openid', 'email']),
  /** Where Cognito sends the browser back; default: the dashboard's own origin and base path. */
  redirectUri: z.optional(z.url()),
});

export const runtimeConfigSchema = z.strictObject({
  /** Prefix of API URLs; '' = the origin that served the dashboard. */
  apiBaseUrl: z._default(z.string(), ''),
  /** The live WebSocket URL; default: ws(s):// of apiBaseUrl (or the page) + /api/v1/live. */
  liveUrl: z.optional(z.string()),
  auth: z._default(z.discriminatedUnion('mode', [localTokenAuthSchema, cognitoAuthSchema]), { mode: 'local-token' }),
  /** Window lengths the API serves (its `window` parameter), seconds. */
  windowSeconds: z._default(z.array(z.int().check(z.positive())).check(z.minLength(1)), [10, 60]),
  /**
   * The anomaly score at or above which a window is listed as an anomaly. Scores are
   * detector-specific (metrics.md); the default detector, robust-likelihood, scores in [0, 1] and
   * 0.49 is where NAB's standard profile puts its threshold (docs/anomaly.md).
   */
  anomalyThreshold: z._default(z.number().check(z.nonnegative()), 0.49),
  /** How often to poll the API while the live connection is down. */
  pollIntervalSeconds: z._default(z.int().check(z.positive()), 15),
  /** Shown in the header, e.g. "local" or "prod-eu". */
  environmentName: z.optional(z.string()),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type AuthConfig = RuntimeConfig['auth'];
export type CognitoAuthConfig = Extract<AuthConfig, { mode: 'cognito' }>;

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

/** Validates the parsed JSON of config.json; the error names every bad field. */
export function parseRuntimeConfig(json: unknown, source = 'config.json'): RuntimeConfig {
  const result = z.safeParse(runtimeConfigSchema, json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  throw new RuntimeConfigError(`${source} is invalid: ${problems.join('; ')}`, { cause: result.error });
}
