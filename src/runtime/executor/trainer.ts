import { evaluateRewards } from "../../reward/evaluate.js";
import { hashInts } from "../../util/prng.js";
import { epochBatches } from "../batches.js";
import type { Row } from "../data/rows.js";
import { groupAdvantages, whitenOverTokens } from "../grpo/advantages.js";
import { type Rollout, rollout } from "../grpo/rollout.js";
import { grpoUpdate, type UpdateConfig } from "../grpo/update.js";
import { PolicyModel } from "../model/policy.js";
import { AdamW } from "../optim/adamw.js";
import { learningRate } from "../optim/schedule.js";
import { type Checkpoint, saveCheckpoint } from "./checkpoints.js";
import { evaluatePolicy, type EvalSet } from "./evaluation.js";
import type { RunEvent, StepMetrics } from "./events.js";
import type { Labels } from "./nodes/labels.js";
import type { Policy } from "./nodes/policy.js";
import type { RunPlan } from "./plan.js";
import type { RunDir } from "./runDir.js";
import { scoreRollout, type ScoredRollout } from "./scoring.js";
import { yieldToEventLoop } from "../../util/yieldToEventLoop.js";

export interface TrainerInputs {
  readonly plan: RunPlan;
  readonly policy: Policy;
  /** The training prompts: rows with a label under every labelling the reward needs. */
  readonly prompts: readonly Row[];
  /** Port ("labels", "labels_1", …) → labelling. */
  readonly labels: Readonly<Record<string, Labels>>;
  readonly truth: Labels;
  readonly evalSets: readonly EvalSet[];
  readonly steps: number;
  readonly dir: RunDir;
  /** Where a resumed run continues from. */
  readonly resume: Checkpoint | null;
  emit(event: RunEvent): void;
  /** Asked after every step: a true answer ends the run after a checkpoint. */
  shouldStop(): boolean;
}

export interface TrainerResult {
  readonly status: "completed" | "interrupted";
  readonly step: number;
}

/** Fields of a step's metrics that measure the machine, not the learning: kept out of metrics.jsonl, which replays exactly. */
const TIMING_FIELDS = ["rollout_tokens_per_s", "train_tokens_per_s", "wall_s"] as const;

