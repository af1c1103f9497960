import { ZodError } from 'zod';
import { YAMLParseError } from 'yaml';
import { CustomMetricDefinitionError, type DefinitionProblem } from './definition-error';
import { parseCustomMetricDefinitions, validateCustomMetricDefinitions } from './parse-definitions';

/** The error parseCustomMetricDefinitions throws for `text` (fails the test when it parses). */
function definitionError(text: string, sourceName = 'rules.yaml'): CustomMetricDefinitionError {
  try {
    parseCustomMetricDefinitions(text, sourceName);
  } catch (error) {
    if (error instanceof CustomMetricDefinitionError) return error;
    throw error;
  }
  throw new Error(`expected ${sourceName} to be refused`);
}

function onlyProblem(text: string, sourceName = 'rules.yaml'): DefinitionProblem {
  const { problems } = definitionError(text, sourceName);
  expect(problems).toHaveLength(1);
  return problems[0] as DefinitionProblem;
}

/** A YAML file with one metric whose `filter` is given as flow YAML (line 5). */
function withFilter(filter: string): string {
  return ['metrics:', '  - id: probe', '    title: Probe', '    measure: count', `    filter: ${filter}`, ''].join('\n');
}

describe('parseCustomMetricDefinitions: accepted documents', () => {
  it('reads a YAML file with a metrics list and fills every default', () => {
    // Prepare
    const yaml = ['metrics:', '  - id: denied', '    title: Denied calls', '    measure: count', ''].join('\n');
    // Act
    const definitions = parseCustomMetricDefinitions(yaml, 'rules.yaml');
    // Assess
    expect(definitions).toEqual([{ id: 'denied', title: 'Denied calls', measure: { count: true }, apiCallsOnly: true, anomaly: false }]);
  });

  it('reads a bare JSON list and a single YAML definition', () => {
    const list = parseCustomMetricDefinitions('[{"id": "a", "title": "A", "measure": "count"}, {"id": "b", "title": "B", "measure": "count"}]', 'list.json');
    const single = parseCustomMetricDefinitions('id: c\ntitle: C\nmeasure: count\n', 'one.yml');
    expect(list.map((definition) => definition.id)).toEqual(['a', 'b']);
    expect(single.map((definition) => definition.id)).toEqual(['c']);
  });

  it.each([
    ['JSON by its leading brace', '{"metrics": [{"id": "a", "title": "A", "measure": "count"}]}'],
    ['YAML flow syntax that only starts like JSON', '{ metrics: [ { id: a, title: A, measure: count } ] }'],
    ['block YAML', 'metrics:\n  - { id: a, title: A, measure: count }\n'],
  ])('detects %s when the name does not tell (stdin)', (_case, text) => {
    expect(parseCustomMetricDefinitions(text, '-').map((definition) => definition.id)).toEqual(['a']);
  });

  it('normalizes windows to seconds and measures to their object form', () => {
    // Prepare
    const yaml = [
      'metrics:',
      '  - { id: a, title: A, measure: count, window: 60s }',
      '  - { id: b, title: B, measure: { count: true }, window: 5m }',
      '  - { id: c, title: C, measure: { distinctCount: $sourceIp }, window: 1h }',
      '  - { id: d, title: D, measure: { topK: { by: [tlsDetails, tlsVersion] } }, window: 10 }',
      '  - { id: e, title: E, measure: { topK: { by: eventName, k: 3, capacity: 50 } } }',
    ].join('\n');
    // Act
    const definitions = parseCustomMetricDefinitions(yaml, 'rules.yaml');
    // Assess
    expect(definitions.map(({ window, measure }) => ({ window, measure }))).toEqual([
      { window: 60, measure: { count: true } },
      { window: 300, measure: { count: true } },
      { window: 3600, measure: { distinctCount: '$sourceIp' } },
      { window: 10, measure: { topK: { by: ['tlsDetails', 'tlsVersion'], k: 10, capacity: 1000 } } },
      { window: undefined, measure: { topK: { by: 'eventName', k: 3, capacity: 50 } } },
    ]);
  });

  it('parses its own output to the same definitions (output is a valid input)', () => {
    // Prepare
    const yaml = withFilter('{ and: [ { field: errorCode, prefix: Access, ignoreCase: true }, { not: { field: x, exists: true } } ] }');
    const first = parseCustomMetricDefinitions(yaml, 'rules.yaml');
    // Act
    const second = parseCustomMetricDefinitions(JSON.stringify({ metrics: first }), 'again.json');
    // Assess
    expect(second).toEqual(first);
  });

  it('keeps YAML 1.2 scalars as written: Yes and on are strings, 42 is a number', () => {
    const [definition] = parseCustomMetricDefinitions(withFilter('{ field: a, in: [Yes, on, 42, true] }'), 'rules.yaml');
    expect(definition?.filter).toEqual({ field: 'a', in: ['Yes', 'on', 42, true] });
  });
});

