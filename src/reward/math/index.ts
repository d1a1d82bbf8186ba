/**
 * The `math` reward: is the model's final answer equivalent to the label?
 *
 * Cheapest first: exact text, normalised text, then the fast parser
 * (exact rationals, floats with a relative tolerance, sampling for
 * variables, structures), and the CAS only for what the parser cannot read
 * or decide. Nothing is ever "equal" unless at least one method could read
 * both answers.
 */
import { compareNodes, type Comparison } from "./compare.js";
import { extractAnswer, type Extraction } from "./extract.js";
import { parseLatex } from "./latex.js";
import { normalize, type Normalized } from "./normalize.js";
import type { Node } from "./ast.js";
import { shape } from "./structure.js";
import { casEqual, casParses } from "./symbolic.js";

export { extractAnswer, countBoxed } from "./extract.js";
export type { Extraction } from "./extract.js";

export interface MathVerdict {
  equal: boolean;
  method: "exact" | "normalized" | "numeric" | "structure" | "symbolic" | "unparseable" | "timeout";
  /** The normalised prediction as compared (null when there was none). */
  prediction: string | null;
  /** The normalised gold answer as compared. */
  gold: string | null;
  /** One sentence: why equal, or why not. */
  reason: string;
}

export interface MathEqualOptions {
  /** Budget for the CAS fallback, in milliseconds (default 200). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 200;
/** Longer "answers" are prose or runaway output; they are not graded as math. */
const MAX_ANSWER = 5000;

/** A normalised and parsed answer; cached, since gold answers recur for every sample of a prompt. */
interface Prepared {
  readonly norm: Normalized;
  readonly node: Node | null;
  readonly parseError: string | null;
}

const CACHE_LIMIT = 20000;
const cache = new Map<string, Prepared>();

function prepare(raw: string): Prepared {
  const hit = cache.get(raw);
  if (hit) return hit;
  const norm = normalize(raw);
  let node: Node | null = null;
  let parseError: string | null = null;
  if (norm.prose) {
    node = { k: "text", text: norm.key };
  } else if (norm.text === "") {
    parseError = "empty after normalisation";
  } else {
    try {
      node = shape(parseLatex(norm.text));
    } catch (e) {
      parseError = e instanceof Error ? e.message : String(e);
    }
  }
  const prepared: Prepared = { norm, node, parseError };
  // A cache, bounded: dropping it all at once is simpler than LRU and rare enough not to matter.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, prepared);
  return prepared;
}

export function mathEqual(prediction: string, gold: string, options?: MathEqualOptions): MathVerdict {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const predRaw = (prediction ?? "").trim();
  const goldRaw = (gold ?? "").trim();
  if (predRaw === "") return verdict(false, "unparseable", null, goldRaw || null, "the prediction is empty");
  if (goldRaw === "") return verdict(false, "unparseable", predRaw, null, "the gold answer is empty");
  if (predRaw.length > MAX_ANSWER || goldRaw.length > MAX_ANSWER) {
    return verdict(false, "unparseable", predRaw.slice(0, 80), goldRaw.slice(0, 80), `an answer is longer than ${MAX_ANSWER} characters`);
  }
  const P = prepare(predRaw);
  const G = prepare(goldRaw);
  const pn = P.norm.text || null;
  const gn = G.norm.text || null;
  const out = (equal: boolean, method: MathVerdict["method"], reason: string) => verdict(equal, method, pn, gn, reason);

  // Multiple choice: the letter decides ("(C) 12" against "C").
  if (P.norm.choice && G.norm.choice && (P.norm.choiceOnly || G.norm.choiceOnly)) {
    const same = P.norm.choice === G.norm.choice;
    return out(same, "normalized", same ? `both choose ${G.norm.choice}` : `choice ${P.norm.choice} vs ${G.norm.choice}`);
  }

  const readable = P.node !== null && G.node !== null;
  if (P.norm.key !== "" && P.norm.key === G.norm.key) {
    // Identical text still needs to be an answer: two copies of the same garbage are not "equal".
    if (readable || casParses(G.norm.text, timeoutMs)) {
      return predRaw === goldRaw
        ? out(true, "exact", "the answers are identical")
        : out(true, "normalized", "the answers are identical after normalisation");
    }
    return out(false, "unparseable", `the answers are the same text but not readable math (${G.parseError ?? P.parseError})`);
  }
  if (P.norm.prose || G.norm.prose) {
    return out(false, "normalized", P.norm.prose && G.norm.prose ? "the answers are different words" : "a word answer against a math answer");
  }

  let parsed: Comparison | null = null;
  if (readable) {
    parsed = compareNodes(P.node!, G.node!);
    // 50\% against 0.5: the percent sign means "divide by 100" when only one side has it.
    if (!parsed.equal && P.norm.percent !== G.norm.percent) {
      const pc = percentRetry(P, G);
      if (pc?.equal) parsed = { ...pc, reason: `${pc.reason} (reading the percent sign as /100)` };
    }
    if (!parsed.undecided) return out(parsed.equal, parsed.how, parsed.reason);
  }

  // The CAS: for what the parser could not read, or could not decide.
  const cas = casEqual(P.norm.text, G.norm.text, timeoutMs);
  // When the parser read both but could not decide, its "not shown equal" stands if the CAS cannot help either.
  if (parsed && cas.status === "timeout") return out(false, "timeout", `${parsed.reason}; ${cas.reason}`);
  if (parsed && cas.status === "unparseable") {
    return out(false, parsed.how, `${parsed.reason}; the CAS could not decide (${cas.reason})`);
  }
  switch (cas.status) {
    case "equal":
      return out(true, "symbolic", cas.reason);
    case "different":
      return out(false, "symbolic", cas.reason);
    case "timeout":
      return out(false, "timeout", cas.reason);
    case "unparseable": {
      const which = P.node === null ? `the prediction (${P.parseError})` : G.node === null ? `the gold answer (${G.parseError})` : null;
      return out(false, "unparseable", which ? `cannot read ${which}` : cas.reason);
    }
  }
}

function percentRetry(P: Prepared, G: Prepared): Comparison | null {
  const scale = (n: Node): Node | null =>
    n.k === "list" || n.k === "tuple" || n.k === "set" || n.k === "matrix" || n.k === "union" || n.k === "rel" || n.k === "text"
      ? null
      : { k: "div", a: n, b: { k: "num", text: "100", exact: { n: 100n, d: 1n }, decimal: false } };
  const p = P.norm.percent ? scale(P.node!) : P.node;
  const g = G.norm.percent ? scale(G.node!) : G.node;
  return p && g ? compareNodes(p, g) : null;
}

function verdict(equal: boolean, method: MathVerdict["method"], prediction: string | null, gold: string | null, reason: string): MathVerdict {
  return { equal, method, prediction, gold, reason };
}

export function gradeResponse(response: string, gold: string): { extraction: Extraction; verdict: MathVerdict } {
  const extraction = extractAnswer(response);
  if (extraction.answer === null) {
    const g = gold.trim() === "" ? null : prepare(gold.trim()).norm.text;
    return { extraction, verdict: verdict(false, "unparseable", null, g, "the response has no final answer") };
  }
  return { extraction, verdict: mathEqual(extraction.answer, gold) };
}
