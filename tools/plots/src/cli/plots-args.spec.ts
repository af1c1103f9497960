import { DEFAULT_CHROMIUM, parsePlotsArgs, PlotsUsageError } from './plots-args';

describe('parsePlotsArgs', () => {
  it('leaves the output folder, detector and data to their defaults', () => {
    expect(parsePlotsArgs([])).toEqual({ kind: 'plots', options: { outDir: undefined, detector: undefined, dataDir: undefined, chromium: DEFAULT_CHROMIUM } });
  });

  it('reads every flag', () => {
    expect(parsePlotsArgs(['--out', 'img', '--detector', 'ewma-zscore', '--data', '../nab', '--chromium', '/opt/chrome'])).toEqual({
      kind: 'plots',
      options: { outDir: 'img', detector: 'ewma-zscore', dataDir: '../nab', chromium: '/opt/chrome' },
    });
  });

  it('asks for help', () => {
    expect(parsePlotsArgs(['--out', 'x', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--out'], /--out needs a value/],
    [['--detector', '--out', 'x'], /--detector needs a value/],
    [['--out', 'a', '--out', 'b'], /--out given twice/],
    [['--width', '800'], /unknown argument "--width"/],
  ])('rejects %j', (args, message) => {
    expect(() => parsePlotsArgs(args)).toThrow(PlotsUsageError);
    expect(() => parsePlotsArgs(args)).toThrow(message);
  });
});
