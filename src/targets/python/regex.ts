import { matchesRefusal, regexProblem } from "../../core/regex.js";

/**
 * `matches(pattern)` runs on RE2 in TypeScript; the generated Python module runs it on `re`.
 * This rewrites an RE2 pattern into a Python pattern that matches the same strings, spelling
 * out what the two engines read differently (\d, \w, \s are ASCII in RE2; `$` is the end of the
 * text unless (?m); `{,n}` is literal in RE2). What has no faithful translation is refused with
 * a reason, so an export never runs a different regular expression than `rlx run` would.
 */
export interface PythonRegex {
  /** The Python pattern source. */
  readonly pattern: string;
  /** Python flags: a `|`-joined list of `re.` names. */
  readonly flags: string;
}

export class RegexTranslationError extends Error {}

const RE2_SPACE = "\\t\\n\\f\\r ";
const WORD = "0-9A-Za-z_";
const POSIX: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\t ",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-/:-@\\[-`{-~",
  space: "\\t\\n\\x0b\\f\\r ",
  upper: "A-Z",
  word: WORD,
  xdigit: "0-9A-Fa-f",
};

/** Translates `pattern` (already accepted by RE2) or throws RegexTranslationError saying why not. */
export function pythonRegex(pattern: string): PythonRegex {
  const problem = regexProblem(pattern);
  if (problem) throw new RegexTranslationError(matchesRefusal(pattern, problem));
  const refuse = (what: string): never => {
    throw new RegexTranslationError(matchesRefusal(pattern, `${what} has no exact equivalent in Python's re module, which the exported reward module uses`));
  };

  let body = pattern;
  const flags = new Set<string>();
  // Flags for the whole pattern, written first: (?i), (?s), (?m), (?ims).
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading) {
    for (const f of leading[1]!) {
      if (f === "U") refuse("the ungreedy flag (?U)");
      flags.add(f);
    }
    body = body.slice(leading[0].length);
  }
  const multiline = flags.has("m");

  let out = "";
  let inClass = false;
  let wordBoundary = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      const n = body[i + 1];
      if (n === undefined) refuse("a trailing backslash");
      i++;
      switch (n) {
        case "d":
          out += inClass ? "0-9" : "[0-9]";
          break;
        case "w":
          out += inClass ? WORD : `[${WORD}]`;
          break;
        case "s":
          out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
          break;
        case "D":
        case "W":
        case "S":
          if (inClass) refuse(`\\${n} inside a character class`);
          out += n === "D" ? "[^0-9]" : n === "W" ? `[^${WORD}]` : `[^${RE2_SPACE}]`;
          break;
        case "z":
          out += "\\Z";
          break;
        case "p":
        case "P":
          refuse(`the Unicode class \\${n}`);
          break;
        case "C":
          refuse("\\C (any byte)");
          break;
        case "Q": {
          const end = body.indexOf("\\E", i + 1);
          const literal = end < 0 ? body.slice(i + 1) : body.slice(i + 1, end);
          out += literal.replace(/[.*+?^${}()|[\]\\\-]/g, (m) => `\\${m}`);
          i = end < 0 ? body.length : end + 1;
          break;
        }
        case "x": {
          const braced = /^\{([0-9A-Fa-f]+)\}/.exec(body.slice(i + 1));
          if (braced) {
            out += `\\U${braced[1]!.padStart(8, "0")}`;
            i += braced[0].length;
          } else out += "\\x";
          break;
        }
        default:
          if (!inClass && (n === "b" || n === "B")) wordBoundary = true;
          out += `\\${n}`;
      }
      continue;
    }
    if (inClass) {
      if (c === "[" && body[i + 1] === ":") {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(body.slice(i));
        if (m) {
          if (m[1]) refuse(`the negated class [:^${m[2]}:]`);
          const cls = POSIX[m[2]!];
          if (!cls) refuse(`the class [:${m[2]}:]`);
          out += cls;
          i += m[0].length - 1;
          continue;
        }
      }
      // Escaped so Python reads no nested-set syntax ("[[", "&&", "~~", "||") into the class.
      if (c === "[" || c === "&" || c === "~" || c === "|") out += `\\${c}`;
      else {
        if (c === "]") inClass = false;
        out += c;
      }
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (body[i + 1] === "^") {
        out += "^";
        i++;
      }
      // A "]" first in a class is a literal in both engines.
      if (body[i + 1] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && body[i + 1] === "?") {
      const rest = body.slice(i);
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?P<${named[1]}>`;
        i += named[0].length - 1;
        continue;
      }
      const inline = /^\(\?([imsU-]+)(\)|:)/.exec(rest);
      if (inline) {
        if (inline[2] === ")") refuse(`the flag group (?${inline[1]}) after the start of the pattern`);
        if (/[mU]/.test(inline[1]!)) refuse(`the flag group (?${inline[1]}:…)`);
        out += `(?${inline[1]}:`;
        i += inline[0].length - 1;
        continue;
      }
      out += c;
      continue;
    }
    if (c === "$") {
      out += multiline ? "$" : "\\Z";
      continue;
    }
    if (c === "{" && !/^\{\d+(,\d*)?\}/.test(body.slice(i))) {
      // Not a repetition in RE2 (`{,3}`, `{x}`): a literal brace.
      out += "\\{";
      continue;
    }
    out += c;
  }

  // \d, \w and \s are spelled out above; re.ASCII keeps \b and \B to ASCII words as in RE2. With (?i)
  // and no \b, Unicode case folding (as RE2 does) needs re.ASCII off.
  if (flags.has("i") && wordBoundary && /[^\x00-\x7f]/.test(body)) refuse("case-insensitive matching of non-ASCII letters next to \\b");
  const names = flags.has("i") && !wordBoundary ? [] : ["re.ASCII"];
  if (flags.has("i")) names.push("re.IGNORECASE");
  if (flags.has("s")) names.push("re.DOTALL");
  if (multiline) names.push("re.MULTILINE");
  return { pattern: out, flags: names.length === 0 ? "0" : names.join(" | ") };
}
