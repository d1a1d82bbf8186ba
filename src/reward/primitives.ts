import { printValue } from "../core/printValue.js";
import { constantJson, type Value } from "../core/values.js";
import { checkFormat, formatStyle } from "./format.js";
import { uniformAt } from "./random.js";
import { RewardCompileError } from "./compileError.js";
import { BoundedRegex, matchesRefusal, regexProblem } from "../core/regex.js";
import type { SampleContext } from "./sampleContext.js";
import { leafTerm, compositeTerm, type Term } from "./terms.js";
import type { Evidence } from "./types.js";

/** What a primitive's builder gets besides its arguments. */
export interface PrimitiveSite {
  /** The call printed in rlx. */
  readonly text: string;
  /** Compiles an argument that is itself a reward-domain value (`len(response)`). */
  compile(v: Value): Term;
  /** The next `random` position in the expression, left to right. */
  nextRandomTerm(): number;
}

type Builder = (args: Readonly<Record<string, Value>>, site: PrimitiveSite) => Term;

/** Each reward primitive of src/check/builtins (and `len`), under its name there. */
export const PRIMITIVES: Readonly<Record<string, Builder>> = {
  equals_label: (args, { text }) => {
    const labels = args["labels"];
    return leafTerm(
      text,
      (s) => {
        const label = s.labelUnder(labels);
        return label !== null && s.verdict(label)?.equal === true;
      },
      (s) => gradeEvidence(s, labels),
    );
  },

  boxed_count: (_, { text }) =>
    leafTerm(
      text,
      (s) => s.boxedCount,
      (s) => ({ boxes: s.extraction.boxes }),
    ),

  contains: (args, { text }) => {
    const needle = constantJson(args["text"]!) as string;
    const ignoreCase = constantJson(args["ignore_case"]!) === true;
    const wanted = ignoreCase ? needle.toLowerCase() : needle;
    const haystack = (s: SampleContext) => (ignoreCase ? s.lowerCase : s.response);
    return leafTerm(
      text,
      (s) => haystack(s).includes(wanted),
      (s): Evidence => {
        const index = haystack(s).indexOf(wanted);
        // With ignore_case the index is into the lower-cased response, which has the same length for all but a few scripts.
        return index < 0 ? { found: null } : { found: s.response.slice(index, index + needle.length), index };
      },
    );
  },

  matches: (args, { text }) => {
    const pattern = constantJson(args["pattern"]!) as string;
    const problem = regexProblem(pattern);
    if (problem) throw new RewardCompileError(matchesRefusal(pattern, problem));
    const regex = new BoundedRegex(pattern);
    return leafTerm(
      text,
      (s) => regex.test(s.response),
      (s): Evidence => {
        const found = regex.find(s.response);
        return found ? { match: found.match, index: found.index } : { match: null };
      },
    );
  },

  random: (args, { text, nextRandomTerm }) => {
    const p = constantJson(args["p"]!) as number;
    const term = nextRandomTerm();
    const drawAt = (s: SampleContext) => uniformAt({ ...coordinates(s), term });
    return leafTerm(
      text,
      (s) => drawAt(s) < p,
      (s) => ({ ...coordinates(s), term, draw: drawAt(s), p }),
    );
  },

  length: (_, { text }) => leafTerm(text, (s) => codePoints(s.response)),

  format: (args, { text }) => {
    const style = formatStyle(constantJson(args["template"]!) as string);
    return leafTerm(
      text,
      (s) => checkFormat(style, s.response).ok,
      (s) => checkFormat(style, s.response).evidence,
    );
  },

  response: (_, { text }) => leafTerm(text, (s) => s.response),

  label: (_, { text }) => leafTerm(text, (s) => s.sample.label ?? "", (s): Evidence => (s.sample.label === null ? { reason: "no label" } : {})),

  len: (args, { text, compile }) => {
    const of = compile(args["text"]!);
    return compositeTerm(text, [of], (s) => codePoints(String(of.evaluate(s))), ([v]) => codePoints(String(v)));
  },
};

function coordinates(s: SampleContext) {
  const { seed, step, promptIndex, sampleIndex } = s.sample;
  return { seed, step, promptIndex, sampleIndex };
}

/** Characters as Python counts them (code points), so a long emoji is one, not two. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function gradeEvidence(s: SampleContext, labels: Value | undefined): Evidence {
  const { answer, source } = s.extraction;
  const label = s.labelUnder(labels);
  const seen = { ...(labels ? { labels: printValue(labels) } : {}), label, answer, source: String(source) };
  if (label === null) return { ...seen, reason: "no label" };
  const verdict = s.verdict(label);
  if (!verdict) return { ...seen, reason: "no answer found in the response" };
  return { ...seen, prediction: verdict.prediction, gold: verdict.gold, method: String(verdict.method), reason: verdict.reason };
}
