import { describe, expect, it } from "vitest";
import { learningRate, type ScheduleOptions } from "../../../src/runtime/optim/schedule.js";

const at = (steps: number[], o: ScheduleOptions) => steps.map((s) => learningRate(s, o));

describe("learningRate", () => {
  it("constant: the base rate at every step, before and after the last", () => {
    const o: ScheduleOptions = { lr: 3e-4, schedule: "constant", warmupSteps: 0, totalSteps: 10 };
    expect(at([1, 5, 10, 11], o)).toEqual([3e-4, 3e-4, 3e-4, 3e-4]);
  });

  it("warm-up: rises linearly from lr/warmup at step 1 to lr at the last warm-up step, then follows the schedule", () => {
    const o: ScheduleOptions = { lr: 1e-3, schedule: "constant", warmupSteps: 4, totalSteps: 10 };
    const [s1, s2, s3, s4, s5] = at([1, 2, 3, 4, 5], o);
    expect(s1).toBeCloseTo(2.5e-4, 15);
    expect(s2).toBeCloseTo(5e-4, 15);
    expect(s3).toBeCloseTo(7.5e-4, 15);
    expect(s4).toBeCloseTo(1e-3, 15);
    expect(s5).toBe(1e-3);
  });

  it("linear: from lr at the first step after warm-up, lr/span less each step, 0 beyond the last", () => {
    // warm-up 2, total 12: the decay spans steps 3 → 12 (10 steps), 10% per step; the last step still learns.
    const o: ScheduleOptions = { lr: 1, schedule: "linear", warmupSteps: 2, totalSteps: 12 };
    const [s1, s2, s3, s7, s11, s12, s13] = at([1, 2, 3, 7, 11, 12, 13], o);
    expect(s1).toBeCloseTo(0.5, 12);
    expect(s2).toBeCloseTo(1, 12);
    expect(s3).toBeCloseTo(1, 12);
    expect(s7).toBeCloseTo(0.6, 12);
    expect(s11).toBeCloseTo(0.2, 12);
    expect(s12).toBeCloseTo(0.1, 12);
    expect(s13).toBe(0);
  });

  it("linear without warm-up: step 1 uses the full rate, as torch's LambdaLR does", () => {
    const o: ScheduleOptions = { lr: 2, schedule: "linear", warmupSteps: 0, totalSteps: 4 };
    const [s1, s2, s3, s4] = at([1, 2, 3, 4], o);
    expect(s1).toBeCloseTo(2, 12);
    expect(s2).toBeCloseTo(1.5, 12);
    expect(s3).toBeCloseTo(1, 12);
    expect(s4).toBeCloseTo(0.5, 12);
  });

  it("cosine: half a cosine from lr towards 0 after warm-up", () => {
    // warm-up 2, total 12, span 10. Step 5: progress 0.2 → ½(1 + cos 36°) = ½(1 + (1 + √5)/4).
    const o: ScheduleOptions = { lr: 1, schedule: "cosine", warmupSteps: 2, totalSteps: 12 };
    const [s1, s2, s3, s5, s8, s12, s13] = at([1, 2, 3, 5, 8, 12, 13], o);
    expect(s1).toBeCloseTo(0.5, 12);
    expect(s2).toBeCloseTo(1, 12);
    expect(s3).toBeCloseTo(1, 12);
    expect(s5).toBeCloseTo(0.5 * (1 + (1 + Math.sqrt(5)) / 4), 12);
    expect(s5).toBeCloseTo(0.9045084972, 9);
    expect(s8).toBeCloseTo(0.5, 12);
    expect(s12).toBeCloseTo(0.5 * (1 + Math.cos(0.9 * Math.PI)), 12);
    expect(s13).toBe(0);
  });

  it("cosine at a quarter of the span: ½(1 + √2/2) of lr", () => {
    const o: ScheduleOptions = { lr: 4e-4, schedule: "cosine", warmupSteps: 0, totalSteps: 8 };
    expect(learningRate(3, o)).toBeCloseTo(4e-4 * 0.5 * (1 + Math.SQRT2 / 2), 15);
    expect(learningRate(3, o)).toBeCloseTo(4e-4 * 0.8535533906, 13);
  });

  it("a warm-up as long as the run never divides by zero", () => {
    const o: ScheduleOptions = { lr: 1, schedule: "linear", warmupSteps: 5, totalSteps: 5 };
    expect(learningRate(5, o)).toBe(1);
    expect(learningRate(6, o)).toBe(0);
  });
});
