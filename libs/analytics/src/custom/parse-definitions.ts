import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { type z } from 'zod';
import {
  type CustomMetricDefinition,
  customMetricDefinitionSchema,
  customMetricFileSchema,
  customMetricListSchema,
  isMetricId,
} from './definition-schema';
import { CustomMetricDefinitionError, type DefinitionProblem, formatDocumentPath } from './definition-error';
import { MAX_DOCUMENT_DEPTH } from './limits';
import { type SourceLocator, yamlLocator } from './source-locator';

/**
 * Parses a definitions document, JSON or YAML: `{ metrics: [ ... ] }`, a bare list, or a single
 * definition. JSON is chosen by a `.json` name, or by a leading `{` or `[` when the name says
 * neither JSON nor YAML (stdin, API bodies); everything else is YAML. Throws a
 * CustomMetricDefinitionError listing every problem with its line, metric and path.
 */
export function parseCustomMetricDefinitions(text: string, sourceName: string): CustomMetricDefinition[] {
  const parsed = parseText(text, sourceName);
  return validateCustomMetricDefinitions(parsed.value, sourceName, parsed.locate);
}

/**
 * Validates an already parsed definitions document (e.g. an API request body). `locate` adds line
 * numbers to the problems when the source text is at hand.
 */
export function validateCustomMetricDefinitions(value: unknown, sourceName: string, locate?: SourceLocator): CustomMetricDefinition[] {
  const tooDeep = exceedsDepth(value, MAX_DOCUMENT_DEPTH);
  if (tooDeep !== undefined) {
    const problem = { path: formatDocumentPath(tooDeep), message: `the document nests more than ${MAX_DOCUMENT_DEPTH} levels deep` };
    throw new CustomMetricDefinitionError(sourceName, [problem], { cause: undefined });
  }
  if (!Array.isArray(value) && !isPlainObject(value)) {
    const problem = { path: '', message: `expected { metrics: [ ... ] }, a list of definitions or one definition, found ${value === null ? 'nothing (null)' : typeof value}` };
    throw new CustomMetricDefinitionError(sourceName, [problem], { cause: undefined });
  }
  const shape = documentShape(value);
  const result = schemaFor(shape).safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  // In line order (stable, unlocated last): an analyst reads the file top to bottom.
  const problems = result.error.issues
    .map((issue) => toProblem(issue, value, shape, locate))
    .sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  throw new CustomMetricDefinitionError(sourceName, problems, { cause: result.error });
}

type DocumentShape = 'file' | 'list' | 'single';

function documentShape(value: unknown): DocumentShape {
  if (Array.isArray(value)) return 'list';
  return isPlainObject(value) && 'metrics' in value ? 'file' : 'single';
}

function schemaFor(shape: DocumentShape): z.ZodType<CustomMetricDefinition[]> {
  switch (shape) {
    case 'file':
      return customMetricFileSchema.transform((file) => file.metrics);
    case 'list':
      return customMetricListSchema;
    case 'single':
      return customMetricDefinitionSchema.transform((definition) => [definition]);
  }
}

function toProblem(issue: z.core.$ZodIssue, document: unknown, shape: DocumentShape, locate: SourceLocator | undefined): DefinitionProblem {
  // An unknown key is located on its own line rather than on the object that holds it.
  const locatedPath = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  const line = locate?.(locatedPath);
  const metric = metricLabel(issue.path, document, shape);
  return {
    path: formatDocumentPath(issue.path),
    message: issueMessage(issue),
    ...(metric === undefined ? {} : { metric }),
    ...(line === undefined ? {} : { line }),
  };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) return 'is required';
  // Zod's generic prefix adds nothing once the path is shown.
  return issue.message.replace(/^Invalid input: /, '');
}

