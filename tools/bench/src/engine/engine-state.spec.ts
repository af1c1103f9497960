import { EngineLoadError } from './engine-module';
import { largestWindowBytes } from './engine-state';

describe('largestWindowBytes', () => {
  it('is the serialized size of the largest window of a snapshot', () => {
    const small = { partial: { startMs: 0 } };
    const large = { partial: { startMs: 60_000, keys: ['a', 'b', 'c'] } };
    expect(largestWindowBytes({ version: 1, windows: [small, large] })).toBe(Buffer.byteLength(JSON.stringify(large)));
    expect(largestWindowBytes({ windows: [] })).toBe(0);
  });

  it('refuses a snapshot without windows', () => {
    expect(() => largestWindowBytes({ version: 1 })).toThrow(EngineLoadError);
  });
});
