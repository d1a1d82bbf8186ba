import { RE2JS, RE2JSException } from "re2js";

/**
 * `matches(pattern)` runs on RE2 (the re2js port), whose matching time is linear in the input:
 * a pattern like `(a+)+$` cannot hang training the way a backtracking engine would. The price is
 * that RE2 has no backreferences and no lookaround; the checker refuses such patterns with a
 * message saying why, and the reward runtime and the Python export refuse them again for values
 * that did not come from the checker.
 */

/** Longer patterns are refused: RE2 compiles them into programs that cost memory per match. */
export const MAX_PATTERN_LENGTH = 1000;
/** `matches` reads at most this many characters of a response (linear time still grows with input). */
export const MAX_MATCH_INPUT = 1 << 20;

/** Why RE2 cannot run `pattern`, in words for the user; undefined when it can. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is ${pattern.length} characters long; matches takes at most ${MAX_PATTERN_LENGTH}`;
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return unsupportedFeature(pattern) ?? `invalid regular expression: ${error.message.replace(/^error parsing regexp: /, "")}`;
  }
}

/** How every layer refuses a pattern: the call as written in rlx, then why. */
export function matchesRefusal(pattern: string, why: string): string {
  return `matches(${JSON.stringify(pattern)}): ${why}`;
}

/** Names the backtracking-only feature a pattern uses, since RE2's own message ("invalid escape sequence") hides it. */
function unsupportedFeature(pattern: string): string | undefined {
  const why = "matches uses RE2, which runs in linear time and so has no";
  if (/\(\?<[=!]/.test(pattern)) return `lookbehind (?<= …) or (?<! …) is not supported: ${why} lookaround`;
  if (/\(\?[=!]/.test(pattern)) return `lookahead (?= …) or (?! …) is not supported: ${why} lookaround`;
  if (/\\[1-9]|\\k</.test(pattern)) return `backreferences (\\1, \\k<name>) are not supported: ${why} backreferences`;
  return undefined;
}

/** A compiled `matches` pattern. Construct only after {@link regexProblem} said yes. */
export class BoundedRegex {
  private readonly re: RE2JS;

  constructor(readonly pattern: string) {
    this.re = RE2JS.compile(pattern);
  }

  test(text: string): boolean {
    return this.re.test(bounded(text));
  }

  /** The first match and where it starts, or null. */
  find(text: string): { match: string; index: number } | null {
    const m = this.re.matcher(bounded(text));
    return m.find() ? { match: m.group() ?? "", index: m.start() } : null;
  }
}

function bounded(text: string): string {
  return text.length > MAX_MATCH_INPUT ? text.slice(0, MAX_MATCH_INPUT) : text;
}