/** The id of the metric a path points into, or `#<index>` when it has no valid id. */
function metricLabel(path: readonly PropertyKey[], document: unknown, shape: DocumentShape): string | undefined {
  let definition: unknown;
  let index: PropertyKey | undefined;
  if (shape === 'single') {
    definition = document;
  } else {
    const list = shape === 'file' && isPlainObject(document) ? document['metrics'] : document;
    index = shape === 'file' ? (path[0] === 'metrics' ? path[1] : undefined) : path[0];
    if (typeof index !== 'number' || !Array.isArray(list)) return undefined;
    definition = list[index];
  }
  const id = isPlainObject(definition) ? definition['id'] : undefined;
  if (isMetricId(id)) return id;
  return typeof index === 'number' ? `#${index}` : undefined;
}

interface ParsedText {
  readonly value: unknown;
  readonly locate: SourceLocator | undefined;
}

function parseText(text: string, sourceName: string): ParsedText {
  const format = formatOf(text, sourceName);
  if (format === 'yaml') return parseYaml(text, sourceName);
  const json = parseJson(text);
  if ('value' in json) return { value: json.value, locate: jsonLocator(text, sourceName) };
  // Content that merely starts like JSON may be YAML flow syntax ({ metrics: [...] }).
  if (format === 'json-by-content') {
    try {
      return parseYaml(text, sourceName);
    } catch {
      // Not YAML either: the JSON error is the helpful one for text that starts with { or [.
    }
  }
  throw new CustomMetricDefinitionError(sourceName, [json.problem], { cause: json.cause });
}

type TextFormat = 'json' | 'json-by-content' | 'yaml';

function formatOf(text: string, sourceName: string): TextFormat {
  const name = sourceName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json-by-content' : 'yaml';
}

function parseJson(text: string): { readonly value: unknown } | { readonly problem: DefinitionProblem; readonly cause: unknown } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    return { problem: { path: '', message: `invalid JSON: ${message}`, ...(line === undefined ? {} : { line }) }, cause: error };
  }
}

/** Line numbers for JSON from its YAML view, which also catches the repeated keys JSON.parse lets through. */
function jsonLocator(text: string, sourceName: string): SourceLocator | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const duplicates = document.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  if (duplicates.length > 0) {
    const problems = duplicates.map((error) => yamlProblem(error, text, lineCounter));
    throw new CustomMetricDefinitionError(sourceName, problems, { cause: duplicates[0] });
  }
  return document.errors.length === 0 ? yamlLocator(document, lineCounter) : undefined;
}

function parseYaml(text: string, sourceName: string): ParsedText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => yamlProblem(error, text, lineCounter));
    throw new CustomMetricDefinitionError(sourceName, problems, { cause: document.errors[0] });
  }
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CustomMetricDefinitionError(sourceName, [{ path: '', message: `invalid YAML: ${message}` }], { cause: error });
  }
  return { value, locate: yamlLocator(document, lineCounter) };
}

/** A quoted or plain key at the start of a text. */
const LEADING_KEY = /^(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s:,{}[\]]+)/;
const MAX_KEY_PREVIEW = 200;

function yamlProblem(error: YAMLError, text: string, lineCounter: LineCounter): DefinitionProblem {
  const line = lineCounter.linePos(error.pos[0]).line;
  if (error.code !== 'DUPLICATE_KEY') return { path: '', message: `invalid YAML: ${error.message}`, line };
  // A repeated key is a typo or a paste error, never intended; JSON.parse would keep the last one silently.
  const key = LEADING_KEY.exec(text.slice(error.pos[0], error.pos[0] + MAX_KEY_PREVIEW))?.[0] ?? '';
  return { path: '', message: `duplicate key ${key}`.trimEnd(), line };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/** The path of the first value nested deeper than `maxDepth`, found without recursion. */
function exceedsDepth(root: unknown, maxDepth: number): PropertyKey[] | undefined {
  const pending: { readonly value: unknown; readonly path: PropertyKey[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (path.length > maxDepth) return path;
    if (Array.isArray(value)) value.forEach((item: unknown, index) => pending.push({ value: item, path: [...path, index] }));
    else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: [...path, key] });
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
