import { describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/runtime/executor/events.js";
import { HISTORY_LENGTH, WARNINGS_KEPT, initialRunState, reduceRun, type RunViewState } from "../../src/ui/runState.js";
import { metrics, scriptedRun, start } from "./scriptedRun.js";

const fold = (events: readonly RunEvent[], from: RunViewState = initialRunState) => events.reduce(reduceRun, from);
const values = (state: RunViewState, name: string) => state.series.find((s) => s.name === name)?.values;

describe("reduceRun on a scripted run", () => {
  const state = fold(scriptedRun);

  it("keeps the header, the step, the total and the outcome", () => {
    expect(state.header).toEqual({
      run: "compound_format_nocode",
      file: "examples/compound_format_nocode.rlx",
      backend: "wasm",
      runDir: "runs/compound_format_nocode",
      resumedFrom: null,
      position: null,
    });
    expect([state.step, state.totalSteps]).toEqual([24, 60]);
    expect(state.latest?.step).toBe(24);
    expect(state.outcome?.status).toBe("interrupted");
    // a finished run has nothing left to estimate
    expect(state.etaSeconds).toBeNull();
  });

  it("keeps one series per metric: reward, accuracy, each track, clip (low + high), kl", () => {
    expect(state.series.map((s) => s.name)).toEqual(["reward", "accuracy", "code_frequency", "clip", "kl"]);
    expect(values(state, "reward")).toHaveLength(24);
    expect(values(state, "reward")?.at(-1)).toBeCloseTo(1, 12);
    expect(values(state, "code_frequency")?.[0]).toBeCloseTo(0.6, 12);
    expect(values(state, "clip")?.[0]).toBeCloseTo(0.03, 12);
    expect(values(state, "kl")?.every((v) => v === 0)).toBe(true);
  });

  it("keeps the latest eval per data × metric with the value before it", () => {
    expect(state.evals).toEqual([
      { step: 20, data: "arith(test: 500, seed: 1)", metric: "pass@1", value: 0.412, previous: 0.38, tracks: { code_frequency: 0.7 } },
      { step: 20, data: "arith(test: 500, seed: 1)", metric: "avg@8", value: 0.34, previous: 0.35, tracks: { code_frequency: 0.71 } },
    ]);
  });

  it("keeps the latest sample, checkpoint and warnings", () => {
    expect(state.sample?.step).toBe(24);
    expect(state.sample?.explanation?.children).toHaveLength(2);
    expect(state.checkpoint).toEqual({ step: 20, path: "runs/compound_format_nocode/checkpoints/step-000020" });
    expect(state.warnings).toEqual(["wasm heap at 3.1 GB of 4 GB"]);
  });

  it("marks every phase finished once training starts", () => {
    expect(state.phases).toEqual([
      { name: 'pretrain tiny("code-prior")', cached: true, finished: true, progress: null },
      { name: "label ground_truth", cached: false, finished: true, progress: null },
    ]);
  });
});

describe("reduceRun, event by event", () => {
  it("a phase runs until the next one begins", () => {
    const running = fold(scriptedRun.slice(0, 3));
    expect(running.phases.map((p) => p.finished)).toEqual([true, false]);
  });

  it("a long phase shows how far it has come", () => {
    const started = fold([start, { type: "phase", name: "labels majority_vote(k: 16)", cached: false }]);
    const halfway = reduceRun(started, { type: "progress", name: "labels majority_vote(k: 16)", done: 250, total: 1000 });
    expect(halfway.phases).toEqual([{ name: "labels majority_vote(k: 16)", cached: false, finished: false, progress: 0.25 }]);
  });

  it("a resumed run starts its progress at the resumed step", () => {
    const resumed = reduceRun(initialRunState, { ...start, resumedFrom: 12 } as RunEvent);
    expect(resumed.step).toBe(12);
    expect(resumed.header?.resumedFrom).toBe(12);
  });

  it("a new start forgets the previous run", () => {
    const again = reduceRun(fold(scriptedRun), start);
    expect(again.latest).toBeNull();
    expect(again.evals).toEqual([]);
    expect(again.outcome).toBeNull();
  });

  it("bounds histories to the last HISTORY_LENGTH steps", () => {
    const steps = Array.from({ length: HISTORY_LENGTH + 30 }, (_, i): RunEvent => ({
      type: "step",
      metrics: metrics(i + 1, { reward_mean: i }),
      etaSeconds: null,
    }));
    const reward = values(fold(steps, reduceRun(initialRunState, start)), "reward")!;
    expect(reward).toHaveLength(HISTORY_LENGTH);
    expect([reward[0], reward.at(-1)]).toEqual([30, HISTORY_LENGTH + 29]);
  });

  it("keeps only the last few warnings", () => {
    const warnings = Array.from({ length: WARNINGS_KEPT + 2 }, (_, i): RunEvent => ({ type: "warning", message: `w${i}` }));
    const kept = fold(warnings).warnings;
    expect(kept).toHaveLength(WARNINGS_KEPT);
    expect(kept.at(-1)).toBe(`w${WARNINGS_KEPT + 1}`);
  });

  it("a track the start did not announce gets a series; a missing value is a gap", () => {
    const s = fold([
      start,
      { type: "step", metrics: metrics(1, { tracks: { code_frequency: 0.6 } }), etaSeconds: null },
      { type: "step", metrics: metrics(2, { tracks: { boxed: 0.9 } }), etaSeconds: null },
    ]);
    expect(s.series.map((x) => x.name)).toEqual(["reward", "accuracy", "code_frequency", "boxed", "clip", "kl"]);
    expect(values(s, "code_frequency")).toEqual([0.6, Number.NaN]);
    expect(values(s, "boxed")).toEqual([0.9]);
  });

  it("does not mutate the state it is given", () => {
    const before = fold(scriptedRun.slice(0, 10));
    const snapshot = structuredClone(before);
    reduceRun(before, scriptedRun[10]!);
    expect(before).toEqual(snapshot);
  });
});
