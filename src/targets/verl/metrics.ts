import type { EvalResult, StepMetrics } from "../../runtime/executor/events.js";
import { trackKey } from "../python/module.js";
import type { ExportManifest } from "../shared/manifest.js";
import type { EngineStepLine, RewardMetricsLine } from "./logParser.js";

/** verl's names for what rlx shows; the rest of verl's metrics are kept under `engine` in metrics.jsonl. */
const VERL = {
  reward: ["critic/score/mean", "critic/rewards/mean"],
  clip: ["actor/pg_clipfrac"],
  kl: ["actor/kl_loss"],
  entropy: ["actor/entropy"],
  length: ["response_length/mean"],
  gradNorm: ["actor/grad_norm"],
  lr: ["actor/lr"],
  throughput: ["perf/throughput"],
  stepSeconds: ["timing_s/step"],
} as const;

const VALIDATION = /^val-(?:core|aux)\/(.+)\/([^/]+)\/mean@(\d+)$/;
const SCORE_VARS = ["reward", "score", "acc", "accuracy"];

/**
 * Turns verl's step lines and the reward module's per-step sums into rlx's step metrics and
 * evaluation results. The reward module reports a step's sums when it scores the next step's
 * first response (or at exit), which is after verl prints the step; so a step is shown when verl
 * prints it, and written to metrics.jsonl once the next step (or the end) completes its sums.
 */
export class VerlMetrics {
  private readonly sums = new Map<string, RewardMetricsLine>();
  private pending: EngineStepLine | null = null;
  private wall = 0;

  constructor(private readonly manifest: Pick<ExportManifest, "tracks" | "evals">) {}

  reward(line: RewardMetricsLine): void {
    this.sums.set(`${line.pid}:${line.step}`, line);
  }

  /** A verl step line: the step's metrics to show (null for step 0, the evaluation before training), its evaluations, and rows now complete. */
  step(line: EngineStepLine): { metrics: StepMetrics | null; evals: EvalResult[]; rows: Record<string, unknown>[] } {
    const rows = this.pending && this.pending.step !== line.step ? [this.row(this.pending)] : [];
    this.wall += first(line.metrics, VERL.stepSeconds) ?? 0;
    const training = line.step > 0 && Object.keys(line.metrics).some((k) => !k.startsWith("val-"));
    if (training) this.pending = line;
    return { metrics: training ? this.stepMetrics(line) : null, evals: this.evals(line), rows };
  }

  /** The rows still waiting for their reward sums, at the end of the run. */
  finish(): Record<string, unknown>[] {
    const rows = this.pending ? [this.row(this.pending)] : [];
    this.pending = null;
    return rows;
  }

  private means(step: number): { n: number; mean: (key: string) => number } {
    let n = 0;
    const sums: Record<string, number> = {};
    const counts: Record<string, number> = {};
    for (const r of this.sums.values()) {
      if (r.step !== step) continue;
      n += r.n;
      for (const [k, v] of Object.entries(r.sums)) sums[k] = (sums[k] ?? 0) + v;
      for (const [k, c] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + c;
    }
    return { n, mean: (key) => (counts[key] ? sums[key]! / counts[key]! : Number.NaN) };
  }

  private stepMetrics(line: EngineStepLine): StepMetrics {
    const m = line.metrics;
    const own = this.means(line.step);
    const reward = own.n > 0 ? own.mean("score") : (first(m, VERL.reward) ?? Number.NaN);
    const throughput = first(m, VERL.throughput) ?? Number.NaN;
    return {
      step: line.step,
      reward_mean: reward,
      accuracy: own.mean("accuracy"),
      tracks: Object.fromEntries(this.manifest.tracks.map((t) => [t, own.mean(trackKey(t))])),
      // verl reports one clip fraction for both sides of the clip.
      clip_frac_low: 0,
      clip_frac_high: first(m, VERL.clip) ?? Number.NaN,
      ratio_deviation: Number.NaN,
      kl: first(m, VERL.kl) ?? Number.NaN,
      entropy: first(m, VERL.entropy) ?? Number.NaN,
      response_length: first(m, VERL.length) ?? Number.NaN,
      zero_std_share: Number.NaN,
      grad_norm: first(m, VERL.gradNorm) ?? Number.NaN,
      lr: first(m, VERL.lr) ?? Number.NaN,
      rollout_tokens_per_s: Number.NaN,
      train_tokens_per_s: throughput,
      wall_s: this.wall,
    };
  }

  /** A metrics.jsonl row: rlx's names where they exist, verl's own metrics under `engine`. */
  private row(line: EngineStepLine): Record<string, unknown> {
    const s = this.stepMetrics(line);
    const own = this.means(line.step);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      step: line.step,
      reward_mean: finite(s.reward_mean),
      accuracy: finite(s.accuracy),
      tracks: Object.fromEntries(Object.entries(s.tracks).map(([k, v]) => [k, finite(v)])),
      responses_scored: own.n,
      clip_frac: finite(s.clip_frac_high),
      kl: finite(s.kl),
      entropy: finite(s.entropy),
      response_length: finite(s.response_length),
      grad_norm: finite(s.grad_norm),
      lr: finite(s.lr),
      engine: Object.fromEntries(Object.entries(line.metrics).map(([k, v]) => [k, finite(v)])),
    };
  }

  private evals(line: EngineStepLine): EvalResult[] {
    const e = this.manifest.evals;
    if (!e) return [];
    const bySource = new Map<string, Record<string, number>>();
    for (const [key, value] of Object.entries(line.metrics)) {
      const m = VALIDATION.exec(key);
      if (!m) continue;
      const vars = bySource.get(m[1]!) ?? {};
      vars[m[2]!] = value;
      bySource.set(m[1]!, vars);
    }
    const results: EvalResult[] = [];
    for (const [source, vars] of bySource) {
      const index = /eval-(\d+)$/.exec(source);
      const data = index ? e.data[Number(index[1])] : undefined;
      const scoreVar = SCORE_VARS.find((v) => v in vars);
      if (data === undefined || scoreVar === undefined) continue;
      const tracks = Object.fromEntries(this.manifest.tracks.filter((t) => trackKey(t) in vars).map((t) => [t, vars[trackKey(t)]!]));
      for (const metric of e.metrics) results.push({ step: line.step, data, metric, value: vars[scoreVar]!, tracks });
    }
    return results;
  }
}

function first(metrics: Readonly<Record<string, number>>, keys: readonly string[]): number | undefined {
  for (const k of keys) if (k in metrics) return metrics[k];
  return undefined;
}
