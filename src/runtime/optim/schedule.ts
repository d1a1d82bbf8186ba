import type { LR_SCHEDULES } from "../../check/grpoFields.js";

export type LrSchedule = (typeof LR_SCHEDULES)[number];

export interface ScheduleOptions {
  readonly lr: number;
  readonly schedule: LrSchedule;
  /** Linear warm-up from lr/warmup to lr over the first steps. */
  readonly warmupSteps: number;
  readonly totalSteps: number;
}

/**
 * The learning rate at a training step (1-based). After warm-up, `constant` keeps it; `linear`
 * and `cosine` decay it from lr at the first step after warm-up towards 0, as torch's schedulers
 * do (the last step still learns: linear gives it lr/span), and 0 past the last step. Every update
 * of a rollout step uses that step's rate, as verl and OpenRLHF schedule per rollout step.
 */
export function learningRate(step: number, o: ScheduleOptions): number {
  if (step <= o.warmupSteps) return (o.lr * step) / o.warmupSteps;
  if (o.schedule === "constant") return o.lr;
  if (step > o.totalSteps) return 0;
  const progress = (step - o.warmupSteps - 1) / Math.max(1, o.totalSteps - o.warmupSteps);
  return o.schedule === "linear" ? o.lr * (1 - progress) : 0.5 * o.lr * (1 + Math.cos(Math.PI * progress));
}
