import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { groupAdvantages, whitenOverTokens } from "../../../src/runtime/grpo/advantages.js";
import { grpoLoss, type GrpoLossInputs } from "../../../src/runtime/grpo/loss.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("group advantages", () => {
  it("normalise each group by its mean and sample std (n − 1, as torch.std in verl and OpenRLHF)", () => {
    // Group 1: rewards 1, 0, 1, 0 → mean 0.5, squared deviations 4 · 0.25 = 1, std √(1/3) = 0.57735…
    // → ±0.5/(0.57735 + ε) = ±0.866. Group 2: all equal → zero advantages, counted.
    const { advantages, zeroStdGroups, groups } = groupAdvantages([1, 0, 1, 0, 1, 1, 1, 1], 4, { stdNorm: true, eps: 1e-6 });
    expect(groups).toBe(2);
    expect(zeroStdGroups).toBe(1);
    const expected = [1, -1, 1, -1].map((x) => (x * 0.5) / (Math.sqrt(1 / 3) + 1e-6));
    expected.forEach((v, i) => expect(advantages[i]).toBeCloseTo(v, 12));
    expect([...advantages.slice(4)]).toEqual([0, 0, 0, 0]);
  });

  it("centre only when std normalisation is off", () => {
    // rewards 3, 1, 2 → mean 2 → 1, −1, 0
    expect([...groupAdvantages([3, 1, 2], 3, { stdNorm: false, eps: 1e-6 }).advantages]).toEqual([1, -1, 0]);
  });

  it("whiten over tokens: each response weighs as many tokens as it has", () => {
    // advantages 1 (3 tokens) and −1 (1 token): token mean 0.5, token variance (3·0.25 + 2.25)/4 = 0.75
    const out = whitenOverTokens([1, -1], [3, 1], 0);
    expect(out[0]).toBeCloseTo(0.5 / Math.sqrt(0.75), 12);
    expect(out[1]).toBeCloseTo(-1.5 / Math.sqrt(0.75), 12);
  });
});

/** One response per row; returns loss, stats and d loss / d logProbs. */
function run(rows: { logp: number[]; old: number[]; adv: number; ref?: number[] }[], options: Partial<GrpoLossInputs> = {}) {
  const T = Math.max(...rows.map((r) => r.logp.length));
  const pad = (xs: number[]) => [...xs, ...new Array(T - xs.length).fill(0)];
  const logProbs = tf.tensor2d(rows.map((r) => pad(r.logp)));
  const inputs = {
    oldLogProbs: tf.tensor2d(rows.map((r) => pad(r.old))),
    refLogProbs: rows[0]!.ref ? tf.tensor2d(rows.map((r) => pad(r.ref!))) : undefined,
    advantages: tf.tensor1d(rows.map((r) => r.adv)),
    mask: tf.tensor2d(rows.map((r) => pad(r.logp.map(() => 1)))),
    clipLow: 0.2,
    clipHigh: 0.2,
    klCoef: 0,
    aggregation: "token_mean" as const,
    ...options,
  };
  const lossOf = (lp: tf.Tensor) => grpoLoss({ ...inputs, logProbs: lp as tf.Tensor2D }).loss;
  const { value, grad } = tf.valueAndGrad(lossOf)(logProbs);
  const { stats } = grpoLoss({ ...inputs, logProbs });
  return {
    loss: value.dataSync()[0]!,
    grad: grad.arraySync() as number[][],
    clipLow: stats.clipFracLow.dataSync()[0]!,
    clipHigh: stats.clipFracHigh.dataSync()[0]!,
    ratioDev: stats.meanAbsRatioDeviation.dataSync()[0]!,
    kl: stats.kl.dataSync()[0]!,
  };
}

const ln = Math.log;

