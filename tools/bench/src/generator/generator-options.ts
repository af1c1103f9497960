// What the generated trail looks like. The defaults describe the benchmark's standard file; the
// state test changes only the span and the source-IP knobs.

/**
 * Bumped whenever the same options would produce different bytes, so cached benchmark files
 * (keyed by this version) are regenerated instead of silently reused.
 */
export const GENERATOR_VERSION = 1;

export interface GeneratorOptions {
  /** Seed of the PRNG: the same seed and options give byte-identical output. */
  readonly seed: number;
  readonly records: number;
  /** eventTime of the first record (ISO-8601 UTC). */
  readonly startTime: string;
  /** Event times grow evenly from startTime over this many seconds. */
  readonly spanSeconds: number;
  /** Size of the pool of source IP addresses. */
  readonly distinctIps: number;
  /**
   * Share of calls from a Zipf-skewed "hot" part of the IP pool (NAT gateways, CI runners);
   * the rest walk the pool round-robin, so every pool address appears once the file is long enough.
   * 0 (with serviceCallersUseHostNames false) gives every call a new address until the pool is used up.
   */
  readonly hotIpShare: number;
  /**
   * AWS services acting for the account record their host name as sourceIPAddress, as CloudTrail
   * does. false gives them pool addresses too (the window-state test wants a new address per call).
   */
  readonly serviceCallersUseHostNames: boolean;
  /** Size of the pool of principals (IAM users, role sessions, services, ...). */
  readonly identities: number;
  /** Number of AWS accounts the calls are spread over. */
  readonly accounts: number;
}

export const DEFAULT_GENERATOR_OPTIONS: GeneratorOptions = {
  seed: 20_240_101,
  records: 1_000_000,
  startTime: '2024-01-01T00:00:00Z',
  spanSeconds: 3600,
  distinctIps: 100_000,
  hotIpShare: 0.5,
  serviceCallersUseHostNames: true,
  identities: 1500,
  accounts: 8,
};

/** The options make no sense (negative sizes, an unparsable start time, ...). */
export class GeneratorOptionsError extends Error {
  override readonly name = 'GeneratorOptionsError';
}

/** Defaults filled in and every value checked, so the generator itself never sees nonsense. */
export function resolveGeneratorOptions(partial: Partial<GeneratorOptions> = {}): GeneratorOptions {
  const options = { ...DEFAULT_GENERATOR_OPTIONS, ...partial };
  requireInteger('seed', options.seed, 0, 0xffff_ffff);
  requireInteger('records', options.records, 0, Number.MAX_SAFE_INTEGER);
  requireInteger('spanSeconds', options.spanSeconds, 1, Number.MAX_SAFE_INTEGER);
  requireInteger('distinctIps', options.distinctIps, 1, 2 ** 28);
  requireInteger('identities', options.identities, 1, 1_000_000);
  requireInteger('accounts', options.accounts, 1, 10_000);
  if (!(options.hotIpShare >= 0 && options.hotIpShare <= 1)) {
    throw new GeneratorOptionsError(`hotIpShare must be between 0 and 1, got ${options.hotIpShare}`);
  }
  if (Number.isNaN(Date.parse(options.startTime))) {
    throw new GeneratorOptionsError(`startTime "${options.startTime}" is not an ISO-8601 time`);
  }
  return options;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GeneratorOptionsError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}
