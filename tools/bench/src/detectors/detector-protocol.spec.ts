import { ChildProtocolError } from '../measure/child-protocol';
import { candidateLabel, decodeDetectorRequest, type DetectorChildRequest, encodeDetectorRequest, parseDetectorResult } from './detector-protocol';

const REQUEST: DetectorChildRequest = { candidate: { kind: 'detector', name: 'robust-zscore' }, nabDir: '/data/nab', minMs: 1000, measureSnapshot: true, resultFile: '/tmp/r.json' };

describe('detector child protocol', () => {
  it('carries a request through the command line unchanged', () => {
    expect(decodeDetectorRequest(encodeDetectorRequest(REQUEST))).toEqual(REQUEST);
  });

  it.each([
    ['no argument', undefined, /needs its request/],
    ['not JSON', Buffer.from('{').toString('base64url'), /not JSON/],
    ['an unknown candidate kind', encodeDetectorRequest({ ...REQUEST, candidate: { kind: 'floor' } as never }), /malformed/],
    ['a detector without a name', encodeDetectorRequest({ ...REQUEST, candidate: { kind: 'detector' } as never }), /malformed/],
  ])('rejects %s', (_what, encoded, message) => {
    expect(() => decodeDetectorRequest(encoded)).toThrow(ChildProtocolError);
    expect(() => decodeDetectorRequest(encoded)).toThrow(message);
  });

  it('accepts a complete result and nothing less', () => {
    const result = { updates: 10, passes: 1, cpuMs: 2, wallMs: 2.5, checksum: 3, maxRssBytes: 4, snapshotBytes: 5 };
    expect(parseDetectorResult(JSON.stringify(result))).toEqual(result);
    expect(parseDetectorResult(JSON.stringify({ ...result, updates: undefined }))).toBeUndefined();
    expect(parseDetectorResult(JSON.stringify({ ...result, snapshotBytes: '5' }))).toBeUndefined();
    expect(parseDetectorResult('null')).toBeUndefined();
    expect(parseDetectorResult('')).toBeUndefined();
  });

  it('labels baselines apart from detectors', () => {
    expect(candidateLabel({ kind: 'running-mean' })).toBe('baseline: running-mean');
    expect(candidateLabel({ kind: 'detector', name: 'ewma-zscore' })).toBe('ewma-zscore');
  });
});