describe("clipped surrogate", () => {
  it("equals −ρA with gradient −ρA inside the clip range (π_θ = π_old: ρ = 1)", () => {
    const r = run([{ logp: [ln(0.5), ln(0.25)], old: [ln(0.5), ln(0.25)], adv: 2 }]);
    expect(r.loss).toBeCloseTo(-2, 5); // token mean of −1·2 over two tokens
    // d(−ρA)/d logp = −ρA, divided by the 2 tokens of the token mean.
    expect(r.grad[0]![0]).toBeCloseTo(-1, 5);
    expect(r.grad[0]![1]).toBeCloseTo(-1, 5);
    expect(r.clipLow + r.clipHigh).toBe(0);
  });

  it("clips above for positive advantages: ρ = 1.5 counts as 1.2 and gets no gradient", () => {
    const r = run([{ logp: [ln(0.6), ln(0.4)], old: [ln(0.4), ln(0.4)], adv: 1 }]);
    // token 1: ρ = 1.5 → min(1.5, 1.2)·1 = 1.2; token 2: ρ = 1 → 1. Loss = −(1.2 + 1)/2.
    expect(r.loss).toBeCloseTo(-1.1, 5);
    expect(r.grad[0]![0]).toBeCloseTo(0, 6);
    expect(r.grad[0]![1]).toBeCloseTo(-0.5, 5);
    expect(r.clipHigh).toBeCloseTo(0.5, 6);
    expect(r.clipLow).toBe(0);
    expect(r.ratioDev).toBeCloseTo(0.25, 5);
  });

  it("clips below for negative advantages: ρ = 0.5 counts as 0.8 and gets no gradient", () => {
    const r = run([{ logp: [ln(0.2), ln(0.4)], old: [ln(0.4), ln(0.4)], adv: -1 }]);
    // token 1: min(0.5·−1, 0.8·−1) = −0.8 → ℓ = 0.8; token 2: ℓ = 1. Loss = 0.9.
    expect(r.loss).toBeCloseTo(0.9, 5);
    expect(r.grad[0]![0]).toBeCloseTo(0, 6);
    expect(r.grad[0]![1]).toBeCloseTo(0.5, 5); // d(−ρA)/dlogp = −ρA = 1, over 2 tokens
    expect(r.clipLow).toBeCloseTo(0.5, 6);
  });

  it("does not clip when the ratio moves against the advantage (the pessimistic min keeps ρA)", () => {
    // A > 0, ρ = 0.5 < 1 − ε: min(0.5, 0.8) = 0.5, unclipped branch, gradient flows.
    const r = run([{ logp: [ln(0.2)], old: [ln(0.4)], adv: 1 }]);
    expect(r.loss).toBeCloseTo(-0.5, 5);
    expect(r.grad[0]![0]).toBeCloseTo(-0.5, 5);
    expect(r.clipLow + r.clipHigh).toBe(0);
  });

  it("with clip: none is the plain surrogate −ρA everywhere", () => {
    const r = run([{ logp: [ln(0.6)], old: [ln(0.4)], adv: 1 }], { clipLow: null, clipHigh: null });
    expect(r.loss).toBeCloseTo(-1.5, 5);
    expect(r.grad[0]![0]).toBeCloseTo(-1.5, 5);
    expect(r.clipHigh).toBe(0);
  });

  it("gives zero loss and zero gradient to a zero-advantage group", () => {
    const r = run([
      { logp: [ln(0.6), ln(0.1)], old: [ln(0.4), ln(0.3)], adv: 0 },
      { logp: [ln(0.3)], old: [ln(0.3)], adv: 0 },
    ]);
    expect(r.loss).toBeCloseTo(0, 7);
    r.grad.flat().forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-7));
  });
});

describe("aggregation and KL", () => {
  const rows = [
    { logp: [0, 0, 0], old: [0, 0, 0], adv: 1 }, // three tokens of −1
    { logp: [0], old: [0], adv: -2 }, // one token of +2
  ];
  it("token_mean averages over all tokens", () => {
    expect(run(rows).loss).toBeCloseTo((-3 + 2) / 4, 6);
  });
  it("seq_mean_token_mean averages each sequence first", () => {
    expect(run(rows, { aggregation: "seq_mean_token_mean" }).loss).toBeCloseTo((-1 + 2) / 2, 6);
  });
  it("seq_mean_token_sum sums each sequence", () => {
    expect(run(rows, { aggregation: "seq_mean_token_sum" }).loss).toBeCloseTo((-3 + 2) / 2, 6);
  });

  it("adds β·k3 KL to the reference: exp(r) − r − 1 with r = log π_ref − log π_θ", () => {
    const r = run([{ logp: [ln(0.5)], old: [ln(0.5)], adv: 0, ref: [ln(0.25)] }], { klCoef: 0.1 });
    const rr = ln(0.25) - ln(0.5);
    const kl = Math.exp(rr) - rr - 1;
    expect(r.kl).toBeCloseTo(kl, 6);
    expect(r.loss).toBeCloseTo(0.1 * kl, 6);
    // d/dlogp of β(exp(ref − lp) − (ref − lp) − 1) = β(1 − exp(ref − lp)) = 0.1·(1 − 0.5)
    expect(r.grad[0]![0]).toBeCloseTo(0.05, 6);
  });
});
