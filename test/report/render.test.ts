import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { reportCharts, type Chart } from "../../src/report/charts.js";
import { htmlReport } from "../../src/report/html.js";
import { chartPng } from "../../src/report/png.js";
import { readRunLog } from "../../src/report/readRuns.js";
import { analyseRuns } from "../../src/report/runReport.js";
import { chartSvg } from "../../src/report/svgChart.js";
import { evalTable } from "../../src/report/tables.js";
import { terminalReport } from "../../src/report/terminal.js";
import { tempDir } from "../support/tempDir.js";
import { completeRun, stepRow, TEST_DATA, writeRun, type HandMadeRun } from "./handMadeRuns.js";

function reportsOf(...runs: HandMadeRun[]) {
  const root = tempDir("rlx-report-render-");
  return analyseRuns(runs.map((run, i) => readRunLog(writeRun(path.join(root, String(i)), run))));
}

describe("terminal report", () => {
  it("prints the curves, evaluations, the strategy switch with its scores, clipping and the definitions", () => {
    const lines = terminalReport(reportsOf(completeRun()));
    const line = (start: string) => lines.find((l) => l.trimStart().startsWith(start));
    expect(lines[0]).toBe("== hand_made ==");
    expect(line("status")).toBe("  status  completed, step 10 of 10");
    expect(line("Training")).toBe("Training (steps 1–10)");
    expect(line("accuracy ")).toMatch(/^ {2}accuracy +0\.500 +0\.860 +0\.500 +0\.860 +▁▂▃▃▄▅▆▆▇█$/);
    expect(line("code frequency")).toMatch(/^ {2}code frequency \(track code_frequency\) +0\.600 +0\.870 /);
    expect(line(TEST_DATA)).toMatch(/pass@1 +0\.600 +0\.000 +0\.900 +\+0\.300 +▆▁█$/);
    expect(line("Strategy switch")).toBe(`Strategy switch: pass@1 on ${TEST_DATA}, step 0 → step 10`);
    expect(line("10 problems")).toBe("  10 problems answered at both steps; code share 0.600 → 0.700; accuracy 0.600 → 0.900 (+0.300)");
    expect(line("subset")?.trim().split(/ {2,}/)).toEqual(["subset", "problems", "correct before", "correct after", "accuracy before", "accuracy after", "contribution", "partial score"]);
    expect(line("Code→Code")?.split(/ +/)).toEqual(["", "Code→Code", "4", "3", "4", "0.750", "1.000", "+0.100", "0.333"]);
    expect(line("Code→Lang")?.split(/ +/)).toEqual(["", "Code→Lang", "2", "2", "1", "1.000", "0.500", "-0.100", "-0.333"]);
    expect(line("Lang→Code")?.split(/ +/)).toEqual(["", "Lang→Code", "3", "1", "3", "0.333", "1.000", "+0.200", "0.667"]);
    expect(line("Lang→Lang")?.split(/ +/)).toEqual(["", "Lang→Lang", "1", "0", "1", "0.000", "1.000", "+0.100", "0.333"]);
    expect(line("total")?.split(/ +/)).toEqual(["", "total", "10", "6", "9", "0.600", "0.900", "+0.300", "1.000"]);
    expect(line("high (")).toMatch(/^ {2}high \(ρ > 1\+ε_high, A > 0\) +0\.0045 +0\.0090 +0\.0090 /);
    expect(lines).toContain("  partial contribution score(d) = contribution(d) / total change (n/a when the total change is 0)");
  });

  it("prints n/a scores for a zero total change, '-' for an empty subset's accuracy, and the reason an analysis is missing", () => {
    const run: HandMadeRun = {
      run: "flat",
      evals: [],
      evalSamples: completeRun().evalSamples.filter((a) => a.index === 0 || a.index === 3).map((a) => (a.step === 10 ? { ...a, correct: a.index === 0 ? false : true } : a)),
    };
    const lines = terminalReport(reportsOf(run));
    const row = (start: string) => lines.find((l) => l.trimStart().startsWith(start))?.split(/ +/);
    // #0 right → wrong, #3 wrong → right: both Code→Code, no change in total.
    expect(row("Code→Code")).toEqual(["", "Code→Code", "2", "1", "1", "0.500", "0.500", "+0.000", "n/a"]);
    expect(row("Code→Lang")).toEqual(["", "Code→Lang", "0", "0", "0", "-", "-", "+0.000", "n/a"]);
    expect(row("total")).toEqual(["", "total", "2", "1", "1", "0.500", "0.500", "+0.000", "n/a"]);
    expect(lines).toContain("Training: unavailable: no metrics.jsonl: the run stopped before its first step");
    expect(lines).toContain("Evaluations: unavailable: evals.jsonl holds no evaluation yet");
    expect(lines).toContain("  status  not ended (no summary.json), no step logged");
  });

  it("says why a failed run failed", () => {
    const lines = terminalReport(reportsOf({ run: "starved", status: "failed", failure: "only 1 prompts are usable, fewer than prompts_per_step (16)" }));
    expect(lines).toContain("  status  failed, no step logged: only 1 prompts are usable, fewer than prompts_per_step (16)");
  });

  it("shows at most eight eval steps as columns, first and last included, with the change over all of them", () => {
    const table = evalTable([{ data: TEST_DATA, metric: "pass@1", series: { steps: Array.from({ length: 12 }, (_, i) => i), values: Array.from({ length: 12 }, (_, i) => i / 20) }, tracks: {} }]);
    expect(table.header).toEqual(["data", "metric", "step 0", "step 2", "step 3", "step 5", "step 6", "step 8", "step 9", "step 11", "change", "trend"]);
    expect(table.rows[0]!.slice(2, 11)).toEqual(["0.000", "0.100", "0.150", "0.250", "0.300", "0.400", "0.450", "0.550", "+0.550"]);
  });

  it("puts several runs side by side before their sections, telling apart two runs of one name, with the test answers' code frequency", () => {
    const lines = terminalReport(reportsOf(completeRun("grid/a"), completeRun("grid/a"), { ...completeRun("grid/b"), status: "interrupted", metrics: completeRun().metrics!.slice(0, 4) }));
    expect(lines[0]).toBe("3 runs");
    expect(lines[1]?.trim().split(/ {2,}/)).toEqual(["run", "status", "steps", "accuracy", "code frequency", "pass@1", "pass@1 code"]);
    expect(lines[2]).toMatch(/^ {2}grid\/a \(.*\/0\) +completed +10\/10 +0\.500→0\.860 +0\.600→0\.870 +0\.600→0\.900 +0\.600→0\.700$/);
    expect(lines[4]).toMatch(/^ {2}grid\/b +interrupted +4\/10 +0\.500→0\.620 +0\.600→0\.690 +0\.600→0\.900 +0\.600→0\.700$/);
  });
});

