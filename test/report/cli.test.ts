import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { jsonl } from "../runtime/executor/helpers.js";
import { rlx } from "../support/rlx.js";
import { tempDir } from "../support/tempDir.js";
import { completeRun, writeRun } from "./handMadeRuns.js";

/** `rlx report` as a user runs it. */
const rlxReport = (...args: string[]) => rlx("report", ...args);

const noStackTrace = /\n\s+at /;

describe("rlx report on hand-made run directories", () => {
  it("reports a sweep's folder, writes the HTML file and the PNGs, and says where", async () => {
    const root = tempDir("rlx-report-cli-");
    writeRun(path.join(root, "sweep", "a"), completeRun("sweep/a"));
    writeRun(path.join(root, "sweep", "b"), { ...completeRun("sweep/b"), evalSamples: undefined });
    writeFileSync(path.join(root, "summary.json"), JSON.stringify({ file: "s.rlx", runs: [{ run: "sweep/a", dir: "x" }, { run: "sweep/b", dir: "y" }] }));
    const html = path.join(root, "out", "report.html");
    const pngs = path.join(root, "png");
    const { code, stdout, stderr } = await rlxReport(root, "--html", html, "--png", pngs);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("2 runs");
    expect(stdout).toContain("== sweep/a ==");
    expect(stdout).toContain("Strategy switch: unavailable: no eval_samples.jsonl");
    const written = ["accuracy", "code_frequency", "clip_fraction", "eval-1-pass_1"].map((n) => path.join(pngs, `${n}.png`));
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(`wrote ${[html, ...written].join(", ")}`);
    expect(readFileSync(html, "utf8").match(/<svg /g)).toHaveLength(4);
    expect(PNG.sync.read(readFileSync(written[0]!)).width).toBe(1440);
  });

  it("refuses a folder that holds no run, with a message and no stack trace", async () => {
    const empty = tempDir("rlx-report-cli-empty-");
    const { code, stdout, stderr } = await rlxReport(empty);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`rlx report: ${empty} is not an rlx run directory (no meta.json) nor a sweep's folder (no summary.json)`);
    expect(stderr).not.toMatch(noStackTrace);
  });

  it("answers a missing RUN_DIR with usage and --help with the command's help", async () => {
    const usage = await rlxReport();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("rlx report needs at least one RUN_DIR");
    expect((await rlxReport("--help")).stdout).toContain("rlx report RUN_DIR… [--html FILE] [--png DIR]");
  });
});

describe("rlx report on a real run", () => {
  /** A complete run of TINY_RUN, trained once for all e2e tests (test/support/referenceRun.ts); read only. */
  const dir = inject("referenceRun");

  it("agrees with the run's own evaluations: the switch's accuracy and code share before and after are pass@1 and its code frequency", async () => {
    const html = path.join(tempDir("rlx-report-real-"), "report.html");
    const { code, stdout, stderr } = await rlxReport(dir, "--html", html);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const evals = jsonl(dir, "evals.jsonl").filter((e) => e["metric"] === "pass@1") as { step: number; value: number; tracks: { code_frequency: number } }[];
    const [first, last] = [evals[0]!, evals.at(-1)!];
    expect(stdout).toContain(`Strategy switch: pass@1 on arith(test: 8, seed: 3, difficulty: 2), step ${first.step} → step ${last.step}`);
    const f = (x: number) => x.toFixed(3);
    expect(stdout).toContain(
      `8 problems answered at both steps; code share ${f(first.tracks.code_frequency)} → ${f(last.tracks.code_frequency)}; accuracy ${f(first.value)} → ${f(last.value)}`,
    );
    const total = stdout.split("\n").find((l) => l.trimStart().startsWith("total"))!.trim().split(/ +/);
    expect(total.slice(1, 6)).toEqual(["8", String(Math.round(first.value * 8)), String(Math.round(last.value * 8)), f(first.value), f(last.value)]);
    const metrics = jsonl(dir, "metrics.jsonl") as { accuracy: number; tracks: { code_frequency: number } }[];
    expect(stdout).toMatch(new RegExp(`accuracy +${f(metrics[0]!.accuracy)} +${f(metrics.at(-1)!.accuracy)} `));
    expect(stdout).toContain("code frequency (track code_frequency)");
    expect(existsSync(html)).toBe(true);
  });
});
