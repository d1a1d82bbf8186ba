import type { ExportProblem } from "../shared/errors.js";
import type { EvalSelection } from "../shared/evals.js";
import type { PromptLayout } from "../shared/prompt.js";
import type { ExportedRun } from "../shared/run.js";
import { mapFields, type MappedFields, runPath, type Setting } from "../shared/settings.js";
import type { ClusterOptions } from "../shared/plan.js";
import { OPENRLHF_FIELDS } from "./fields.js";

export interface OpenRlhfConfig {
  readonly settings: readonly Setting[];
  readonly fields: MappedFields;
  readonly problems: readonly ExportProblem[];
}

/** rlx never clips rewards; OpenRLHF clips them to [-10, 10] unless told otherwise. */
const NO_REWARD_CLIP = [-1000000000, 1000000000];

/** Every flag of `python3 -m openrlhf.cli.train_ppo_ray` for the run; problems for what OpenRLHF cannot run as written. */
export function openRlhfConfig(exp: ExportedRun, options: { cluster: ClusterOptions; evals: EvalSelection | null; layout: PromptLayout }): OpenRlhfConfig {
  const g = exp.grpo;
  const fields = mapFields(OPENRLHF_FIELDS, g);
  const problems: ExportProblem[] = [...fields.problems];
  const { gpus, nodes, tensorParallel } = options.cluster;
  const world = gpus * nodes;
  if (world % tensorParallel !== 0) problems.push({ field: "--tp", reason: `${world} GPUs do not split into vLLM engines of ${tensorParallel}` });
  const e = options.evals;
  const settings: Setting[] = [
    { key: "--actor.model_name_or_path", value: exp.model?.path ?? "" },
    { key: "--algo.advantage.estimator", value: "group_norm" },
    { key: "--reward.remote_url", value: runPath("reward.py") },
    { key: "--reward.clip_range", value: NO_REWARD_CLIP },
    { key: "--data.prompt_dataset", value: runPath("data/train.jsonl") },
    { key: "--data.input_key", value: "prompt" },
    { key: "--data.label_key", value: "label" },
    ...(options.layout.kind === "chat" ? [{ key: "--data.apply_chat_template", value: true }] : []),
    ...fields.settings,
    { key: "--train.seed", value: exp.seed },
    { key: "--actor.num_nodes", value: nodes },
    { key: "--actor.num_gpus_per_node", value: gpus },
    ...((g["kl_coef"] as number) > 0
      ? [
          { key: "--ref.num_nodes", value: nodes },
          { key: "--ref.num_gpus_per_node", value: gpus },
        ]
      : []),
    { key: "--vllm.num_engines", value: Math.max(1, Math.floor(world / tensorParallel)) },
    { key: "--vllm.tensor_parallel_size", value: tensorParallel },
    { key: "--train.colocate_all", value: true },
    { key: "--vllm.enable_sleep", value: true },
    { key: "--ds.enable_sleep", value: true },
    { key: "--ckpt.output_dir", value: runPath("model") },
    { key: "--ckpt.path", value: runPath("checkpoints") },
    { key: "--ckpt.save_steps", value: exp.plan.checkpointEvery },
    { key: "--logger.logging_steps", value: 1 },
    ...(e === null
      ? [{ key: "--eval.steps", value: -1 }]
      : [
          { key: "--eval.dataset", value: runPath("data/test.jsonl") },
          { key: "--eval.steps", value: e.every ?? exp.steps },
          { key: "--eval.temperature", value: e.temperature },
          { key: "--eval.n_samples_per_prompt", value: e.samples },
        ]),
  ];
  return { settings, fields, problems };
}
