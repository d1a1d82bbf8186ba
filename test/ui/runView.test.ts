import { Console } from "node:console";
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { cleanup, render } from "ink-testing-library";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/runtime/executor/events.js";
import { explanationLines } from "../../src/ui/explanationLines.js";
import { RunView } from "../../src/ui/RunView.js";
import { initialRunState, reduceRun, type RunViewState } from "../../src/ui/runState.js";
import { startRunView } from "../../src/ui/startRunView.js";
import { scriptedRun } from "./scriptedRun.js";

const fold = (events: readonly RunEvent[]) => events.reduce(reduceRun, initialRunState);
/** Everything but the final "done": a run in the middle of training. */
const midRun = fold(scriptedRun.slice(0, -1));

afterEach(cleanup);

function frame(state: RunViewState): string {
  const view = render(createElement(RunView, { state }));
  return stripVTControlCharacters(view.lastFrame() ?? "");
}

describe("RunView", () => {
  it("shows the header, the progress bar with percentage and ETA", () => {
    const text = frame(midRun);
    expect(text).toContain("compound_format_nocode · examples/compound_format_nocode.rlx · backend wasm");
    expect(text).toContain("run directory runs/compound_format_nocode");
    // 24/60 = 40% → 12 of 30 cells filled; ETA from the last step: 2 × 36 s = 01:12
    expect(text).toContain(`${"█".repeat(12)}${"░".repeat(18)} step 24/60  40%  elapsed 00:48  ETA 01:12  · checkpoint step 20`);
  });

  it("says which run of a sweep it shows", () => {
    const second = reduceRun(midRun, { ...scriptedRun[0]!, position: { index: 2, total: 15 } } as RunEvent);
    expect(frame(second)).toContain("run 2/15 · compound_format_nocode · examples/compound_format_nocode.rlx");
  });

  it("shows each metric with its latest value and a sparkline", () => {
    const lines = frame(midRun).split("\n");
    // reward rises 1/24 … 1 over the 24 steps: the line climbs from the lowest bar to the highest
    const reward = lines.find((l) => l.startsWith("reward"))!;
    expect(reward).toMatch(/^reward {12}1\.000 {2}▁[▁▂▃▄▅▆▇█]{22}█$/);
    expect(lines.find((l) => l.startsWith("code_frequency"))).toMatch(/^code_frequency {4}0\.830 {2}▁/);
    // KL stayed at 0: a flat line, four decimals
    expect(lines.find((l) => l.startsWith("kl"))).toBe(`kl${" ".repeat(15)}0.0000  ${"▄".repeat(24)}`);
    expect(lines).toContain("len 41.2 · entropy 1.234 · |ρ−1| 0.015 · zero-std 13% · lr 1.0e-4");
    expect(lines).toContain("rollout 3.1k tok/s · train 9.8k tok/s");
  });

  it("shows the latest eval table with deltas and tracked shares", () => {
    const text = frame(midRun);
    expect(text).toContain(
      [
        "step  eval                       metric  value  Δ       code_frequency",
        "20    arith(test: 500, seed: 1)  pass@1  0.412  +0.032  0.700",
        "20    arith(test: 500, seed: 1)  avg@8   0.340  -0.010  0.710",
      ].join("\n"),
    );
  });

  it("shows a sample's first lines, its reward and its explanation tree", () => {
    const text = frame(midRun);
    expect(text).toContain(
      [
        "sample · step 24 · reward 0.000",
        "  prompt  What is 17 + 25?",
        "  │ def solve():",
        "  │     a = 17",
        "  │     b = 25",
        "  │     return a + b",
        "  │ … 2 more lines",
        "  box_only_format_and_no_python = 0",
        "  ├─ box_only_format = 1",
        "  │  └─ boxed_count = 1",
        '  └─ !contains("python") = 0',
      ].join("\n"),
    );
  });

  it("shows warnings, and the resume command once interrupted", () => {
    const text = frame(fold(scriptedRun));
    expect(text).toContain("warning: wasm heap at 3.1 GB of 4 GB");
    // the status line is never cut: at 100 columns it wraps
    expect(text.replaceAll("\n", " ")).toContain(
      "interrupted after step 24: resume with rlx run examples/compound_format_nocode.rlx --resume runs/compound_format_nocode",
    );
    // a finished run has no ETA
    expect(text).not.toContain("ETA");
  });

  it("shows phases while they run, and hides them once training starts", () => {
    const text = frame(fold(scriptedRun.slice(0, 3)));
    expect(text).toContain('pretrain tiny("code-prior") … cached');
    expect(text).toContain("label ground_truth … running");
    expect(text).toContain(`${"░".repeat(30)} step 0/60  0%  ETA --:--`);
    expect(frame(midRun)).not.toContain("cached");
  });

  it("before the start event says only that it is starting", () => {
    expect(frame(initialRunState)).toBe("rlx run: starting…");
  });
});

describe("explanationLines", () => {
  it("cuts a long explanation and says how much it hid", () => {
    const leaf = (term: string) => ({ term, value: 1, children: [] });
    const root = { term: "sum", value: 5, children: ["a", "b", "c", "d", "e"].map(leaf) };
    expect(explanationLines(root, 4)).toEqual(["sum = 5", "├─ a = 1", "├─ b = 1", "… 3 more terms"]);
  });
});

describe("startRunView", () => {
  it("renders pushed events and unmounts on done, leaving the final frame", async () => {
    // Ink reroutes console output above its frame with console.Console, which vitest's console lacks.
    (console as { Console?: typeof Console }).Console ??= Console;
    // A pipe is not a TTY, so Ink writes just the final frame when it unmounts.
    const stdout = Object.assign(new PassThrough(), { columns: 100 }) as unknown as NodeJS.WriteStream;
    let written = "";
    stdout.on("data", (chunk: Buffer) => (written += chunk.toString()));
    const view = startRunView(stdout);
    scriptedRun.forEach(view.push);
    await view.done();
    const text = stripVTControlCharacters(written);
    expect(text).toContain("step 24/60  40%");
    expect(text).toContain("interrupted after step 24: resume with rlx run");
  });
});
