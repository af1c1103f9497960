import { NabInputError } from './errors';
import { asObject, parseJsonObject } from './json';
import { PROFILE_NAMES, type ProfileName } from './profiles';

/** Published thresholds of one detector, by profile (a detector may lack some profiles). */
export type DetectorThresholds = Readonly<Partial<Record<ProfileName, number>>>;

/**
 * Reads NAB's config/thresholds.json (`{ "<detector>": { "<profile>": { "threshold": t, "score": s } } }`).
 * Only `threshold` is kept: the `score` fields are stale for several detectors (SCORING.md §9).
 */
export function parseThresholdsJson(text: string, source: string): ReadonlyMap<string, DetectorThresholds> {
  const document = parseJsonObject(text, source);
  const thresholds = new Map<string, DetectorThresholds>();
  for (const [detector, byProfile] of Object.entries(document)) {
    const profiles = asObject(byProfile);
    if (profiles === undefined) throw new NabInputError(`detector "${detector}" must map profiles to { "threshold": number }`, source);
    const entry: Partial<Record<ProfileName, number>> = {};
    for (const profile of PROFILE_NAMES) {
      if (!(profile in profiles)) continue;
      const threshold = asObject(profiles[profile])?.['threshold'];
      if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
        throw new NabInputError(`detector "${detector}" profile "${profile}" needs a finite number "threshold"`, source);
      }
      entry[profile] = threshold;
    }
    thresholds.set(detector, entry);
  }
  return thresholds;
}
