import { stripVTControlCharacters } from "node:util";
import { cleanup, render } from "ink-testing-library";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/runtime/executor/events.js";
import { eventLine, parseEventLine } from "../../src/ui/eventLines.js";
import { createPlainLogger } from "../../src/ui/plainLog.js";
import { plainSweepOutput } from "../../src/ui/sweepOutput.js";
import { initialSweepState, reduceSweep, type SweepEvent, type SweepViewState } from "../../src/ui/sweepState.js";
import { SweepView } from "../../src/ui/SweepView.js";
import { sweepRows } from "../../src/ui/sweepTable.js";
import { scriptedRun } from "./scriptedRun.js";

afterEach(cleanup);

const RUNS = ["grid/code-prior__math", "grid/code-prior__random", "grid/no-code__math", "grid/no-code__random"];
const cellEvents = (index: number, events: readonly RunEvent[]): SweepEvent[] => events.map((event) => ({ type: "cell-event", index, event }));
const completed: RunEvent = { type: "done", status: "completed", step: 24, runDir: "runs/x", resumeCommand: null, message: null };

/** Four runs, two at once: the first has finished, the second is training, the third still labels, the last waits. */
function midSweep(): SweepViewState {
  const events: SweepEvent[] = [
    { type: "cell-start", index: 0 },
    ...cellEvents(0, [...scriptedRun.slice(0, -1), completed]),
    { type: "cell-exit", index: 0, status: "completed" },
    { type: "cell-start", index: 1 },
    ...cellEvents(1, scriptedRun.slice(0, 13)),
    { type: "cell-start", index: 2 },
    ...cellEvents(2, [scriptedRun[0]!, { type: "phase", name: "label majority_vote(k: 8)", cached: false }, { type: "progress", name: "label majority_vote(k: 8)", done: 128, total: 512 }]),
  ];
  return events.reduce(reduceSweep, initialSweepState("examples/grid.rlx", RUNS, 2));
}

function frame(state: SweepViewState): string[] {
  return stripVTControlCharacters(render(createElement(SweepView, { state })).lastFrame() ?? "").split("\n");
}

describe("the events a child run reports to rlx run --jobs", () => {
  it("travel as JSON lines, and any other line is not taken for one", () => {
    for (const event of scriptedRun) expect(parseEventLine(eventLine(event))).toEqual(event);
    expect(parseEventLine("rlx run: no run named 'x'")).toBeNull();
    expect(parseEventLine('{"type":"nonsense"}')).toBeNull();
    expect(parseEventLine("{not json")).toBeNull();
    expect(parseEventLine("[1,2]")).toBeNull();
  });
});

describe("the sweep state", () => {
  it("folds each run's events with the single-run reducer and tracks its status", () => {
    const state = midSweep();
    expect(state.cells.map((c) => c.status)).toEqual(["completed", "running", "running", "waiting"]);
    expect(state.cells[1]!.run.step).toBe(10);
    expect(state.cells[0]!.run.evals.map((e) => [e.metric, e.previous, e.value])).toEqual([
      ["pass@1", 0.38, 0.412],
      ["avg@8", 0.35, 0.34],
    ]);
    // The completed run's warning, named after its run.
    expect(state.warnings).toEqual(["[grid/code-prior__math] wasm heap at 3.1 GB of 4 GB"]);
  });

  it("takes a run's status from its exit when it reported no outcome, and keeps its error lines", () => {
    const state = [
      { type: "cell-text", index: 1, line: "rlx run: data/x.jsonl:3: not JSON" },
      { type: "cell-exit", index: 1, status: "failed" },
      { type: "cell-start", index: 3 },
      { type: "cell-exit", index: 3, status: "interrupted" },
      { type: "stopping" },
    ].reduce((s, e) => reduceSweep(s, e as SweepEvent), midSweep());
    expect(state.cells.map((c) => c.status)).toEqual(["completed", "failed", "running", "interrupted"]);
    expect(state.warnings.at(-1)).toBe("[grid/code-prior__random] rlx run: data/x.jsonl:3: not JSON");
    expect(state.stopping).toBe(true);
  });
});

describe("SweepView", () => {
  it("has a row per run: status, progress with ETA, last metrics and evaluations (previous → latest)", () => {
    const [header, ...rows] = sweepRows(midSweep());
    expect(header).toEqual(["run", "status", "progress", "reward", "accuracy", "code_frequency", "pass@1", "avg@8"]);
    expect(rows).toEqual([
      // Interrupted at step 24 of 60 in the script; its evaluations at steps 10 and 20.
      ["grid/code-prior__math", "completed", "████░░░░░░ 24/60", "1.000", "0.415", "0.830", "0.380→0.412", "0.350→0.340"],
      // Training: step 10 of 60, the ETA its last step reported (2 × 50 s).
      ["grid/code-prior__random", "running", "██░░░░░░░░ 10/60 ETA 01:40", "0.417", "0.345", "0.690", "-", "-"],
      // Before training: the stage it is in, with its progress.
      ["grid/no-code__math", "running", "label majority_vote(k: 8) 25%", "-", "-", "-", "-", "-"],
      ["grid/no-code__random", "waiting", "", "-", "-", "-", "-", "-"],
    ]);
  });

  it("shows the tally, the table aligned and the runs' warnings", () => {
    const lines = frame(midSweep());
    expect(lines[0]).toBe("examples/grid.rlx · 4 runs, 2 at once · 1 completed · 2 running · 1 waiting");
    expect(lines.find((l) => l.startsWith("run "))).toMatch(/^run {22}status {5}progress {23}reward {2}accuracy/);
    expect(lines.find((l) => l.startsWith("grid/code-prior__random"))).toMatch(/^grid\/code-prior__random {2}running {4}██░░░░░░░░ 10\/60 ETA 01:40 {5}0\.417 {3}0\.345/);
    expect(lines.find((l) => l.startsWith("grid/no-code__random"))).toMatch(/^grid\/no-code__random {5}waiting/);
    expect(lines).toContain("warning: [grid/code-prior__math] wasm heap at 3.1 GB of 4 GB");
  });

  it("says when it is stopping", () => {
    expect(frame(reduceSweep(midSweep(), { type: "stopping" })).join("\n")).toContain("stopping each run after its step and checkpoint");
  });
});

describe("the plain sweep log", () => {
  it("prints each run's events as its own plain log would, prefixed with the run's name", () => {
    const out: string[] = [];
    const err: string[] = [];
    const output = plainSweepOutput({ file: "examples/grid.rlx", runs: RUNS, jobs: 2, out: (t) => out.push(t), err: (t) => err.push(t) });
    const alone: string[] = [];
    const log = createPlainLogger((line) => alone.push(`[grid/no-code__math] ${line}\n`));
    output.push({ type: "cell-start", index: 2 });
    for (const event of scriptedRun) {
      output.push({ type: "cell-event", index: 2, event });
      log(event);
    }
    output.push({ type: "cell-text", index: 2, line: "a line on stderr" });
    output.push({ type: "stopping" });
    expect(out).toEqual(["[grid/no-code__math] run 3/4\n", ...alone, "[grid/no-code__math] a line on stderr\n"]);
    expect(err).toEqual(["rlx run: stopping each run after its step and checkpoint; no further run starts (Ctrl-C again to stop at once)\n"]);
  });
});
