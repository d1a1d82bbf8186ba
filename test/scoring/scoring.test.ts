import { describe, expect, it } from "vitest";
import { readResponses } from "../../src/scoring/responsesFile.js";
import { audit, summarize, type ScoredRow } from "../../src/scoring/scoredRows.js";
import { tempFile } from "../support/tempDir.js";

const row = (value: number, correct: boolean, labelled = true): ScoredRow => ({ line: 1, value, correct, labelled });

describe("summaries and audits", () => {
  it("counts a real-valued reward as rewarded when positive, and correlates its values (Pearson)", () => {
    const rows = [row(2, true), row(1, true), row(0, false), row(-1, false)];
    expect(summarize(rows)).toEqual({ count: 4, unlabelled: 0, mean: 0.5, rewarded: 2, agreeing: 4 });
    const a = audit(rows);
    expect(a).toMatchObject({ truePositive: 2, falsePositive: 0, falseNegative: 0, trueNegative: 2, precision: 1, recall: 1, f1: 1 });
    // x = 2, 1, 0, -1 (mean 0.5); y = 1, 1, 0, 0: r = 2 / √(5 · 1)
    expect(a.correlation).toBeCloseTo(2 / Math.sqrt(5), 12);
  });

  it("leaves undefined measures null rather than dividing by zero", () => {
    expect(audit([row(0, true), row(0, false)])).toMatchObject({ precision: null, recall: 0, f1: null, correlation: null });
    expect(audit([])).toMatchObject({ precision: null, recall: null, correlation: null });
  });
});

describe("responses files", () => {
  const file = (text: string) => tempFile("r.jsonl", text);

  it("reads rows, skipping blank lines, labels as text, missing or null labels as null", () => {
    const f = file('{"response": "a", "answer": 3}\n\n{"response": "b", "answer": null}\n{"response": "c"}\n');
    expect(readResponses(f)).toEqual([
      { line: 1, response: "a", label: "3" },
      { line: 3, response: "b", label: null },
      { line: 4, response: "c", label: null },
    ]);
  });

  it("names file and line of every kind of malformed row", () => {
    expect(() => readResponses(file('["a"]\n'))).toThrow(/r\.jsonl:1: expected a JSON object per line/);
    expect(() => readResponses(file('{"response": 1}\n'))).toThrow(/r\.jsonl:1: 'response' is not a string/);
    expect(() => readResponses(file('{"response": "a", "answer": {"x": 1}}\n'))).toThrow(/r\.jsonl:1: 'answer' is neither a string nor a number/);
    expect(() => readResponses("no/such.jsonl")).toThrow("cannot read no/such.jsonl: no such file");
  });
});
