import type { ExportProblem } from "../shared/errors.js";
import type { EvalSelection } from "../shared/evals.js";
import type { ClusterOptions } from "../shared/plan.js";
import { PASS_THROUGH_CHAT_TEMPLATE, type PromptLayout } from "../shared/prompt.js";
import { type ExportedRun, safeName } from "../shared/run.js";
import { mapFields, type MappedFields, runPath, type Setting } from "../shared/settings.js";
import { VERL_FIELDS } from "./fields.js";

/** rlx's loss has no dual clip; verl's default dual clip (3) would cap the loss of negative advantages. */
const NO_DUAL_CLIP = 1e9;
/** verl evaluates every test_freq steps and after the last one; a run without evaluations never does. */
const NEVER = -1;

export interface VerlConfig {
  readonly settings: readonly Setting[];
  readonly fields: MappedFields;
  readonly problems: readonly ExportProblem[];
}

/** Every Hydra override of the run, sorted by key; problems for what verl cannot run as written. */
export function verlConfig(
  exp: ExportedRun,
  options: { cluster: ClusterOptions; evals: EvalSelection | null; layout: PromptLayout; usesRandom: boolean; hasTestData: boolean },
): VerlConfig {
  const g = exp.grpo;
  const fields = mapFields(VERL_FIELDS, g);
  const problems: ExportProblem[] = [...fields.problems];
  const world = options.cluster.gpus * options.cluster.nodes;
  const responses = (g["prompts_per_step"] as number) * (g["group_size"] as number);
  if (responses % world !== 0) {
    problems.push({ field: "grpo.prompts_per_step", reason: `verl spreads a step's ${responses} responses (prompts_per_step × group_size) evenly over the GPUs; ${world} GPUs do not divide them (--gpus, --nodes)` });
  }
  if ((g["mini_batch_size"] as number) % world !== 0) {
    problems.push({ field: "grpo.mini_batch_size", reason: `verl spreads a mini-batch evenly over the GPUs; ${world} GPUs do not divide mini_batch_size ${g["mini_batch_size"]} (--gpus, --nodes)` });
  }

  const lengths = (g["max_prompt_length"] as number) + (g["max_response_length"] as number);
  const e = options.evals;
  const settings: Setting[] = [
    ...fields.settings,
    // data: the rows are written in the order rlx draws them, so verl must not reshuffle them
    { key: "data.train_files", value: runPath("data/train.parquet") },
    { key: "data.val_files", value: runPath(options.hasTestData ? "data/test.parquet" : "data/train.parquet") },
    { key: "data.shuffle", value: false },
    { key: "data.seed", value: exp.seed, force: true },
    // the model and its rollouts
    { key: "actor_rollout_ref.model.path", value: exp.model?.path ?? "" },
    ...(options.layout.kind === "raw" ? [{ key: "actor_rollout_ref.model.custom_chat_template", value: PASS_THROUGH_CHAT_TEMPLATE, force: true }] : []),
    { key: "actor_rollout_ref.rollout.name", value: "vllm" },
    { key: "actor_rollout_ref.rollout.tensor_model_parallel_size", value: options.cluster.tensorParallel },
    { key: "actor_rollout_ref.rollout.seed", value: exp.seed, force: true },
    // micro-batches only split the work: sized by tokens, they change no result
    { key: "actor_rollout_ref.actor.use_dynamic_bsz", value: true },
    { key: "actor_rollout_ref.actor.ppo_max_token_len_per_gpu", value: Math.max(16384, 2 * lengths) },
    { key: "actor_rollout_ref.rollout.log_prob_use_dynamic_bsz", value: true },
    { key: "actor_rollout_ref.ref.log_prob_use_dynamic_bsz", value: true },
    { key: "actor_rollout_ref.actor.clip_ratio_c", value: NO_DUAL_CLIP, force: true },
    // GRPO as rlx computes it
    { key: "algorithm.adv_estimator", value: "grpo" },
    { key: "algorithm.use_kl_in_reward", value: false },
    // the reward module, for older (custom_reward_function) and newer (reward.custom_reward_function) verl
    { key: "custom_reward_function.path", value: runPath("reward.py"), force: true },
    { key: "custom_reward_function.name", value: "compute_score", force: true },
    { key: "reward.custom_reward_function.path", value: runPath("reward.py"), force: true },
    { key: "reward.custom_reward_function.name", value: "compute_score", force: true },
    // random(p) numbers a prompt's responses in the process that scores them: keep it one process
    ...(options.usesRandom ? [{ key: "reward.num_workers", value: 1, force: true }] : []),
    // the trainer
    { key: "trainer.logger", value: ["console"] },
    { key: "trainer.project_name", value: "rlx" },
    { key: "trainer.experiment_name", value: safeName(exp.run.name) },
    { key: "trainer.n_gpus_per_node", value: options.cluster.gpus },
    { key: "trainer.nnodes", value: options.cluster.nodes },
    // Enough passes over the rows to reach the steps even when overlong prompts were filtered out.
    { key: "trainer.total_epochs", value: 100 },
    { key: "trainer.save_freq", value: exp.plan.checkpointEvery },
    { key: "trainer.default_local_dir", value: runPath("checkpoints") },
    { key: "trainer.val_before_train", value: e !== null },
    { key: "trainer.test_freq", value: e === null ? NEVER : (e.every ?? exp.steps) },
    ...(e === null
      ? []
      : [
          { key: "actor_rollout_ref.rollout.val_kwargs.n", value: e.samples },
          { key: "actor_rollout_ref.rollout.val_kwargs.temperature", value: e.temperature },
          { key: "actor_rollout_ref.rollout.val_kwargs.do_sample", value: e.temperature > 0 },
        ]),
  ];
  settings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { settings, fields, problems };
}
