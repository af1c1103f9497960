import { NabInputError } from './errors';
import { asObject, parseJsonObject } from './json';

/** NAB's three application profiles (config/profiles.json), in NAB's reporting order. */
export const PROFILE_NAMES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** A profile's cost matrix: A_TP, A_FP, A_FN and A_TN of the NAB paper. */
export interface NabProfile {
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
  /** Defined by NAB but never used by its scorer (SCORING.md §5); kept to mirror profiles.json. */
  readonly tnWeight: number;
}

export type NabProfiles = Readonly<Record<ProfileName, NabProfile>>;

/** NAB's config/profiles.json, used when a data directory has no config of its own. */
export const NAB_PROFILES: NabProfiles = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1, tnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1, tnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2, tnWeight: 1 },
};

/** Reads NAB's profiles.json (`{ "<profile>": { "CostMatrix": { "tpWeight": 1.0, ... } } }`); every profile must be there. */
export function parseProfilesJson(text: string, source: string): NabProfiles {
  const document = parseJsonObject(text, source);
  const read = (name: ProfileName): NabProfile => {
    const matrix = asObject(asObject(document[name])?.['CostMatrix']);
    const weight = (key: keyof NabProfile): number => {
      const value = matrix?.[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new NabInputError(`profile "${name}" needs a finite number CostMatrix.${key}`, source);
      }
      return value;
    };
    return { tpWeight: weight('tpWeight'), fpWeight: weight('fpWeight'), fnWeight: weight('fnWeight'), tnWeight: weight('tnWeight') };
  };
  return { standard: read('standard'), reward_low_FP_rate: read('reward_low_FP_rate'), reward_low_FN_rate: read('reward_low_FN_rate') };
}
