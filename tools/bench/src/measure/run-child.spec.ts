import { failureSummary } from './run-child';

describe('failureSummary', () => {
  it('keeps the error lines of a compile failure, without colours', () => {
    const stderr = 'trailpulse: cannot compile libs/analytics/src/engine/analyze.ts:\n\u001b[31m✘ [ERROR]\u001b[0m No matching export for import "x"\n\n    file.ts:1:2:\n';
    expect(failureSummary(stderr)).toBe('✘ [ERROR] No matching export for import "x"');
  });

  it('falls back to the last line, or says there was none', () => {
    expect(failureSummary('warming up\nkilled by signal\n')).toBe('killed by signal');
    expect(failureSummary('')).toBe('no message');
  });
});
