import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mathEqual, type MathVerdict } from "../../../src/reward/math/index.js";

interface Case {
  prediction: string;
  gold: string;
  expected: boolean;
  note: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus: Case[] = readFileSync(path.join(here, "../../fixtures/math/corpus.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Case);

describe("math grader against the labelled corpus", () => {
  const results = corpus.map((c) => ({ c, v: mathEqual(c.prediction, c.gold) }));

  it("has at least 320 hand-labelled cases, with many negatives", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(320);
    expect(corpus.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(100);
  });

  it("agrees with the labels on at least 98% of the cases", () => {
    const wrong = results.filter(({ c, v }) => v.equal !== c.expected);
    const agreement = 1 - wrong.length / results.length;
    const lines = wrong.map(({ c, v }) => describe1(c, v));
    console.log(
      `math grader agreement: ${(100 * agreement).toFixed(2)}% (${results.length - wrong.length}/${results.length})` +
        (lines.length ? `\ndisagreements:\n${lines.join("\n")}` : ""),
    );
    expect(agreement).toBeGreaterThanOrEqual(0.98);
  });

  it("never calls two unreadable answers equal", () => {
    for (const { c, v } of results) {
      if (v.method === "unparseable" || v.method === "timeout") expect(v.equal, describe1(c, v)).toBe(false);
    }
    // The garbage cases of the corpus are all unreadable on both sides, and none is equal.
    const garbage = results.filter(({ v }) => v.method === "unparseable");
    expect(garbage.length).toBeGreaterThan(10);
  });

  it("never calls an empty prediction equal", () => {
    for (const gold of ["", "5", "\\frac12", "x"]) {
      expect(mathEqual("", gold).equal).toBe(false);
      expect(mathEqual("  ", gold).equal).toBe(false);
    }
  });

  it("gives every verdict a method and a reason", () => {
    for (const { v } of results) {
      expect(v.reason.length).toBeGreaterThan(0);
      expect(["exact", "normalized", "numeric", "structure", "symbolic", "unparseable", "timeout"]).toContain(v.method);
    }
  });
});

function describe1(c: Case, v: MathVerdict): string {
  return `  ${JSON.stringify(c.prediction)} vs ${JSON.stringify(c.gold)}: expected ${c.expected}, got ${v.equal} [${v.method}] ${v.reason} (${c.note})`;
}