/** The GRPO loop: per step a rollout, rewards, advantages, the policy update, tracking, evaluations and checkpoints. */
export async function train(inputs: TrainerInputs): Promise<TrainerResult> {
  const { plan, dir, emit } = inputs;
  const r = plan.rollout.params;
  const u = plan.update;
  const seed = r.seed;
  const model = PolicyModel.fromWeights(inputs.policy.config, inputs.resume?.weights ?? inputs.policy.weights);
  const reference = PolicyModel.fromWeights(inputs.policy.config, inputs.policy.weights);
  const optimizer = new AdamW(model.variables, { beta1: u.adam_beta1, beta2: u.adam_beta2, weightDecay: u.weight_decay });
  if (inputs.resume) optimizer.load(inputs.resume.optimizer);
  const promptsOf = epochBatches(inputs.prompts.length, r.prompts_per_step, seed, true);
  const updateConfig: UpdateConfig = {
    miniBatchSize: u.mini_batch_size,
    epochs: u.epochs,
    clipLow: u.clip_low,
    clipHigh: u.clip_high,
    klCoef: u.kl_coef,
    entropyCoef: u.entropy_coef,
    aggregation: u.loss_agg,
    gradClip: u.grad_clip,
    temperature: r.temperature,
  };
  const first = (inputs.resume?.step ?? 0) + 1;
  const checkpoint = async (step: number) => {
    const path = saveCheckpoint(dir, { step, weights: await model.getWeights(), optimizer: await optimizer.state() });
    emit({ type: "checkpoint", step, path });
  };
  try {
    if (first === 1) await evaluate(0);
    // Wall time and the ETA count from the first step this process trains.
    const started = performance.now();
    for (let step = first; step <= inputs.steps; step++) {
      await yieldToEventLoop();
      const batch = await rollout(model, promptsOf(step).map((i) => inputs.prompts[i]!), {
        groupSize: r.group_size,
        temperature: r.temperature,
        topP: r.top_p,
        maxResponseLength: r.max_response_length,
        template: r.template,
        seed: hashInts(seed, step),
      });
      const scored = scoreRollout(batch, step, { plan, labels: inputs.labels, truth: inputs.truth, seed });
      const groups = groupAdvantages(scored.rewards, r.group_size, { stdNorm: plan.advantage.stdNorm, eps: plan.advantage.eps });
      const advantages = plan.advantage.whiten ? whitenOverTokens(groups.advantages, scored.lengths) : groups.advantages;
      const lr = learningRate(step, { lr: u.lr, schedule: u.lr_schedule, warmupSteps: u.warmup_steps, totalSteps: inputs.steps });
      const stats = await grpoUpdate(model, reference, optimizer, batch, advantages, updateConfig, { lr, shuffleSeed: hashInts(seed, step, 0x75) });

      const metrics: StepMetrics = {
        step,
        reward_mean: mean(scored.rewards),
        accuracy: mean(scored.correct),
        tracks: Object.fromEntries(Object.entries(scored.tracks).map(([name, values]) => [name, mean(values)])),
        clip_frac_low: stats.clipFracLow,
        clip_frac_high: stats.clipFracHigh,
        ratio_deviation: stats.ratioDeviation,
        kl: stats.kl,
        entropy: stats.entropy,
        response_length: mean(scored.lengths),
        zero_std_share: groups.zeroStdGroups / groups.groups,
        grad_norm: stats.gradNorm,
        lr,
        rollout_tokens_per_s: sum(scored.lengths) / batch.seconds,
        train_tokens_per_s: stats.tokens / stats.seconds,
        wall_s: (performance.now() - started) / 1000,
      };
      recordStep(dir, batch, scored, metrics);
      const [explained] = evaluateRewards(plan.reward.expression, [scored.samples[0]!], { explain: true });
      emit({ type: "step", metrics, etaSeconds: eta(metrics.wall_s, step - first + 1, inputs.steps - step) });
      emit({ type: "sample", step, prompt: batch.prompts[0]!.text, response: batch.responses[0]!.text, reward: scored.rewards[0]!, explanation: explained!.explanation ?? null });

      if (plan.evals.some((e) => dueAt(e.every, step, inputs.steps))) await evaluate(step);
      await yieldToEventLoop();
      const stopping = inputs.shouldStop();
      if (stopping || step === inputs.steps || step % plan.checkpointEvery === 0) await checkpoint(step);
      if (stopping && step < inputs.steps) return { status: "interrupted", step };
    }
    return { status: "completed", step: inputs.steps };
  } finally {
    optimizer.dispose();
    reference.dispose();
    model.dispose();
  }

  async function evaluate(step: number): Promise<void> {
    const results = [];
    for (const [i, e] of plan.evals.entries()) {
      if (step > 0 && !dueAt(e.every, step, inputs.steps)) continue;
      const outcome = await evaluatePolicy(model, e, inputs.evalSets[i]!, plan.tracks, { step, seed: hashInts(seed, step, 0xe7a1, i) });
      for (const g of outcome.greedy) dir.appendJsonl("eval_samples.jsonl", g);
      results.push(...outcome.results);
    }
    for (const result of results) dir.appendJsonl("evals.jsonl", result);
    if (results.length > 0) emit({ type: "eval", results });
  }
}

/** Evaluations run before training, every `every` steps, and after the last step. */
function dueAt(every: number | null, step: number, steps: number): boolean {
  return step === steps || (every !== null && step % every === 0);
}

/** A step's lines in the run directory: its metrics (timings apart) and every response with its scores. */
function recordStep(dir: RunDir, batch: Rollout, scored: ScoredRollout, metrics: StepMetrics): void {
  const learning: Record<string, unknown> = { ...metrics };
  for (const f of TIMING_FIELDS) delete learning[f];
  dir.appendJsonl("metrics.jsonl", learning);
  dir.appendJsonl("timings.jsonl", { step: metrics.step, ...Object.fromEntries(TIMING_FIELDS.map((f) => [f, metrics[f]])) });
  batch.responses.forEach((g, i) => {
    const s = scored.samples[i]!;
    const tracks = Object.fromEntries(Object.entries(scored.tracks).map(([name, values]) => [name, values[i]]));
    dir.appendJsonl("samples.jsonl", { step: metrics.step, prompt: s.promptIndex, sample: s.sampleIndex, response: g.text, reward: scored.rewards[i], correct: scored.correct[i] === 1, tracks });
  });
}

function eta(elapsed: number, done: number, remaining: number): number | null {
  return done === 0 ? null : (elapsed / done) * remaining;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : sum(xs) / xs.length);
