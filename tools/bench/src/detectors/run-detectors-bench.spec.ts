import { DEFAULT_DETECTOR, DETECTORS, UnknownDetectorError } from '@trailpulse/anomaly';
import { selectDetectors } from './run-detectors-bench';

describe('selectDetectors', () => {
  it('measures every registered detector, in registry order, when none is named', () => {
    expect(selectDetectors([])).toEqual(DETECTORS.map((detector) => detector.name));
  });

  it('measures only the named detectors, and names an unknown one', () => {
    expect(selectDetectors([DEFAULT_DETECTOR])).toEqual([DEFAULT_DETECTOR]);
    expect(() => selectDetectors(['no-such-detector'])).toThrow(UnknownDetectorError);
  });
});
