import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeFrequencyTrack } from "../../src/report/strategy.js";
import { ReportInputError, readRunLog, runDirectories } from "../../src/report/readRuns.js";
import { analyseRuns, type RunReport } from "../../src/report/runReport.js";
import type { Value } from "../../src/core/values.js";
import { tempDir } from "../support/tempDir.js";
import { answer, completeRun, containsTrack, stepRow, writeRun, type HandMadeRun } from "./handMadeRuns.js";

function reportOf(run: HandMadeRun, edit?: (dir: string) => void): RunReport {
  const dir = writeRun(path.join(tempDir("rlx-report-logs-"), "run"), run);
  edit?.(dir);
  return analyseRuns([readRunLog(dir)])[0]!;
}

function value<T>(analysis: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!analysis.ok) throw new Error(`unavailable: ${analysis.reason}`);
  return analysis.value;
}

const rounded = (xs: readonly number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9);

describe("curves", () => {
  it("reads accuracy, reward and clip fraction per step from metrics.jsonl", () => {
    const training = value(reportOf(completeRun()).training);
    expect(training.accuracy.steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rounded(training.accuracy.values)).toEqual([0.5, 0.54, 0.58, 0.62, 0.66, 0.7, 0.74, 0.78, 0.82, 0.86]);
    expect(rounded(training.reward.values)).toEqual([0.25, 0.27, 0.29, 0.31, 0.33, 0.35, 0.37, 0.39, 0.41, 0.43]);
    expect(training.clipLow.values).toEqual([0, 0, 0.004, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("summarises clip fraction over training, low and high apart", () => {
    const clip = value(reportOf(completeRun()).clipping);
    expect([clip.low.mean, clip.low.max, clip.low.last]).toEqual([0.0004, 0.004, 0]);
    expect(clip.high.mean).toBeCloseTo(0.0045, 12);
    expect([clip.high.max, clip.high.last]).toEqual([0.009, 0.009]);
  });

  it("says a run without the clip term has no clip fraction, instead of a row of zeros", () => {
    const clipping = reportOf({ run: "noclip", metrics: [stepRow(1, 0.5, 0.6, 0, 0)], clip: null }).clipping;
    expect(clipping.ok).toBe(false);
    expect(clipping.ok ? "" : clipping.reason).toBe("the run has no clip term (clip: none), so nothing was clipped");
  });

  it("takes training code frequency from the track whose expression is contains(\"python\")", () => {
    const code = value(reportOf(completeRun()).codeFrequency);
    expect(code.source).toBe("track code_frequency");
    expect(rounded(code.series.values)).toEqual([0.6, 0.63, 0.66, 0.69, 0.72, 0.75, 0.78, 0.81, 0.84, 0.87]);
  });

  it("counts code frequency in samples.jsonl when no track is contains(\"python\"), whatever the tracks are named", () => {
    const sample = (step: number, style: "Code" | "Lang") => ({ step, prompt: 0, sample: 0, response: answer(step, 0, style, true).response, reward: 1, correct: true, tracks: {} });
    const code = value(
      reportOf({
        ...completeRun(),
        tracks: [containsTrack("code_frequency", "Python", true)],
        samples: [sample(1, "Code"), sample(1, "Lang"), sample(1, "Lang"), sample(1, "Lang"), sample(2, "Code"), sample(2, "Code"), sample(2, "Code"), sample(2, "Lang")],
      }).codeFrequency,
    );
    expect(code.source).toBe('samples.jsonl (answers containing "python")');
    expect(code.series).toEqual({ steps: [1, 2], values: [0.25, 0.75] });
  });

  it("recognises contains(\"python\") behind a named definition, and nothing else", () => {
    const contains = containsTrack("x").expression as Value;
    const named: Value = { kind: "ref", name: "uses_python", value: contains };
    const negated: Value = { kind: "op", op: "not", args: [contains] };
    expect(codeFrequencyTrack([{ name: "not_code", expression: negated }, { name: "code", expression: named }])).toBe("code");
    expect(codeFrequencyTrack([{ name: "not_code", expression: negated }])).toBeNull();
  });

  it("gives one evaluation curve per (data, metric) over its eval steps", () => {
    const evals = value(reportOf(completeRun()).evals);
    expect(evals.map((e) => [e.metric, e.series.steps, e.series.values])).toEqual([["pass@1", [0, 5, 10], [0.6, 0, 0.9]]]);
  });
});

describe("reading run directories", () => {
  it("leaves out a torn last line (a killed run) with a note, and keeps the rest", () => {
    const report = reportOf(completeRun(), (dir) => appendFileSync(path.join(dir, "metrics.jsonl"), '{"step":11,"accur'));
    expect(value(report.training).accuracy.steps).toHaveLength(10);
    expect(report.log.notes).toEqual(["metrics.jsonl: its last line is incomplete (the run was stopped while writing it) and is left out"]);
  });

  it("notes a torn summary.json and reads the run as not ended", () => {
    const report = reportOf(completeRun(), (dir) => writeFileSync(path.join(dir, "summary.json"), '{"status": "compl'));
    expect(report.log.status).toBeNull();
    expect(report.log.notes).toEqual(["summary.json is not valid JSON (torn or edited?)"]);
    expect(report.training.ok && report.evals.ok && report.switches.ok).toBe(true);
  });

  it("says which analysis is unavailable and why: a broken line, no evaluations, no greedy answers", () => {
    const broken = reportOf(completeRun(), (dir) => writeFileSync(path.join(dir, "metrics.jsonl"), `${JSON.stringify(stepRow(1, 0.5, 0.5, 0, 0))}\nnot json\n${JSON.stringify(stepRow(2, 0.5, 0.5, 0, 0))}\n`));
    expect(broken.training).toEqual({ ok: false, reason: "metrics.jsonl line 2 is not valid JSON" });
    expect(broken.clipping.ok).toBe(false);
    // The evaluations do not depend on metrics.jsonl.
    expect(broken.evals.ok).toBe(true);

    const noEvals = reportOf({ run: "no_evals", metrics: completeRun().metrics! });
    expect(noEvals.evals).toEqual({ ok: false, reason: "no evals.jsonl: the run has no evaluations (its experiment has no eval clause, or it stopped before the first)" });
    expect(noEvals.switches).toEqual({ ok: false, reason: "no eval_samples.jsonl: the run has no evaluations (its experiment has no eval clause, or it stopped before the first)" });

    const noGreedy = reportOf({ ...completeRun(), evalSamples: undefined });
    expect(noGreedy.switches).toEqual({ ok: false, reason: "no eval_samples.jsonl: no evaluation has a greedy metric (pass@k at temperature 0), whose answers it keeps" });

    const badRecord = reportOf({ ...completeRun(), evalSamples: [{ step: 0, data: "d", metric: "pass@1", index: 0, response: "x" }] });
    expect(badRecord.switches).toEqual({ ok: false, reason: "eval_samples.jsonl line 1: 'correct' is missing" });
  });

  it("reads a sweep's folder as the runs its summary.json lists, each once", () => {
    const root = tempDir("rlx-report-sweep-");
    const a = writeRun(path.join(root, "grid", "model-a"), completeRun("grid/model-a"));
    writeRun(path.join(root, "grid", "model-b"), completeRun("grid/model-b"));
    writeFileSync(path.join(root, "summary.json"), JSON.stringify({ file: "grid.rlx", runs: [{ run: "grid/model-a", dir: "moved/away" }, { run: "grid/model-b", dir: "elsewhere" }] }));
    expect(runDirectories([root, a]).map((d) => path.relative(root, d))).toEqual([path.join("grid", "model-a"), path.join("grid", "model-b")]);
  });

  it("refuses a folder that is neither a run nor a sweep, naming what is missing", () => {
    const empty = tempDir("rlx-report-empty-");
    expect(() => runDirectories([empty])).toThrow(new ReportInputError(`${empty} is not an rlx run directory (no meta.json) nor a sweep's folder (no summary.json)`));
    expect(() => runDirectories([path.join(empty, "nope")])).toThrow(`${path.join(empty, "nope")} does not exist`);
    const torn = path.join(empty, "torn");
    mkdirSync(torn);
    writeFileSync(path.join(torn, "meta.json"), '{"run": "x", "fi');
    expect(() => runDirectories([torn]).map(readRunLog)).toThrow(`${torn} is not an rlx run directory: meta.json is not valid JSON (torn or edited?)`);
  });
});
