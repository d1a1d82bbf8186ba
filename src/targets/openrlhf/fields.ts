import { type FieldTable, fixedEpsilon, orNone, type Setting } from "../shared/settings.js";

/**
 * Every GRPO field of the language as OpenRLHF's train_ppo_ray flags spell it (OpenRLHF ≥ 0.10,
 * the namespaced command line: --algo.*, --actor.*, --rollout.*, --train.*, --data.*). A field
 * OpenRLHF cannot express is refused with the reason.
 */

/** Clipping off below: the ratio is ≥ 0, so a lower bound 1 − 1 = 0 never binds. */
const NO_LOW_CLIP = 1;
/** Clipping off above: a bound no ratio of a trained policy reaches (log-ratio > 20). */
const NO_HIGH_CLIP = 1e9;

const flag = (key: string, value: Setting["value"]): Setting => ({ key, value });

export const OPENRLHF_FIELDS: FieldTable = {
  steps: {
    keys: "--train.num_episodes 1 over steps × prompts_per_step rows (--data.max_samples)",
    map: (v, c) => ({
      settings: [flag("--train.num_episodes", 1), flag("--data.max_samples", (v as number) * (c["prompts_per_step"] as number))],
      note: "OpenRLHF runs one episode over the exported rows (steps × prompts_per_step); it shuffles them, and every row keeps the step it was exported for as random(p)'s coordinate",
    }),
  },
  prompts_per_step: {
    keys: "--rollout.batch_size",
    map: (v) => ({ settings: [flag("--rollout.batch_size", v as number)] }),
  },
  group_size: {
    keys: "--rollout.n_samples_per_prompt",
    map: (v) => ({ settings: [flag("--rollout.n_samples_per_prompt", v as number)] }),
  },
  mini_batch_size: {
    keys: "--train.batch_size (responses per optimizer update)",
    map: (v) => ({ settings: [flag("--train.batch_size", v as number)] }),
  },
  epochs: {
    keys: "--train.max_epochs",
    map: (v) => ({ settings: [flag("--train.max_epochs", v as number)] }),
  },
  lr: {
    keys: "--actor.adam.lr",
    map: (v) => ({ settings: [flag("--actor.adam.lr", v as number)] }),
  },
  lr_schedule: {
    keys: "--actor.lr_scheduler (constant, constant_with_warmup, linear, cosine)",
    map: (v, c) => {
      const warm = (c["warmup_steps"] as number) > 0;
      const name = v === "constant" ? (warm ? "constant_with_warmup" : "constant") : (v as string);
      return {
        settings: [flag("--actor.lr_scheduler", name)],
        ...(v === "constant" ? {} : { note: `OpenRLHF steps its ${v} schedule at every optimizer update, rlx at every rollout step: the same curve, sampled finer` }),
      };
    },
  },
  warmup_steps: {
    keys: "--actor.lr_warmup_ratio (warmup_steps / steps)",
    map: (v, c) => ({ settings: [flag("--actor.lr_warmup_ratio", (v as number) / (c["steps"] as number))] }),
  },
  adam_beta1: {
    keys: "--actor.adam.betas (first)",
    map: (v, c) => ({ settings: [flag("--actor.adam.betas", [v as number, c["adam_beta2"] as number])] }),
  },
  adam_beta2: {
    keys: "--actor.adam.betas (second)",
    map: (v, c) => ({ settings: [flag("--actor.adam.betas", [c["adam_beta1"] as number, v as number])] }),
  },
  weight_decay: {
    keys: "--actor.adam.weight_decay",
    map: (v) => ({ settings: [flag("--actor.adam.weight_decay", v as number)] }),
  },
  grad_clip: {
    keys: "--actor.max_norm (none: 0, which DeepSpeed reads as no clipping)",
    map: (v) => ({ settings: [flag("--actor.max_norm", orNone(v) ?? 0)] }),
  },
  clip_low: {
    keys: "--actor.eps_clip_low_high (first; none: 1)",
    map: (v, c) => ({ settings: [flag("--actor.eps_clip_low_high", [orNone(v) ?? NO_LOW_CLIP, orNone(c["clip_high"] ?? null) ?? NO_HIGH_CLIP])] }),
  },
  clip_high: {
    keys: "--actor.eps_clip_low_high (second; none: 1e9)",
    map: (v, c) => ({ settings: [flag("--actor.eps_clip_low_high", [orNone(c["clip_low"] ?? null) ?? NO_LOW_CLIP, orNone(v) ?? NO_HIGH_CLIP])] }),
  },
  kl_coef: {
    keys: "--algo.kl.init_coef, --algo.kl.use_loss, --algo.kl.estimator k3",
    map: (v) =>
      (v as number) === 0
        ? { settings: [flag("--algo.kl.init_coef", 0)] }
        : { settings: [flag("--algo.kl.init_coef", v as number), flag("--algo.kl.use_loss", true), flag("--algo.kl.estimator", "k3")] },
  },
  entropy_coef: {
    keys: "--actor.entropy_coef",
    map: (v) => ({ settings: [flag("--actor.entropy_coef", v as number)] }),
  },
  temperature: {
    keys: "--rollout.temperature",
    map: (v) => ({ settings: [flag("--rollout.temperature", v as number)] }),
  },
  top_p: {
    keys: "--rollout.top_p",
    map: (v) => ({ settings: [flag("--rollout.top_p", v as number)] }),
  },
  max_prompt_length: {
    keys: "--data.max_len (max_prompt_length + max_response_length)",
    map: (v, c) => ({
      settings: [flag("--data.max_len", (v as number) + (c["max_response_length"] as number))],
      note: "OpenRLHF ≥ 0.10 bounds prompt + response (--data.max_len) and the response (--rollout.max_new_tokens); a prompt longer than max_prompt_length still runs when the two fit",
    }),
  },
  max_response_length: {
    keys: "--rollout.max_new_tokens",
    map: (v) => ({ settings: [flag("--rollout.max_new_tokens", v as number)] }),
  },
  loss_agg: {
    keys: "(token mean: OpenRLHF's policy loss)",
    map: (v) =>
      v === "token_mean"
        ? { settings: [] }
        : { rejected: `OpenRLHF's policy loss is a token mean and has no flag for ${v}; use loss_agg: token_mean, or export to verl` },
  },
  std_norm: {
    keys: "--algo.advantage.no_std_norm when false",
    map: (v) => ({ settings: v ? [] : [flag("--algo.advantage.no_std_norm", true)] }),
  },
  whiten_advantages: {
    keys: "(none: OpenRLHF ≥ 0.10 does not whiten group_norm advantages again)",
    map: (v) =>
      v
        ? { rejected: "OpenRLHF ≥ 0.10 no longer whitens group_norm advantages over the step's tokens (the study's older OpenRLHF did); set whiten_advantages: false" }
        : { settings: [] },
  },
  adv_eps: {
    keys: "(fixed at 1e-9 in OpenRLHF's group_norm)",
    map: (v) => fixedEpsilon(v as number, "OpenRLHF", 1e-9),
  },
};
