import type { EvidenceValue, Explanation, Scalar } from "./types.js";

/** Longer strings are cut in explanations: a response can be 200 KB. */
const MAX_SHOWN = 60;
const MAX_ITEMS = 5;

/**
 * An explanation as text, one sub-term per line, indented as a tree:
 *
 *     box_only_format_and_no_python = 0  (box_only_format & !contains(text: "python"))
 *     ├─ box_only_format = 1  (boxed_count >= 1)
 *     │  └─ boxed_count = 1  — boxes: ["42"]
 *     └─ !contains(text: "python") = 0
 *        └─ contains(text: "python") = 1  — found: "python", index: 120
 */
export function renderExplanation(root: Explanation): string[] {
  const lines: string[] = [];
  const visit = (e: Explanation, lead: string, childLead: string) => {
    lines.push(lead + describe(e));
    e.children.forEach((c, i) => {
      const last = i === e.children.length - 1;
      visit(c, childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "));
    });
  };
  visit(root, "", "");
  return lines;
}

function describe(e: Explanation): string {
  const definition = e.definition !== undefined && e.definition !== e.term ? `  (${e.definition})` : "";
  const evidence = e.evidence && Object.keys(e.evidence).length > 0
    ? `  — ${Object.entries(e.evidence).map(([k, v]) => `${k}: ${showEvidence(v)}`).join(", ")}`
    : "";
  return `${e.term} = ${showValue(e.value)}${definition}${evidence}`;
}

/** Predicates show as the 0/1 they are as rewards. */
export function showValue(v: Scalar): string {
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "number") return showNumber(v);
  return showString(v);
}

function showEvidence(v: EvidenceValue): string {
  if (v === null) return "none";
  if (typeof v === "string") return showString(v);
  if (typeof v === "number") return showNumber(v);
  if (typeof v === "boolean") return String(v);
  const shown = v.slice(0, MAX_ITEMS).map(showString);
  if (v.length > MAX_ITEMS) shown.push(`… ${v.length - MAX_ITEMS} more`);
  return `[${shown.join(", ")}]`;
}

function showNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}

function showString(s: string): string {
  return s.length > MAX_SHOWN ? `${JSON.stringify(s.slice(0, MAX_SHOWN)).slice(0, -1)}…" (${s.length} chars)` : JSON.stringify(s);
}