describe('parseCustomMetricDefinitions: problems name file, line, metric and path', () => {
  it('reports an invalid regex as file:line, metric id, path and the engine\'s reason', () => {
    // Prepare
    const yaml = [
      'metrics:',
      '  - { id: first, title: First, measure: count }',
      '  - { id: second, title: Second, measure: count }',
      '  - id: root-activity',
      '    title: Root',
      '    measure: count',
      '    filter:',
      '      and:',
      '        - { field: userIdentity.type, equals: Root }',
      '        - { field: eventName, regex: "(" }',
    ].join('\n');
    // Act
    const error = definitionError(yaml);
    // Assess
    expect(error).toBeInstanceOf(CustomMetricDefinitionError);
    expect(error.name).toBe('CustomMetricDefinitionError');
    expect(error.cause).toBeInstanceOf(ZodError);
    expect(error.sourceName).toBe('rules.yaml');
    expect(error.problems).toEqual([
      { path: 'metrics[2].filter.and[1].regex', metric: 'root-activity', line: 10, message: 'invalid regular expression "(": Unterminated group' },
    ]);
    expect(error.message).toBe(
      'Invalid custom metric definitions in rules.yaml (1 problem):\n' +
        '  - rules.yaml:10 metric "root-activity" metrics[2].filter.and[1].regex: invalid regular expression "(": Unterminated group',
    );
  });

  it('lists every problem of a file in line order, each with its metric', () => {
    // Prepare
    const yaml = [
      'metrics:',
      '  - id: a',
      '    title: A',
      '    measure: { topK: { by: $identy } }',
      '  - id: a',
      '    title: ""',
      '    measure: count',
      '  - { id: Not-A-Slug, measure: count }',
    ].join('\n');
    // Act
    const { problems, message } = definitionError(yaml);
    // Assess
    expect(problems.map(({ line, metric, path }) => `${line} ${metric} ${path}`)).toEqual([
      '4 a metrics[0].measure.topK.by',
      '5 a metrics[1].id',
      '6 a metrics[1].title',
      '8 #2 metrics[2].id',
      '8 #2 metrics[2].title',
    ]);
    expect(message).toContain('(5 problems)');
    expect(message).toContain('unknown derived key "$identy" (did you mean "$identity"?)');
    expect(message).toContain('duplicate id "a" (the metric at index 0 has it too)');
    expect(message).toContain('metrics[2].title: is required');
  });

  it('refuses unknown keys with a hint, on the line of the key', () => {
    // Prepare
    const yaml = ['metrics:', '  - id: a', '    title: A', '    measure: count', '    filter:', '      field: errorCode', '      prefx: Access'].join('\n');
    // Act
    const problem = onlyProblem(yaml);
    // Assess
    expect(problem).toEqual({
      path: 'metrics[0].filter',
      metric: 'a',
      line: 7,
      message: 'unknown key "prefx" (did you mean "prefix"?); allowed: field, equals, in, prefix, suffix, contains, regex, ignoreCase, exists, and, or, not',
    });
  });

  it.each([
    ['a typo in a definition key', '{ id: a, title: A, measure: count, windw: 60s }', 'unknown key "windw" (did you mean "window"?)'],
    ['a typo in a measure key', '{ id: a, title: A, measure: { topk: { by: x } } }', 'unknown key "topk" (did you mean "topK"?)'],
    ['a top-level key next to metrics', '{ metrics: [], version: 2 }', 'unknown key "version"'],
  ])('refuses %s, as one problem', (_case, yaml, expected) => {
    expect(onlyProblem(yaml, 'x.yaml').message).toContain(expected);
  });

  it.each([
    ['two operators', '{ field: a, prefix: x, suffix: y }', '', 'a condition has exactly one operator, found prefix and suffix: combine several with "and"'],
    ['no operator', '{ field: a }', '', 'the condition on "field" needs one operator: equals, in, prefix, suffix, contains, regex, exists'],
    ['an empty condition', '{}', '', 'a condition needs a "field" with one operator'],
    ['an operator without field', '{ prefix: x }', '', '"prefix" needs a "field" to test'],
    ['a combinator with other keys', '{ and: [ { field: a, exists: true } ], field: b }', '', '"and" must be the only key of its condition, found also field'],
    ['an empty and', '{ and: [] }', '.and', 'needs at least one condition'],
    ['an empty in', '{ field: a, in: [] }', '.in', 'needs at least one value'],
    ['equals null', '{ field: a, equals: null }', '.equals', 'null never matches (a null field counts as absent): test absence with "exists: false"'],
    ['equals an object', '{ field: a, equals: { b: 1 } }', '.equals', 'expected a string, number or boolean'],
    ['an empty prefix', '{ field: a, prefix: "" }', '.prefix', 'cannot be empty'],
    ['ignoreCase with exists', '{ field: a, exists: true, ignoreCase: true }', '.ignoreCase', '"ignoreCase" applies to string comparisons only'],
    ['ignoreCase with a number', '{ field: a, equals: 3, ignoreCase: true }', '.ignoreCase', '"ignoreCase" applies to string comparisons only'],
    ['exists that is not a boolean', '{ field: a, exists: "yes" }', '.exists', 'expected boolean, received string'],
    ['a path with an empty segment', '{ field: "a..b", exists: true }', '.field', 'field path "a..b" has an empty segment; write keys that contain a dot in the array form'],
    ['an unknown derived key', '{ field: $errorclass, exists: true }', '.field', 'unknown derived key "$errorclass" (did you mean "$errorClass"?)'],
    ['a negative array index', '{ field: [resources, -1], exists: true }', '.field[1]', 'an array index is >= 0'],
    ['a segment that is an object', '{ field: [resources, { a: 1 }], exists: true }', '.field', 'or an array of segments (["tlsDetails", "tlsVersion"])'],
    ['neither a string nor a list', '{ field: 3, exists: true }', '.field', 'a field path is a dotted string ("userIdentity.type"), a derived key ("$identity") or an array of segments'],
    ['a path of 33 segments', `{ field: "${Array.from({ length: 33 }, () => 'a').join('.')}", exists: true }`, '.field', 'more than 32 segments'],
    ['a catastrophic regex', '{ field: a, regex: "(a+)+$" }', '.regex', 'repeats a group that itself repeats ("(a+)+")'],
    ['a regex longer than 512 characters', `{ field: a, regex: "${'a'.repeat(513)}" }`, '.regex', 'regular expression is 513 characters long; at most 512 are allowed'],
    ['a filter that is not an object', 'errorCode', '', 'a condition is an object such as'],
  ])('refuses a filter with %s', (_case, filter, subPath, expected) => {
    // Act
    const problem = onlyProblem(withFilter(filter));
    // Assess
    expect(problem).toMatchObject({ path: `metrics[0].filter${subPath}`, metric: 'probe', line: 5 });
    expect(problem.message).toContain(expected);
  });

  it.each([
    ['a measure with two kinds', '{ count: true, distinctCount: x }', '', 'a measure is exactly one of "count", distinctCount, topK, errorRate, firstSeen; found count and distinctCount'],
    ['an empty measure', '{}', '', 'found none'],
    ['a misspelt shorthand', 'cnt', '', 'a measure is "count", { count: true }, { distinctCount: <path> }, { topK: { by: <path>, k: 10 } }, { errorRate: { by: <path> } } or { firstSeen: { fields: [<path>, ...] } }'],
    ['count false', '{ count: false }', '.count', '"count" takes true'],
    ['topK without by', '{ topK: { k: 5 } }', '.topK.by', 'is required'],
    ['k above 1000', '{ topK: { by: x, k: 1001 } }', '.topK.k', '<=1000'],
    ['a capacity below k', '{ topK: { by: x, k: 20, capacity: 10 } }', '.topK.capacity', 'capacity 10 is smaller than k 20'],
    ['a capacity above 10,000', '{ topK: { by: x, capacity: 10001 } }', '.topK.capacity', '<=10000'],
    ['errorRate without by', '{ errorRate: { k: 5 } }', '.errorRate.by', 'is required'],
    ['an errorRate errors filter with a typo', '{ errorRate: { by: x, errors: { field: errorCode, prefx: A } } }', '.errorRate.errors', 'unknown key "prefx" (did you mean "prefix"?)'],
    ['a halfLife under a minute', '{ errorRate: { by: x, halfLife: 30 } }', '.errorRate.halfLife', 'must be whole seconds from 60'],
    ['firstSeen without fields', '{ firstSeen: { fields: [] } }', '.firstSeen.fields', 'needs at least one field'],
    ['firstSeen with an unknown derived key', '{ firstSeen: { fields: [$identity, $ipPrefx] } }', '.firstSeen.fields[1]', 'unknown derived key "$ipPrefx" (did you mean "$ipPrefix"?)'],
    ['a learnFor that is not a duration', '{ firstSeen: { fields: [x], learnFor: 2y } }', '.firstSeen.learnFor', 'is not a duration such as "30m", "6h" or "7d"'],
  ])('refuses %s', (_case, measure, subPath, expected) => {
    const problem = onlyProblem(['- id: probe', '  title: Probe', `  measure: ${measure}`].join('\n'));
    expect(problem).toMatchObject({ path: `[0].measure${subPath}`, metric: 'probe', line: 3 });
    expect(problem.message).toContain(expected);
  });

  it.each([
    ['9s', 'must be whole seconds between 10 s and 1 h'],
    ['2h', 'must be whole seconds between 10 s and 1 h'],
    ['5', 'window 5 must be whole seconds'],
    ['1.5m', 'is not a duration such as "60s", "5m" or "1h"'],
    ['90x', 'is not a duration'],
    ['10.5', 'must be whole seconds'],
    ['[60]', 'a window is a duration such as "60s", "5m", "1h" or a number of seconds'],
  ])('refuses the window %p', (window, expected) => {
    const problem = onlyProblem(`id: probe\ntitle: Probe\nmeasure: count\nwindow: ${window}\n`);
    expect(problem).toMatchObject({ path: 'window', metric: 'probe', line: 4 });
    expect(problem.message).toContain(expected);
  });

  it('bounds filter nesting at 32 and/or/not levels', () => {
    // Prepare
    const nested = (levels: number): unknown => {
      let condition: unknown = { field: 'eventName', exists: true };
      for (let level = 0; level < levels; level++) condition = level % 2 === 0 ? { not: condition } : { and: [condition] };
      return condition;
    };
    const definition = (levels: number) => JSON.stringify({ id: 'deep', title: 'Deep', measure: 'count', filter: nested(levels) });
    // Act + Assess
    expect(parseCustomMetricDefinitions(definition(32), 'deep.json')).toHaveLength(1);
    expect(onlyProblem(definition(33), 'deep.json')).toMatchObject({ path: 'filter', message: 'and/or/not are nested more than 32 levels deep' });
  });

  it('refuses a document nested 10,000 levels deep without exhausting the stack', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(onlyProblem(text, 'deep.json').message).toBe('the document nests more than 100 levels deep');
  });

  it.each([
    ['an empty YAML file', '', 'rules.yaml', 'found nothing (null)'],
    ['a scalar', '42', 'rules.json', 'expected { metrics: [ ... ] }, a list of definitions or one definition, found number'],
    ['metrics that is not a list', 'metrics: { id: a }', 'rules.yaml', 'expected array, received object'],
  ])('refuses %s', (_case, text, sourceName, expected) => {
    expect(onlyProblem(text, sourceName).message).toContain(expected);
  });

  it('reports YAML syntax errors with their line and the parser error as cause', () => {
    // Act
    const error = definitionError('metrics:\n  - id: a\n    title: "unterminated\n');
    // Assess
    expect(error.cause).toBeInstanceOf(YAMLParseError);
    expect(error.problems[0]).toMatchObject({ path: '', line: expect.any(Number) });
    expect(error.message).toMatch(/^ {2}- rules\.yaml:\d+: invalid YAML: /m);
  });

  it('refuses a repeated YAML key instead of keeping one silently', () => {
    const problem = onlyProblem('id: a\ntitle: A\nmeasure: count\ntitle: B\n');
    expect(problem).toEqual({ path: '', line: 4, message: 'duplicate key title' });
  });

  it('reports JSON syntax errors with the line of the position and the SyntaxError as cause', () => {
    // Act
    const error = definitionError('{\n  "metrics": [\n    { "id": "a", }\n  ]\n}\n', 'rules.json');
    // Assess
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.problems).toEqual([{ path: '', line: 3, message: expect.stringMatching(/^invalid JSON: .*position 34/) }]);
  });

  it('refuses a repeated JSON key, which JSON.parse would drop silently', () => {
    const problem = onlyProblem('{\n  "id": "a",\n  "title": "A",\n  "measure": "count",\n  "id": "b"\n}', 'rules.json');
    expect(problem).toEqual({ path: '', line: 5, message: 'duplicate key "id"' });
  });

  it('locates schema problems of a JSON file by line too', () => {
    const json = JSON.stringify({ metrics: [{ id: 'a', title: 'A', measure: 'count' }, { id: 'b', title: 'B', measure: 'count', window: '1d' }] }, null, 2);
    expect(onlyProblem(json, 'rules.json')).toMatchObject({ path: 'metrics[1].window', metric: 'b', line: 12 });
  });
});

describe('validateCustomMetricDefinitions', () => {
  it('validates a parsed value (an API body) and reports problems without lines', () => {
    // Act
    const valid = validateCustomMetricDefinitions({ id: 'a', title: 'A', measure: 'count' }, 'request body');
    let problems: readonly DefinitionProblem[] = [];
    try {
      validateCustomMetricDefinitions({ metrics: [{ id: 'a', title: 'A' }] }, 'request body');
    } catch (error) {
      if (error instanceof CustomMetricDefinitionError) problems = error.problems;
    }
    // Assess
    expect(valid.map((definition) => definition.id)).toEqual(['a']);
    expect(problems).toEqual([{ path: 'metrics[0].measure', metric: 'a', message: 'is required' }]);
  });
});
