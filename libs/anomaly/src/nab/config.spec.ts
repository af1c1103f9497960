import { parseLabelsJson } from './labels';
import { NAB_PROFILES, parseProfilesJson } from './profiles';
import { parseThresholdsJson } from './thresholds';

describe('NAB config and label files', () => {
  it('reads profiles.json into the built-in defaults when they are NAB\'s', () => {
    // Prepare
    const matrix = (fp: number, fn: number) => ({ CostMatrix: { tpWeight: 1.0, fnWeight: fn, fpWeight: fp, tnWeight: 1.0 } });
    const text = JSON.stringify({ standard: matrix(0.11, 1), reward_low_FP_rate: matrix(0.22, 1), reward_low_FN_rate: matrix(0.11, 2) });
    // Act + Assess
    expect(parseProfilesJson(text, 'p.json')).toEqual(NAB_PROFILES);
  });

  it('refuses a profile without a weight', () => {
    // Act + Assess
    expect(() => parseProfilesJson('{"standard": {"CostMatrix": {}}}', 'p.json')).toThrow('p.json: profile "standard" needs a finite number CostMatrix.tpWeight');
  });

  it('keeps only the threshold of thresholds.json entries', () => {
    // Act
    const thresholds = parseThresholdsJson('{"numenta": {"standard": {"score": 46.6, "threshold": 0.5421876907348634}}}', 't.json');
    // Assess
    expect(thresholds.get('numenta')).toEqual({ standard: 0.5421876907348634 });
  });

  it('reads label timestamps and refuses anything else', () => {
    // Act + Assess
    expect(parseLabelsJson('{"c/a.csv": ["2014-02-26 22:05:00"]}', 'l.json').get('c/a.csv')).toEqual([Date.UTC(2014, 1, 26, 22, 5)]);
    expect(() => parseLabelsJson('{"c/a.csv": [5]}', 'l.json')).toThrow('l.json: "c/a.csv" label 1 must be a "YYYY-MM-DD HH:MM:SS" timestamp, got 5');
  });
});
