import { CliUsageError } from '../cli/bench-args';
import { DEFAULT_LOCAL_EVENTS, parseLocalArgs, QUICK_LOCAL_EVENTS } from './local-args';

describe('parseLocalArgs (npm run bench -- local)', () => {
  it('defaults to 1,200,000 records, --quick to 100,000, --events to its value', () => {
    expect(parseLocalArgs([])).toMatchObject({ kind: 'bench', options: { events: DEFAULT_LOCAL_EVENTS, batch: 2000, json: false } });
    expect(parseLocalArgs(['--quick', '--json'])).toMatchObject({ kind: 'bench', options: { events: QUICK_LOCAL_EVENTS, json: true } });
    expect(parseLocalArgs(['--events', '250_000', '--concurrency', '8'])).toMatchObject({ kind: 'bench', options: { events: 250_000, concurrency: 8 } });
    expect(parseLocalArgs([])).toMatchObject({ kind: 'bench', options: { postRate: undefined } });
    expect(parseLocalArgs([])).toMatchObject({ kind: 'bench', options: { runs: 1 } });
    expect(parseLocalArgs(['--runs', '5'])).toMatchObject({ kind: 'bench', options: { runs: 5 } });
    expect(parseLocalArgs(['--post-rate', '10000'])).toMatchObject({ kind: 'bench', options: { postRate: 10_000 } });
    expect(parseLocalArgs(['--node-flag', '--max-semi-space-size=64', '--node-flag', '--no-opt'])).toMatchObject({ kind: 'bench', options: { nodeFlags: ['--max-semi-space-size=64', '--no-opt'] } });
  });

  it('names the flag at fault', () => {
    expect(() => parseLocalArgs(['--events', 'many'])).toThrow(/--events takes a whole number/);
    expect(() => parseLocalArgs(['--batch'])).toThrow(/--batch needs a value/);
    expect(() => parseLocalArgs(['--quick', '--events', '5'])).toThrow(CliUsageError);
    expect(() => parseLocalArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseLocalArgs(['--post-rate', '0'])).toThrow(/--post-rate takes a whole number/);
    expect(() => parseLocalArgs(['--runs', '0'])).toThrow(/--runs takes a whole number from 1 to 50/);
    expect(() => parseLocalArgs(['--node-flag', 'max-semi-space-size=64'])).toThrow(/--node-flag takes a flag/);
  });
});
