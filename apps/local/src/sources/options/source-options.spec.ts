import { parseSourceOptions, SourceOptionsError } from './source-options';

describe('parseSourceOptions', () => {
  it('runs the demo, and only the demo, when no source is given', () => {
    expect(parseSourceOptions({})).toEqual({ demo: { seed: '1' } });
  });

  it('replays at max speed by default and drops the default demo when another source is given', () => {
    expect(parseSourceOptions({ replay: ['a.json', 'logs/'] })).toEqual({ replay: { paths: ['a.json', 'logs/'], speed: { kind: 'max' } } });
    expect(parseSourceOptions({ watch: 'incoming' })).toEqual({ watch: { dir: 'incoming', pollIntervalMs: 2000 } });
  });

  it.each([
    ['max', { kind: 'max' }],
    ['1x', { kind: 'multiplier', factor: 1 }],
    ['10x', { kind: 'multiplier', factor: 10 }],
    ['0.5x', { kind: 'multiplier', factor: 0.5 }],
    ['MAX', { kind: 'max' }],
  ])('reads --speed %s', (speed, expected) => {
    expect(parseSourceOptions({ replay: 'a.json', speed }).replay?.speed).toEqual(expected);
  });

  it('combines every source, with demo rate, seed and watch interval', () => {
    expect(parseSourceOptions({ replay: 'a.json', speed: '10x', watch: 'in', watchInterval: '500ms', demo: true, demoRate: '80', demoSeed: 'soc-training' })).toEqual({
      demo: { seed: 'soc-training', eventsPerSecond: 80 },
      replay: { paths: ['a.json'], speed: { kind: 'multiplier', factor: 10 } },
      watch: { dir: 'in', pollIntervalMs: 500 },
    });
  });

  it('accepts --no-demo alone: HTTP ingest is then the only source', () => {
    expect(parseSourceOptions({ demo: false })).toEqual({});
  });

  it.each([
    [{ replay: 'a.json', speed: 'fast' }, '--speed', /"max" or a multiplier .* not "fast"/],
    [{ replay: 'a.json', speed: '0x' }, '--speed', /not "0x"/],
    [{ replay: 'a.json', speed: '10' }, '--speed', /such as 1x .* not "10"/],
    [{ replay: 'a.json', speed: '-2x' }, '--speed', /not "-2x"/],
    [{ speed: '10x' }, '--speed', /give --replay/],
    [{ replay: [] }, '--replay', /one or more files/],
    [{ replay: '-' }, '--replay', /not standard input/],
    [{ watch: ' ' }, '--watch', /takes a folder/],
    [{ watchInterval: '2s' }, '--watch-interval', /give --watch/],
    [{ watch: 'in', watchInterval: '2' }, '--watch-interval', /such as 2s or 500ms, not "2"/],
    [{ watch: 'in', watchInterval: '10ms' }, '--watch-interval', /from 100ms/],
    [{ demoRate: 'lots' }, '--demo-rate', /not "lots"/],
    [{ demoRate: '0' }, '--demo-rate', /above 0/],
    [{ demoRate: '9000' }, '--demo-rate', /at most 5000/],
    [{ demo: false, demoSeed: '3' }, '--demo-seed', /drop --no-demo/],
    [{ replay: 42 as unknown as string }, '--replay', /--replay: /],
  ])('refuses %j naming %s', (args, option, message) => {
    // Act
    let error: unknown;
    try {
      parseSourceOptions(args);
    } catch (caught) {
      error = caught;
    }
    // Assess
    expect(error).toBeInstanceOf(SourceOptionsError);
    expect((error as SourceOptionsError).option).toBe(option);
    expect((error as SourceOptionsError).message).toMatch(message);
  });
});
