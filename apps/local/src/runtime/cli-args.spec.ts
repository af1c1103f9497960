import { DEFAULT_BULK_FLUSH_INTERVAL_MS } from './batch-pipeline';
import { CliArgsError, parseCliArgs, USAGE } from './cli-args';

describe('parseCliArgs', () => {
  it('takes --bulk-interval as a duration, in seconds or milliseconds', () => {
    expect(parseCliArgs(['--bulk-interval', '3s'], {}).bulkIntervalMs).toBe(3_000);
    expect(parseCliArgs(['--bulk-interval', '2500ms'], {}).bulkIntervalMs).toBe(2_500);
    expect(parseCliArgs([], {}).bulkIntervalMs).toBeUndefined();
  });

  it.each(['0s', '500ms', '301s', 'ten', '10', '5 m'])('refuses --bulk-interval %p, naming the option and the range', (text) => {
    expect(() => parseCliArgs(['--bulk-interval', text], {})).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--bulk-interval', text], {})).toThrow(`--bulk-interval takes a duration from 1s to 300s such as 10s or 2500ms, not "${text}"`);
  });

  it('documents --bulk-interval and its default in --help', () => {
    expect(USAGE).toContain('--bulk-interval <d>');
    expect(USAGE).toContain(`default ${DEFAULT_BULK_FLUSH_INTERVAL_MS / 1000}s; shorter costs more CPU`);
  });

  it('reads the port and data dir from the environment when no option gives them, and refuses a bad port', () => {
    expect(parseCliArgs([], { TRAILPULSE_PORT: '4700', TRAILPULSE_DATA_DIR: '/tmp/tp' })).toMatchObject({ port: 4700, dataDir: '/tmp/tp' });
    expect(() => parseCliArgs(['--port', '70000'], {})).toThrow('--port takes a port number from 0 to 65535, not "70000"');
  });
});
