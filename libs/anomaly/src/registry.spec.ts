import { DEFAULT_DETECTOR, DETECTORS, findDetector, UnknownDetectorError } from './registry';

describe('detector registry', () => {
  it('lists the default detector, each name once, each factory named after its entry', () => {
    // Act
    const names = DETECTORS.map((d) => d.name);
    // Assess
    expect(names).toContain(DEFAULT_DETECTOR);
    expect(new Set(names).size).toBe(names.length);
    for (const detector of DETECTORS) expect(detector.factory().name).toBe(detector.name);
  });

  it('finds a detector by name and refuses unknown names with the available ones', () => {
    // Act + Assess
    expect(findDetector(DEFAULT_DETECTOR).name).toBe(DEFAULT_DETECTOR);
    expect(() => findDetector('nope')).toThrow(UnknownDetectorError);
    expect(() => findDetector('nope')).toThrow(`unknown detector "nope" (available: ${DETECTORS.map((d) => d.name).join(', ')})`);
  });
});
