/** One thing wrong with a definitions document, located as precisely as the input allows. */
export interface DefinitionProblem {
  /** Where inside the document, e.g. `metrics[2].filter.and[1].regex`; "" for the document itself. */
  readonly path: string;
  readonly message: string;
  /** The metric the problem belongs to: its id, or `#<index>` when the id itself is missing or invalid. */
  readonly metric?: string;
  /** 1-based line in the source text (YAML, and JSON through the same locator), when known. */
  readonly line?: number;
}

/**
 * Custom metric definitions that cannot be used: the message lists every problem with its file,
 * line, metric and path, so an analyst fixes them all in one go; `problems` has them as data for
 * the API and the dashboard; `cause` is the underlying parser or validation error.
 */
export class CustomMetricDefinitionError extends Error {
  override readonly name = 'CustomMetricDefinitionError';

  constructor(
    readonly sourceName: string,
    readonly problems: readonly DefinitionProblem[],
    options: { readonly cause: unknown },
  ) {
    super(formatProblems(sourceName, problems), options);
  }
}

function formatProblems(sourceName: string, problems: readonly DefinitionProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  - ${describeLocation(sourceName, problem)}: ${problem.message}`);
  return [`Invalid custom metric definitions in ${sourceName} (${count}):`, ...lines].join('\n');
}

function describeLocation(sourceName: string, problem: DefinitionProblem): string {
  const file = problem.line === undefined ? sourceName : `${sourceName}:${problem.line}`;
  const metric = problem.metric === undefined ? '' : ` metric ${problem.metric.startsWith('#') ? problem.metric : `"${problem.metric}"`}`;
  const path = problem.path === '' ? '' : ` ${problem.path}`;
  return `${file}${metric}${path}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["metrics", 2, "filter", "and", 1, "regex"]` -> `metrics[2].filter.and[1].regex`. */
export function formatDocumentPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
