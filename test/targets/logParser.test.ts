import { describe, expect, it } from "vitest";
import { engineNumber, parseRewardMetricsLine, parseStepLine } from "../../src/targets/verl/logParser.js";
import { VerlMetrics } from "../../src/targets/verl/metrics.js";

describe("verl's console lines", () => {
  it("read numbers the way pprint prints them", () => {
    expect(["0.5", "1e-06", "-3", "np.float64(0.25)", "np.int64(7)", "tensor(0.5, device='cuda:0')", "nan", "-inf", "True", "'x'"].map(engineNumber)).toEqual([
      0.5, 1e-6, -3, 0.25, 7, 0.5, Number.NaN, -Infinity, 1, null,
    ]);
  });

  it("find the step line under Ray's prefix, with keys that hold spaces and colons", () => {
    const line = "(TaskRunner pid=4242) step:12 - actor/pg_loss:np.float64(-0.0123) - val-core/rlx/arith(test: 5)/reward/mean@1:0.4 - timing_s/step:31.5";
    expect(parseStepLine(line)).toEqual({ step: 12, metrics: { "actor/pg_loss": -0.0123, "val-core/rlx/arith(test: 5)/reward/mean@1": 0.4, "timing_s/step": 31.5 } });
    expect(parseStepLine("step:0")).toEqual({ step: 0, metrics: {} });
    for (const other of ["Training Progress: 3/100", "global_step:3 - x:1", "mystep:3 - x:1", "rlx-metrics {\"step\": 3}"]) expect(parseStepLine(other), other).toBeNull();
  });

  it("find the reward module's sums, and ignore a torn line", () => {
    expect(parseRewardMetricsLine('(RewardLoopWorker pid=9) rlx-metrics {"counts": {"score": 2}, "n": 2, "pid": 9, "step": 4, "sums": {"score": 1.0}}')).toEqual({ pid: 9, step: 4, n: 2, sums: { score: 1 }, counts: { score: 2 } });
    expect(parseRewardMetricsLine('rlx-metrics {"n": 2, "pid": 9, "st')).toBeNull();
  });
});

describe("verl's metrics as rlx's", () => {
  const manifest = { tracks: ["code_frequency"], evals: { metrics: ["avg@4"], samples: 4, temperature: 0.6, every: 2, data: ["arith(test: 5)"] } };
  const sums = (pid: number, step: number, n: number, score: number, accuracy: number, code: number) => ({
    pid,
    step,
    n,
    sums: { score, accuracy, code_frequency: code },
    counts: { score: n, accuracy: n, code_frequency: n },
  });

  it("add up the sums of every reward process and keep a step's row until its sums are complete", () => {
    const m = new VerlMetrics(manifest);
    m.reward(sums(1, 1, 4, 3, 2, 1));
    m.reward(sums(2, 1, 2, 0, 0, 2));
    const first = m.step({ step: 1, metrics: { "critic/score/mean": 0.5, "actor/pg_clipfrac": 0.02, "timing_s/step": 10 } });
    expect(first.rows).toEqual([]);
    expect(first.metrics).toMatchObject({ step: 1, reward_mean: 0.5, accuracy: 2 / 6, tracks: { code_frequency: 0.5 }, clip_frac_high: 0.02, wall_s: 10 });
    // a later (cumulative) report of process 2 for step 1 replaces its earlier one
    m.reward(sums(2, 1, 4, 1, 1, 2));
    const second = m.step({ step: 2, metrics: { "critic/score/mean": 0.25, "val-core/rlx/eval-0/reward/mean@4": 0.3, "val-aux/rlx/eval-0/code_frequency/mean@4": 0.7 } });
    expect(second.rows).toEqual([expect.objectContaining({ step: 1, reward_mean: 0.5, accuracy: 3 / 8, responses_scored: 8, tracks: { code_frequency: 3 / 8 } })]);
    expect(second.evals).toEqual([{ step: 2, data: "arith(test: 5)", metric: "avg@4", value: 0.3, tracks: { code_frequency: 0.7 } }]);
    // without the module's sums, the reward is verl's own score
    expect(m.finish()).toEqual([expect.objectContaining({ step: 2, reward_mean: 0.25, accuracy: null, responses_scored: 0 })]);
  });

  it("show evaluations before training, which are no training step", () => {
    const m = new VerlMetrics(manifest);
    const before = m.step({ step: 0, metrics: { "val-core/rlx/eval-0/reward/mean@4": 0.1 } });
    expect(before.metrics).toBeNull();
    expect(before.evals.map((e) => [e.step, e.value])).toEqual([[0, 0.1]]);
    expect(m.finish()).toEqual([]);
  });
});
