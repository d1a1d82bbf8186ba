import { alignColumns, table } from "../text/columns.js";
import { fixed } from "../text/format.js";
import type { Audit, ScoreSummary } from "./scoredRows.js";

/** What `rlx reward --responses` and the REPL's `:responses` print. */
export function summaryLines(file: string, s: ScoreSummary): string[] {
  return [
    `${plural(s.count, "response")} from ${file}${s.unlabelled ? ` (${s.unlabelled} without a label: math counts them wrong)` : ""}`,
    ...pairs([
      ["mean reward", measure(s.mean)],
      ["rewarded", `${s.rewarded} (${percent(s.rewarded, s.count)})`],
      ["agreement with math", `${s.agreeing} (${percent(s.agreeing, s.count)})`],
    ]),
  ];
}

/** What `rlx audit` prints: the 2×2 table of rewarded × correct, then the measures. */
export function auditLines(expression: string, file: string, s: ScoreSummary, a: Audit, predicate: boolean): string[] {
  const correct = a.truePositive + a.falseNegative;
  const wrong = a.falsePositive + a.trueNegative;
  return [
    `audit of ${expression} against math (correctness under the label), ${plural(s.count, "response")} from ${file}`,
    ...(s.unlabelled ? [`${plural(s.unlabelled, "response")} without a label: math counts them wrong`] : []),
    "",
    table(
      ["", "correct", "wrong", "total"],
      [
        ["rewarded", a.truePositive, a.falsePositive, s.rewarded],
        ["not rewarded", a.falseNegative, a.trueNegative, s.count - s.rewarded],
        ["total", correct, wrong, s.count],
      ],
    ),
    "",
    table(
      ["measure", "value"],
      [
        ["share rewarded", percent(s.rewarded, s.count)],
        ["mean reward", measure(s.mean)],
        ["precision (correct among rewarded)", measure(a.precision)],
        ["recall (rewarded among correct)", measure(a.recall)],
        ["F1", measure(a.f1)],
        [predicate ? "correlation (phi)" : "correlation (Pearson r)", measure(a.correlation)],
      ],
    ),
  ];
}

function pairs(rows: readonly (readonly [string, string])[]): string[] {
  return alignColumns(rows).map((line) => `  ${line}`);
}

/** A measure to three decimals; n/a where it is undefined. */
function measure(x: number | null): string {
  return x === null ? "n/a" : fixed(x, 3);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
