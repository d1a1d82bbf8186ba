import { applyOp } from "../core/operators.js";
import type { OpName } from "../core/values.js";
import type { SampleContext } from "./sampleContext.js";
import type { Evidence, Explanation, Scalar } from "./types.js";

/** A compiled sub-term of a reward: its value on a sample, and on demand why. */
export interface Term {
  /** How the term reads in an explanation: the sub-term in rlx, or the definition's name. */
  readonly text: string;
  /** Constants are left out of explanations: `boxed_count >= 1` need not say that 1 is 1. */
  readonly constant: boolean;
  evaluate(s: SampleContext): Scalar;
  explain(s: SampleContext): Explanation;
}

/** A term without sub-terms, e.g. a primitive; `evidence` is only computed when explaining. */
export function leafTerm(text: string, evaluate: (s: SampleContext) => Scalar, evidence?: (s: SampleContext) => Evidence): Term {
  return {
    text,
    constant: false,
    evaluate,
    explain: (s) => ({ term: text, value: evaluate(s), children: [], ...(evidence ? { evidence: evidence(s) } : {}) }),
  };
}

export function constantTerm(text: string, value: Scalar): Term {
  return { text, constant: true, evaluate: () => value, explain: () => ({ term: text, value, children: [] }) };
}

/** A named definition: explained under its name, with its body's sub-terms and evidence. */
export function refTerm(name: string, body: Term): Term {
  return {
    text: name,
    constant: body.constant,
    evaluate: (s) => body.evaluate(s),
    explain(s) {
      const inner = body.explain(s);
      return { ...inner, term: name, definition: body.text };
    },
  };
}

/** A term over sub-terms; `combine` gets their values in order. */
export function compositeTerm(text: string, parts: readonly Term[], evaluate: (s: SampleContext) => Scalar, combine: (values: readonly Scalar[]) => Scalar): Term {
  return {
    text,
    constant: false,
    evaluate,
    explain(s) {
      // Every part is explained, even those `&`/`|` skip when only the value is wanted.
      const explained = parts.map((p) => p.explain(s));
      return { term: text, value: combine(explained.map((e) => e.value)), children: explained.filter((_, i) => !parts[i]!.constant) };
    },
  };
}

export function opTerm(text: string, op: OpName, parts: readonly Term[]): Term {
  const [a, b] = parts as [Term, Term];
  const combine = (v: readonly Scalar[]) => applyOp(op, v[0]!, v[1]!);
  switch (op) {
    // Short-circuits skip work only: every term is pure, so the value is the same either way.
    case "and":
      return compositeTerm(text, parts, (s) => a.evaluate(s) === true && b.evaluate(s) === true, combine);
    case "or":
      return compositeTerm(text, parts, (s) => a.evaluate(s) === true || b.evaluate(s) === true, combine);
    case "not":
    case "neg":
      return compositeTerm(text, parts, (s) => applyOp(op, a.evaluate(s), 0), combine);
    default:
      return compositeTerm(text, parts, (s) => applyOp(op, a.evaluate(s), b.evaluate(s)), combine);
  }
}

export function ifTerm(text: string, cond: Term, then: Term, otherwise: Term): Term {
  return {
    text,
    constant: false,
    evaluate: (s) => (cond.evaluate(s) === true ? then.evaluate(s) : otherwise.evaluate(s)),
    explain(s) {
      // The branch not taken says nothing about this sample: only the condition and the taken branch show.
      const c = cond.explain(s);
      const branch = c.value === true ? then : otherwise;
      const taken = branch.explain(s);
      const shown = ([[cond, c], [branch, taken]] as const).filter(([t]) => !t.constant).map(([, e]) => e);
      return { term: text, value: taken.value, children: shown };
    },
  };
}
