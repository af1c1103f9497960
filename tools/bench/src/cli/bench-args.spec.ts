import { CliUsageError, DEFAULT_RECORDS, DEFAULT_RUNS, parseBenchArgs, QUICK_RECORDS } from './bench-args';

describe('parseBenchArgs', () => {
  it('measures 1M records three times by default', () => {
    expect(parseBenchArgs([])).toEqual({
      kind: 'bench',
      options: { records: DEFAULT_RECORDS, quick: false, runs: DEFAULT_RUNS, seed: undefined, chdb: false, state: true, json: false },
    });
  });

  it('reads the bench flags', () => {
    expect(parseBenchArgs(['--quick', '--json', '--no-state', '--runs', '5', '--seed', '42', '--chdb'])).toEqual({
      kind: 'bench',
      options: { records: QUICK_RECORDS, quick: true, runs: 5, seed: 42, chdb: true, state: false, json: true },
    });
  });

  it('lets --records override --quick and accepts digit separators', () => {
    expect(parseBenchArgs(['--quick', '--records', '250_000'])).toMatchObject({ options: { records: 250_000, quick: true } });
  });

  it('enables chDB from TRAILPULSE_BENCH_CHDB=1 only', () => {
    expect(parseBenchArgs([], { TRAILPULSE_BENCH_CHDB: '1' })).toMatchObject({ options: { chdb: true } });
    expect(parseBenchArgs([], { TRAILPULSE_BENCH_CHDB: '0' })).toMatchObject({ options: { chdb: false } });
  });

  it('reads the generate command', () => {
    expect(
      parseBenchArgs(['generate', '--records', '1000000', '--out', 'trail.ndjson', '--distinct-ips', '1000000', '--hot-ip-share', '0', '--span-seconds', '60', '--seed', '3']),
    ).toEqual({
      kind: 'generate',
      options: { out: 'trail.ndjson', generator: { records: 1_000_000, distinctIps: 1_000_000, hotIpShare: 0, spanSeconds: 60, seed: 3 } },
    });
  });

  it('asks for help', () => {
    expect(parseBenchArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseBenchArgs(['generate', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--records'], /--records needs a value/],
    [['--records', '--quick'], /--records needs a value/],
    [['--records', 'many'], /--records must be an integer >= 1/],
    [['--runs', '0'], /--runs must be an integer >= 1/],
    [['--fast'], /unknown argument "--fast"/],
    [['generate', '--records', '10'], /generate needs --out FILE/],
    [['generate', '--out', 'f', '--hot-ip-share', '2'], /--hot-ip-share must be a number from 0 to 1/],
  ])('rejects %j', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(CliUsageError);
    expect(() => parseBenchArgs(args)).toThrow(message);
  });
});
