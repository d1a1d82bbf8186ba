import path from "node:path";
import { describe, expect, it } from "vitest";
import { contributions } from "../../src/report/contributions.js";
import { readRunLog } from "../../src/report/readRuns.js";
import { analyseRuns, type RunReport } from "../../src/report/runReport.js";
import { strategySwitches, type StrategySwitch } from "../../src/report/strategySwitch.js";
import { tempDir } from "../support/tempDir.js";
import { answer, completeRun, problem, TEST_DATA, writeRun } from "./handMadeRuns.js";

/** The run's first strategy switch with its contributions, read from a hand-made run directory. */
function switchOf(evalSamples: readonly object[]): NonNullable<ReturnType<typeof firstSwitch>> {
  const dir = writeRun(path.join(tempDir("rlx-report-switch-"), "run"), { run: "switch", evals: [], evalSamples });
  return firstSwitch(analyseRuns([readRunLog(dir)])[0]!)!;
}

function firstSwitch(report: RunReport) {
  if (!report.switches.ok) throw new Error(report.switches.reason);
  const analysis = report.switches.value[0]!.analysis;
  if (!analysis.ok) throw new Error(analysis.reason);
  return analysis.value;
}

const counts = (s: StrategySwitch) => s.subsets.map((d) => [d.kind, d.problems, d.correctBefore, d.correctAfter]);

describe("strategy switch", () => {
  it("splits ten problems into the four subsets by the text of their first and last greedy answers", () => {
    const { strategySwitch } = switchOf(completeRun().evalSamples);
    expect(strategySwitch.stepBefore).toBe(0);
    // The middle evaluation at step 5 (every answer Lang and wrong) plays no part.
    expect(strategySwitch.stepAfter).toBe(10);
    expect(strategySwitch.problems).toBe(10);
    expect(strategySwitch.unmatched).toBe(0);
    expect([strategySwitch.correctBefore, strategySwitch.correctAfter, strategySwitch.codeBefore, strategySwitch.codeAfter]).toEqual([6, 9, 6, 7]);
    expect(counts(strategySwitch)).toEqual([
      ["Code→Code", 4, 3, 4],
      ["Code→Lang", 2, 2, 1],
      ["Lang→Code", 3, 1, 3],
      ["Lang→Lang", 1, 0, 1],
    ]);
  });

  it("computes each subset's contribution and partial contribution score", () => {
    const { contributions: c } = switchOf(completeRun().evalSamples);
    // Accuracy 0.6 → 0.9 on the ten problems.
    expect(c.totalChange).toBeCloseTo(0.3, 12);
    expect(c.subsets.map((d) => d.contribution)).toEqual([0.1, -0.1, 0.2, 0.1]);
    expect(c.subsets.map((d) => d.score)).toEqual([1 / 3, -1 / 3, 2 / 3, 1 / 3]);
  });

  it("gives no partial score when the total change is 0, and an empty subset zero problems and no accuracy", () => {
    const { strategySwitch, contributions: c } = switchOf([
      ...problem(0, "Code→Code", [true, false]),
      ...problem(1, "Lang→Code", [false, true]),
      ...problem(2, "Lang→Lang", [true, true]),
      ...problem(3, "Code→Code", [true, true]),
    ]);
    expect(counts(strategySwitch)).toEqual([
      ["Code→Code", 2, 2, 1],
      ["Code→Lang", 0, 0, 0],
      ["Lang→Code", 1, 0, 1],
      ["Lang→Lang", 1, 1, 1],
    ]);
    expect(c.totalChange).toBe(0);
    expect(c.subsets.map((d) => d.contribution)).toEqual([-0.25, 0, 0.25, 0]);
    expect(c.subsets.map((d) => d.score)).toEqual([null, null, null, null]);
  });

  it("scores subsets beyond ±1 when they pull against each other, and empty subsets at 0", () => {
    const { strategySwitch, contributions: c } = switchOf([
      ...problem(0, "Code→Code", [false, true]),
      ...problem(1, "Code→Code", [false, true]),
      ...problem(2, "Code→Code", [true, true]),
      ...problem(3, "Code→Lang", [true, false]),
      ...problem(4, "Code→Lang", [true, true]),
    ]);
    expect(counts(strategySwitch)).toEqual([
      ["Code→Code", 3, 1, 3],
      ["Code→Lang", 2, 2, 1],
      ["Lang→Code", 0, 0, 0],
      ["Lang→Lang", 0, 0, 0],
    ]);
    expect(c.totalChange).toBeCloseTo(0.2, 12);
    expect(c.subsets.map((d) => d.contribution)).toEqual([0.4, -0.2, 0, 0]);
    expect(c.subsets.map((d) => d.score)).toEqual([2, -1, 0, 0]);
  });

  it("matches problems by index and leaves out those answered at only one of the two steps", () => {
    const { strategySwitch } = switchOf([...problem(0, "Lang→Code", [false, true]), answer(0, 1, "Code", true), answer(10, 2, "Code", true), answer(10, 0, "Lang", false, "pass@1", "other(data)")]);
    expect(strategySwitch.problems).toBe(1);
    expect(strategySwitch.unmatched).toBe(2);
    expect(counts(strategySwitch)[2]).toEqual(["Lang→Code", 1, 0, 1]);
  });

  it("keeps evaluations (data × metric) apart and says why one evaluated only once has no switch", () => {
    const results = strategySwitches([...problem(0, "Code→Lang", [true, false]), answer(0, 0, "Code", true, "pass@1", "other(data)")]);
    expect(results.map((r) => [r.data, r.metric, r.analysis.ok])).toEqual([
      [TEST_DATA, "pass@1", true],
      ["other(data)", "pass@1", false],
    ]);
    expect(results[1]!.analysis).toEqual({ ok: false, reason: "answers were kept at step 0 only; the switch needs an evaluation after training too" });
  });

  it("has the total change equal the accuracy change, and scores that sum to 1", () => {
    const s = switchOf(completeRun().evalSamples).strategySwitch;
    const c = contributions(s);
    expect(c.totalChange).toBeCloseTo(s.correctAfter / s.problems - s.correctBefore / s.problems, 12);
    expect(c.subsets.reduce((sum, d) => sum + d.score!, 0)).toBeCloseTo(1, 12);
  });
});
