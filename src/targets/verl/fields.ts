import { type FieldTable, fixedEpsilon, orNone, type Setting } from "../shared/settings.js";

/**
 * Every GRPO field of the language, as verl's Hydra configuration spells it (verl ≥ 0.4; keys that
 * moved between versions are set both ways with `++`). A field verl cannot express is refused with
 * the reason, never dropped.
 */

/** Clipping off on one side: the ratio is ≥ 0, so a lower bound 1 − 1 = 0 never binds. */
const NO_LOW_CLIP = 1;
/** Clipping off above: verl clamps log-ratios to ±20, so ρ ≤ e^20 < 1 + 1e9 and the bound never binds. */
const NO_HIGH_CLIP = 1e9;

const ACTOR = "actor_rollout_ref.actor";
const set = (key: string, value: Setting["value"], force = false): Setting => (force ? { key, value, force } : { key, value });

export const VERL_FIELDS: FieldTable = {
  steps: {
    keys: "trainer.total_training_steps (+ steps × prompts_per_step rows in step order)",
    map: (v) => ({ settings: [set("trainer.total_training_steps", v as number)] }),
  },
  prompts_per_step: {
    keys: "data.train_batch_size",
    map: (v) => ({ settings: [set("data.train_batch_size", v as number)] }),
  },
  group_size: {
    keys: "actor_rollout_ref.rollout.n",
    map: (v) => ({ settings: [set("actor_rollout_ref.rollout.n", v as number)] }),
  },
  mini_batch_size: {
    keys: `${ACTOR}.ppo_mini_batch_size (in prompts: mini_batch_size / group_size)`,
    map: (v, c) => {
      const g = c["group_size"] as number;
      if ((v as number) % g !== 0) {
        return { rejected: `verl counts ppo_mini_batch_size in prompts (each with its group_size responses); mini_batch_size ${v} is not a multiple of group_size ${g}` };
      }
      return { settings: [set(`${ACTOR}.ppo_mini_batch_size`, (v as number) / g)] };
    },
  },
  epochs: {
    keys: `${ACTOR}.ppo_epochs`,
    map: (v) => ({ settings: [set(`${ACTOR}.ppo_epochs`, v as number)] }),
  },
  lr: {
    keys: `${ACTOR}.optim.lr`,
    map: (v) => ({ settings: [set(`${ACTOR}.optim.lr`, v as number)] }),
  },
  lr_schedule: {
    keys: `${ACTOR}.optim.lr_scheduler_type and .warmup_style (older verl)`,
    map: (v) => {
      if (v === "linear") return { rejected: "verl's actor learning-rate schedules are constant and cosine; linear decay has no equivalent" };
      const settings = [set(`${ACTOR}.optim.lr_scheduler_type`, v as string, true), set(`${ACTOR}.optim.warmup_style`, v as string, true)];
      // rlx's cosine decays to 0, as verl's does with min_lr_ratio 0.
      if (v === "cosine") settings.push(set(`${ACTOR}.optim.min_lr_ratio`, 0, true));
      return { settings };
    },
  },
  warmup_steps: {
    keys: `${ACTOR}.optim.lr_warmup_steps`,
    map: (v) => ({
      settings: [set(`${ACTOR}.optim.lr_warmup_steps`, v as number, true)],
      ...((v as number) > 0 ? { note: "verl's warm-up starts from lr 0 at the first step, rlx's from lr/warmup_steps: the schedule is one step later" } : {}),
    }),
  },
  adam_beta1: {
    keys: `${ACTOR}.optim.betas[0]`,
    map: (v, c) => ({ settings: [set(`${ACTOR}.optim.betas`, [v as number, c["adam_beta2"] as number], true)] }),
  },
  adam_beta2: {
    keys: `${ACTOR}.optim.betas[1]`,
    map: (v, c) => ({ settings: [set(`${ACTOR}.optim.betas`, [c["adam_beta1"] as number, v as number], true)] }),
  },
  weight_decay: {
    keys: `${ACTOR}.optim.weight_decay`,
    map: (v) => ({ settings: [set(`${ACTOR}.optim.weight_decay`, v as number)] }),
  },
  grad_clip: {
    keys: `${ACTOR}.grad_clip and .optim.clip_grad (none: inf)`,
    map: (v) => {
      const clip = orNone(v);
      const value = clip === null ? "inf" : clip;
      return {
        settings: [set(`${ACTOR}.grad_clip`, value), set(`${ACTOR}.optim.clip_grad`, value, true)],
        ...(clip === null ? { note: "no gradient clipping: verl always clips, here at an infinite norm" } : {}),
      };
    },
  },
  clip_low: {
    keys: `${ACTOR}.clip_ratio_low (none: 1, a bound of 0 the ratio never crosses)`,
    map: (v) => {
      const eps = orNone(v);
      return { settings: [set(`${ACTOR}.clip_ratio_low`, eps ?? NO_LOW_CLIP, true)], ...(eps === null ? { note: "ε_low none: clip_ratio_low 1 puts the lower bound at 0, which a ratio never goes below" } : {}) };
    },
  },
  clip_high: {
    keys: `${ACTOR}.clip_ratio_high (none: 1e9, beyond any ratio verl computes)`,
    map: (v) => {
      const eps = orNone(v);
      return { settings: [set(`${ACTOR}.clip_ratio_high`, eps ?? NO_HIGH_CLIP, true)], ...(eps === null ? { note: "ε_high none: clip_ratio_high 1e9 is beyond e^20, the largest ratio verl computes" } : {}) };
    },
  },
  kl_coef: {
    keys: `${ACTOR}.use_kl_loss, .kl_loss_coef, .kl_loss_type=low_var_kl`,
    map: (v) =>
      (v as number) === 0
        ? { settings: [set(`${ACTOR}.use_kl_loss`, false), set(`${ACTOR}.kl_loss_coef`, 0)] }
        : { settings: [set(`${ACTOR}.use_kl_loss`, true), set(`${ACTOR}.kl_loss_coef`, v as number), set(`${ACTOR}.kl_loss_type`, "low_var_kl")] },
  },
  entropy_coef: {
    keys: `${ACTOR}.entropy_coeff`,
    map: (v) => ({ settings: [set(`${ACTOR}.entropy_coeff`, v as number)] }),
  },
  temperature: {
    keys: "actor_rollout_ref.rollout.temperature",
    map: (v) => ({ settings: [set("actor_rollout_ref.rollout.temperature", v as number)] }),
  },
  top_p: {
    keys: "actor_rollout_ref.rollout.top_p",
    map: (v) => ({ settings: [set("actor_rollout_ref.rollout.top_p", v as number)] }),
  },
  max_prompt_length: {
    keys: "data.max_prompt_length (longer prompts are filtered out, as rlx run leaves them out)",
    map: (v) => ({ settings: [set("data.max_prompt_length", v as number), set("data.filter_overlong_prompts", true)] }),
  },
  max_response_length: {
    keys: "data.max_response_length",
    map: (v) => ({ settings: [set("data.max_response_length", v as number)] }),
  },
  loss_agg: {
    keys: `${ACTOR}.loss_agg_mode (token-mean, seq-mean-token-mean, seq-mean-token-sum)`,
    map: (v) => ({ settings: [set(`${ACTOR}.loss_agg_mode`, (v as string).replaceAll("_", "-"), true)] }),
  },
  std_norm: {
    keys: "algorithm.norm_adv_by_std_in_grpo",
    map: (v) => ({ settings: [set("algorithm.norm_adv_by_std_in_grpo", v as boolean, true)] }),
  },
  whiten_advantages: {
    keys: "(none: verl's GRPO does not whiten advantages again)",
    map: (v) =>
      v
        ? { rejected: "verl's GRPO advantages are not whitened again over the step's tokens (the study's older OpenRLHF code did this); set whiten_advantages: false to export to verl" }
        : { settings: [] },
  },
  adv_eps: {
    keys: "(fixed at 1e-6 in verl's compute_grpo_outcome_advantage)",
    map: (v) => fixedEpsilon(v as number, "verl", 1e-6),
  },
};
