import { describe, expect, it } from "vitest";
import { evaluateRewards } from "../../src/reward/evaluate.js";
import { uniformAt } from "../../src/reward/random.js";
import { reward, sample } from "./helpers.js";

const grid = (n: number) => Array.from({ length: n }, (_, i) => sample("", null, { seed: 7, step: i % 50, promptIndex: Math.floor(i / 50) % 40, sampleIndex: Math.floor(i / 2000) }));

describe("random(p)", () => {
  it("is 1 at rate p: 10,000 draws of random(0.3) within 0.3 ± 0.02", () => {
    const values = evaluateRewards(reward("random(0.3)"), grid(10_000)).map((r) => r.value);
    const rate = values.reduce((a, b) => a + b, 0) / values.length;
    expect(rate).toBeGreaterThan(0.28);
    expect(rate).toBeLessThan(0.32);
  });

  it("is a function of (seed, step, prompt, sample) only: same coordinates, same value, whatever the response or batch", () => {
    const samples = grid(1000);
    const whole = evaluateRewards(reward("random(0.5)"), samples).map((r) => r.value);
    const split = [...evaluateRewards(reward("random(0.5)"), samples.slice(0, 333)), ...evaluateRewards(reward("random(0.5)"), samples.slice(333))].map((r) => r.value);
    expect(split).toEqual(whole);
    const reordered = evaluateRewards(reward("random(0.5)"), [...samples].reverse().map((s) => ({ ...s, response: "other text", label: "9" }))).map((r) => r.value);
    expect(reordered.reverse()).toEqual(whole);
  });

  it("changes with each coordinate", () => {
    const base = { seed: 1, step: 2, promptIndex: 3, sampleIndex: 4, term: 0 };
    const u = uniformAt(base);
    for (const key of Object.keys(base) as (keyof typeof base)[]) expect(uniformAt({ ...base, [key]: base[key] + 1 })).not.toBe(u);
    expect(uniformAt({ ...base })).toBe(u);
  });

  it("draws two random terms independently", () => {
    const samples = grid(10_000);
    const both = evaluateRewards(reward("random(0.5) & random(0.5)"), samples).map((r) => r.value);
    const rate = both.reduce((a, b) => a + b, 0) / both.length;
    expect(rate).toBeGreaterThan(0.23);
    expect(rate).toBeLessThan(0.27);
    // A name used twice is two positions, so two draws as well.
    const twice = evaluateRewards(reward("random_half & random_half"), samples).map((r) => r.value);
    expect(twice).toEqual(both);
  });

  it("keeps p = 0 and p = 1 exact", () => {
    const samples = grid(2000);
    expect(evaluateRewards(reward("random(0)"), samples).every((r) => r.value === 0)).toBe(true);
    expect(evaluateRewards(reward("random(1)"), samples).every((r) => r.value === 1)).toBe(true);
  });

  it("pins the hash so other implementations (the Python reward module) can agree", () => {
    // Computed with a direct Python transcription of the algorithm in src/reward/random.ts.
    expect(uniformAt({ seed: 0, step: 0, promptIndex: 0, sampleIndex: 0, term: 0 })).toBe(0.31679530441761017);
    expect(uniformAt({ seed: 2 ** 40 + 5, step: 299, promptIndex: 63, sampleIndex: 15, term: 1 })).toBe(0.7940637248102576);
  });

  it("refuses coordinates that are not whole numbers ≥ 0", () => {
    expect(() => uniformAt({ seed: -1, step: 0, promptIndex: 0, sampleIndex: 0, term: 0 })).toThrow(/non-negative whole/);
  });
});
