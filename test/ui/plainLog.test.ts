import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/runtime/executor/events.js";
import { chooseRunOutput, openRunOutput } from "../../src/ui/openRunOutput.js";
import { createPlainLogger } from "../../src/ui/plainLog.js";
import { metrics, scriptedRun, start } from "./scriptedRun.js";

function logLines(events: readonly RunEvent[]): string[] {
  const lines: string[] = [];
  const log = createPlainLogger((line) => lines.push(line));
  events.forEach(log);
  return lines;
}

const done = (overrides: Partial<Extract<RunEvent, { type: "done" }>>): RunEvent => ({
  type: "done",
  status: "completed",
  step: 60,
  runDir: "runs/x",
  resumeCommand: null,
  message: null,
  ...overrides,
});

describe("plain log", () => {
  it("writes one stable line per event of a scripted run", () => {
    const lines = logLines(scriptedRun);
    const notSteps = lines.filter((l) => !l.startsWith("step "));
    expect(notSteps).toEqual([
      "start compound_format_nocode examples/compound_format_nocode.rlx backend=wasm steps=60 dir=runs/compound_format_nocode",
      'phase pretrain tiny("code-prior") (cached)',
      "phase label ground_truth",
      "eval step 10 arith(test: 500, seed: 1) pass@1=0.380 code_frequency=0.650",
      "eval step 10 arith(test: 500, seed: 1) avg@8=0.350 code_frequency=0.660",
      "eval step 20 arith(test: 500, seed: 1) pass@1=0.412 (+0.032) code_frequency=0.700",
      "eval step 20 arith(test: 500, seed: 1) avg@8=0.340 (-0.010) code_frequency=0.710",
      "checkpoint step 20 runs/compound_format_nocode/checkpoints/step-000020",
      'sample step 24 reward=0.000 response="def solve():\\n    a = 17\\n    b = 25\\n    return a + b\\n# solve() = 42\\nThe answer i…"',
      "warning: wasm heap at 3.1 GB of 4 GB",
      "interrupted after step 24: resume with rlx run examples/compound_format_nocode.rlx --resume runs/compound_format_nocode",
    ]);
    expect(lines.filter((l) => l.startsWith("step "))).toHaveLength(24);
  });

  it("a step line carries every headline metric and the ETA", () => {
    const step: RunEvent = {
      type: "step",
      metrics: metrics(12, { reward_mean: 0.512, accuracy: 0.43, tracks: { code_frequency: 0.61 }, clip_frac_low: 0.011, clip_frac_high: 0.02 }),
      etaSeconds: 83,
    };
    expect(logLines([start, step]).at(-1)).toBe(
      "step 12/60 reward=0.512 acc=0.430 code_frequency=0.610 clip=0.031 kl=0.0000 len=41.2 eta=01:23",
    );
    // without a start there is no total, and an unknown ETA is still a stable token
    expect(logLines([{ ...step, etaSeconds: null }])).toEqual([
      "step 12 reward=0.512 acc=0.430 code_frequency=0.610 clip=0.031 kl=0.0000 len=41.2 eta=--:--",
    ]);
  });

  it("says where a resumed run picks up", () => {
    expect(logLines([{ ...start, resumedFrom: 12 } as RunEvent])[0]).toMatch(/ resumed_from=12$/);
  });

  it("cuts a long sample response", () => {
    const line = logLines([{ type: "sample", step: 3, prompt: "p", response: "x".repeat(200), reward: 1, explanation: null }])[0]!;
    expect(line).toBe(`sample step 3 reward=1.000 response="${"x".repeat(79)}…"`);
  });

  it("ends with how the run ended", () => {
    expect(logLines([done({})])).toEqual(["done: completed after 60 steps; run directory runs/x"]);
    expect(logLines([done({ status: "failed", step: 7, message: "wasm heap exhausted" })])).toEqual([
      "failed after step 7: wasm heap exhausted; run directory runs/x",
    ]);
    expect(logLines([done({ status: "interrupted", step: 12 })])).toEqual(["interrupted after step 12; run directory runs/x"]);
  });
});

describe("chooseRunOutput", () => {
  it("uses Ink only on a terminal outside CI", () => {
    expect(chooseRunOutput({ isTTY: true, ci: undefined })).toBe("ink");
    expect(chooseRunOutput({ isTTY: true, ci: "false" })).toBe("ink");
    expect(chooseRunOutput({ isTTY: true, ci: "true" })).toBe("plain");
    expect(chooseRunOutput({ isTTY: true, ci: "1" })).toBe("plain");
    expect(chooseRunOutput({ isTTY: false, ci: undefined })).toBe("plain");
    expect(chooseRunOutput({ isTTY: undefined, ci: undefined })).toBe("plain");
  });
});

describe("openRunOutput", () => {
  it("writes plain lines to a stream that is not a terminal", async () => {
    const stdout = new PassThrough();
    const output = openRunOutput(stdout as unknown as NodeJS.WriteStream, {});
    output.push({ type: "warning", message: "slow" });
    output.push(done({}));
    await output.done();
    expect(stdout.read()?.toString()).toBe("warning: slow\ndone: completed after 60 steps; run directory runs/x\n");
  });
});