/** A second run whose curves differ from completeRun's everywhere, so neither hides the other in a chart. */
function contrastingRun(run: string): HandMadeRun {
  return {
    ...completeRun(run),
    metrics: Array.from({ length: 10 }, (_, i) => stepRow(i + 1, 0.9 - i * 0.05, 0.3 - i * 0.03, 0.002, 0.008 - i / 2000)),
    evals: [0, 5, 10].map((step, i) => ({ step, data: TEST_DATA, metric: "pass@1", value: 0.2 + i * 0.1, tracks: {} })),
    evalSamples: undefined,
  };
}

describe("charts", () => {
  const reports = reportsOf(completeRun("run_a"), contrastingRun("run_b"));
  const charts = reportCharts(reports);

  it("draws accuracy, code frequency, clip fraction and each evaluation, the runs overlaid", () => {
    expect(charts.map((c) => [c.name, c.lines.map((l) => l.label)])).toEqual([
      ["accuracy", ["run_a", "run_b"]],
      ["code_frequency", ["run_a", "run_b"]],
      ["clip_fraction", ["run_a low", "run_a high", "run_b low", "run_b high"]],
      ["eval-1-pass_1", ["run_a", "run_b"]],
    ]);
  });

  it("maps values onto the axes and breaks a line where a step has no value", () => {
    const chart: Chart = { name: "t", title: "T", yLabel: "y", unitRange: true, lines: [{ label: "r", run: 0, dashed: false, series: { steps: [0, 1, 2, 3], values: [0, 1, Number.NaN, 0.5] } }] };
    const svg = chartSvg(chart, { standalone: true });
    // x from 64 to 696 over steps 0–3, y from 304 (0) up to 44 (1).
    expect(svg).toContain('<path d="M64 304L274.7 44M696 174" fill="none" stroke="#1f77b4"');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const tick of ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain(">step</text>");
  });

  it("writes one self-contained HTML file: an <svg> per chart, the tables, nothing loaded from elsewhere", () => {
    const html = htmlReport(reports, charts);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(charts.length);
    expect(html.match(/<\/svg>/g)).toHaveLength(charts.length);
    expect(html).toContain("<style>");
    expect(html).toContain("<th>partial score</th>");
    expect(html).toContain('<tr><td>Lang→Code</td><td class="num">3</td><td class="num">1</td><td class="num">3</td><td class="num">0.333</td><td class="num">1.000</td><td class="num">+0.200</td><td class="num">0.667</td></tr>');
    expect(html).toContain('<p class="unavailable">Unavailable: no eval_samples.jsonl: no evaluation has a greedy metric (pass@k at temperature 0), whose answers it keeps</p>');
    expect(html).not.toMatch(/https?:|\/\/[a-z]|<script|<link|<img|@import|url\(/i);
  });

  it("renders each chart to a PNG with real dimensions and the runs' lines drawn", () => {
    for (const chart of charts) {
      const png = PNG.sync.read(chartPng(chart));
      const svgHeight = Number(/height="(\d+)"/.exec(chartSvg(chart, { standalone: true }))![1]);
      expect([png.width, png.height]).toEqual([1440, 2 * svgHeight]);
      const colours = new Map<string, number>();
      for (let i = 0; i < png.data.length; i += 4) {
        const rgb = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
        colours.set(rgb, (colours.get(rgb) ?? 0) + 1);
      }
      // The first run's colour (#1f77b4) and the second's (#d62728) both cover pixels of their own.
      expect(colours.get("31,119,180") ?? 0).toBeGreaterThan(200);
      expect(colours.get("214,39,40") ?? 0).toBeGreaterThan(200);
      expect(colours.get("255,255,255")! / (png.width * png.height)).toBeLessThan(0.99);
    }
  });
});
