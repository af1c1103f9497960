import { parseCustomMetricDefinitions } from './parse-definitions';

describe('errorRate and firstSeen definitions', () => {
  it('fill every default, and the normalized definition parses to itself', () => {
    // Prepare
    const yaml = [
      '- id: bursts',
      '  title: Bursts',
      '  measure: { errorRate: { by: $identity } }',
      '- id: new',
      '  title: New',
      '  measure: { firstSeen: { fields: [$identity, [requestParameters, "a.b"]], learnFor: 2h } }',
    ].join('\n');
    // Act
    const definitions = parseCustomMetricDefinitions(yaml, 'series.yaml');
    // Assess
    expect(definitions.map((d) => d.measure)).toEqual([
      { errorRate: { by: '$identity', k: 10, capacity: 10_000, trackedKeys: 10_000, halfLife: 86_400, minScore: 6, priorRate: 0.01 } },
      { firstSeen: { fields: ['$identity', ['requestParameters', 'a.b']], k: 20, capacity: 50_000, learnFor: 7_200 } },
    ]);
    expect(parseCustomMetricDefinitions(JSON.stringify(definitions), 'again.json')).toEqual(definitions);
  });

  it('keep an errors filter, and accept "7d" durations', () => {
    const [definition] = parseCustomMetricDefinitions(
      'id: d\ntitle: D\nmeasure: { errorRate: { by: $ipPrefix, errors: { field: errorCode, prefix: AccessDenied }, halfLife: 7d } }\n',
      'd.yaml',
    );
    expect(definition?.measure).toMatchObject({ errorRate: { by: '$ipPrefix', errors: { field: 'errorCode', prefix: 'AccessDenied' }, halfLife: 604_800 } });
  });
});
