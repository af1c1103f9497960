import { CliUsageError } from '../cli/bench-args';
import { DEFAULT_DETECTOR_RUNS, DEFAULT_MIN_SECONDS, parseDetectorsArgs, QUICK_DETECTOR_RUNS, QUICK_MIN_SECONDS } from './detectors-args';

describe('parseDetectorsArgs', () => {
  it('measures every detector, 3 runs of at least 1 s, by default', () => {
    expect(parseDetectorsArgs([])).toEqual({
      kind: 'detectors',
      options: { runs: DEFAULT_DETECTOR_RUNS, minSeconds: DEFAULT_MIN_SECONDS, quick: false, detectors: [], dataDir: undefined, json: false },
    });
  });

  it('makes --quick shorter and lets --runs and --min-seconds override it', () => {
    expect(parseDetectorsArgs(['--quick'])).toMatchObject({ options: { runs: QUICK_DETECTOR_RUNS, minSeconds: QUICK_MIN_SECONDS, quick: true } });
    expect(parseDetectorsArgs(['--quick', '--runs', '5', '--min-seconds', '0.5'])).toMatchObject({ options: { runs: 5, minSeconds: 0.5, quick: true } });
  });

  it('reads repeated --detector once each, --data and --json', () => {
    expect(parseDetectorsArgs(['--detector', 'b', '--detector', 'a', '--detector', 'b', '--data', 'nab', '--json'])).toMatchObject({
      options: { detectors: ['b', 'a'], dataDir: 'nab', json: true },
    });
  });

  it('asks for help', () => {
    expect(parseDetectorsArgs(['--json', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--runs'], /--runs needs a value/],
    [['--runs', '0'], /--runs must be an integer >= 1, got "0"/],
    [['--runs', '1.5'], /--runs must be an integer >= 1/],
    [['--min-seconds', '0'], /--min-seconds must be a number > 0/],
    [['--min-seconds', 'soon'], /--min-seconds must be a number > 0/],
    [['--detector', '--json'], /--detector needs a value/],
    [['--records', '10'], /unknown argument "--records"/],
  ])('rejects %j', (args, message) => {
    expect(() => parseDetectorsArgs(args)).toThrow(CliUsageError);
    expect(() => parseDetectorsArgs(args)).toThrow(message);
  });
});
