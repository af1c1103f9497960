import { MAX_REGEX_LENGTH } from './limits';

export type RegexCompilation =
  | { readonly ok: true; readonly regex: RegExp }
  | { readonly ok: false; readonly problem: string };

/**
 * Compiles a filter's regular expression once, or says in one sentence why it is refused: it does
 * not compile, it is too long, or it repeats a group that itself repeats (`(a+)+`, `(\w*\.)*`),
 * the shape behind catastrophic backtracking. The check is deliberately conservative: it also
 * refuses some harmless patterns, which can always be rewritten, because one slow pattern would
 * stall every window of every metric.
 */
export function compileFilterRegex(pattern: string, ignoreCase: boolean): RegexCompilation {
  const quoted = JSON.stringify(pattern);
  if (pattern.length > MAX_REGEX_LENGTH) {
    return { ok: false, problem: `regular expression is ${pattern.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed` };
  }
  let regex: RegExp;
  try {
    // No "g" or "y" flag: test() must not carry lastIndex from one record to the next.
    regex = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (error) {
    return { ok: false, problem: `invalid regular expression ${quoted}: ${syntaxErrorReason(error)}` };
  }
  const nested = nestedRepetition(pattern);
  if (nested !== undefined) {
    return {
      ok: false,
      problem: `regular expression ${quoted} repeats a group that itself repeats (${JSON.stringify(nested)}), which can take exponential time; rewrite it without nested repetition`,
    };
  }
  return { ok: true, regex };
}

/** "Invalid regular expression: /(/: Unterminated group" -> "Unterminated group". */
function syntaxErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lastSeparator = message.lastIndexOf(': ');
  return lastSeparator < 0 ? message : message.slice(lastSeparator + 2);
}

interface GroupFrame {
  readonly start: number;
  repeatsInside: boolean;
}

/**
 * The first group that is repeated (`*`, `+`, `{n,}`, `{n,m}` with m > n) while it contains a
 * repetition itself, as source text; undefined when there is none. Escapes and character classes
 * are skipped so `\(` and `[+*]` are not mistaken for syntax. Runs on a pattern that compiled.
 */
function nestedRepetition(pattern: string): string | undefined {
  const stack: GroupFrame[] = [{ start: 0, repeatsInside: false }];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') {
      index += 2;
    } else if (char === '[') {
      index = endOfCharacterClass(pattern, index);
    } else if (char === '(') {
      stack.push({ start: index, repeatsInside: false });
      index += 1;
    } else if (char === ')') {
      const group = stack.pop();
      const quantifierLength = repeatingQuantifierLength(pattern, index + 1);
      const enclosing = stack.at(-1);
      if (group === undefined || enclosing === undefined) return undefined; // unbalanced: cannot happen after compiling
      if (quantifierLength > 0 && group.repeatsInside) return pattern.slice(group.start, index + 1 + quantifierLength);
      enclosing.repeatsInside ||= group.repeatsInside || quantifierLength > 0;
      index += 1;
    } else {
      const quantifierLength = repeatingQuantifierLength(pattern, index);
      const current = stack.at(-1);
      if (quantifierLength > 0 && current !== undefined) current.repeatsInside = true;
      index += Math.max(1, quantifierLength);
    }
  }
  return undefined;
}

/** Index just past the `]` closing the class that opens at `open`. */
function endOfCharacterClass(pattern: string, open: number): number {
  let index = open + 1;
  while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
  return index + 1;
}

const BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

/** Length of a quantifier at `index` that allows more than one repetition, else 0. */
function repeatingQuantifierLength(pattern: string, index: number): number {
  const char = pattern[index];
  if (char === '*' || char === '+') return 1;
  if (char !== '{') return 0;
  const match = BRACE_QUANTIFIER.exec(pattern.slice(index, index + 24));
  if (match === null) return 0; // a literal "{", as JavaScript allows outside unicode mode
  const [text, min, comma, max] = match;
  const repeats = comma !== undefined && (max === undefined || max === '' || Number(max) > Number(min));
  return repeats ? text.length : 0;
}
