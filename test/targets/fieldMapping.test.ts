import { describe, expect, it } from "vitest";
import { defaultGrpoConfig, GRPO_FIELDS, type GrpoConfig, type GrpoFieldSpec } from "../../src/check/grpoFields.js";
import { OPENRLHF_FIELDS } from "../../src/targets/openrlhf/fields.js";
import { type FieldOutcome, type FieldTable, mapFields } from "../../src/targets/shared/settings.js";
import { VERL_FIELDS } from "../../src/targets/verl/fields.js";

/**
 * Every GRPO field of the language is mapped to each target's setting or refused with a reason:
 * the tables are checked against GRPO_FIELDS itself, so a field added to the language without a
 * mapping fails here, and each field's value must reach the output (a mapping that ignored its
 * field would let a hyperparameter silently fall back to the engine's default).
 */
const TARGETS: Record<string, FieldTable> = { verl: VERL_FIELDS, openrlhf: OPENRLHF_FIELDS };

/** Values of a field other than its default, within its range: each must change what the target gets. */
function otherValues(f: GrpoFieldSpec): (number | boolean | string | null)[] {
  switch (f.kind) {
    case "bool":
      return [!(f.default as boolean)];
    case "enum":
      return f.choices!.filter((c) => c !== f.default);
    default: {
      const base = f.default as number;
      const step = f.kind === "int" ? 2 : 0.5;
      const values: (number | null)[] = [f.max !== undefined && base * step >= f.max ? base / 2 : base * step || 1];
      if (f.noneAllowed) values.push(null);
      return values;
    }
  }
}

/** A configuration consistent in its batch arithmetic (mini-batches divide steps and groups), with one field changed. */
function configWith(field: string, value: number | boolean | string | null): GrpoConfig {
  const config: GrpoConfig = { ...defaultGrpoConfig(), prompts_per_step: 16, group_size: 8, mini_batch_size: 32, [field]: value };
  if (field === "group_size") config["mini_batch_size"] = 4 * (value as number);
  return config;
}

const describeOutcome = (o: FieldOutcome) => JSON.stringify(o);

describe.each(Object.entries(TARGETS))("the %s mapping", (_, table) => {
  it("has a rule for every GRPO field of the language, and for nothing else", () => {
    expect(Object.keys(table).sort()).toEqual(GRPO_FIELDS.map((f) => f.name).sort());
    for (const f of GRPO_FIELDS) expect(table[f.name]!.keys.length, f.name).toBeGreaterThan(0);
  });

  it.each(GRPO_FIELDS.map((f) => [f.name, f] as const))("maps or refuses %s, and its value reaches the output", (name, f) => {
    const base = table[name]!.map(configWith(name, f.default)[name]!, configWith(name, f.default));
    for (const value of otherValues(f)) {
      const config = configWith(name, value);
      const outcome = table[name]!.map(config[name]!, config);
      if ("rejected" in outcome) expect(outcome.rejected.length, `${name} = ${value}`).toBeGreaterThan(20);
      else expect(describeOutcome(outcome), `${name} = ${value} maps like the default`).not.toBe(describeOutcome(base));
    }
  });

  it("reports a field it has no rule for instead of dropping it", () => {
    const mapped = mapFields(table, { ...defaultGrpoConfig(), brand_new_field: 3 });
    expect(mapped.problems).toEqual([{ field: "grpo.brand_new_field", reason: expect.stringContaining("no mapping for this field") }]);
  });
});

describe("what the mappings refuse", () => {
  const refusal = (table: FieldTable, config: GrpoConfig) => mapFields(table, config).problems.map((p) => p.field);
  it("the study's preset whitens advantages again, which neither current engine does", () => {
    const paper = { ...defaultGrpoConfig(), whiten_advantages: true };
    expect(refusal(VERL_FIELDS, paper)).toEqual(["grpo.whiten_advantages"]);
    expect(refusal(OPENRLHF_FIELDS, paper)).toEqual(["grpo.whiten_advantages"]);
  });

  it("verl has no linear schedule and counts mini-batches in prompts; OpenRLHF only averages over tokens", () => {
    expect(refusal(VERL_FIELDS, { ...defaultGrpoConfig(), lr_schedule: "linear" })).toEqual(["grpo.lr_schedule"]);
    expect(refusal(VERL_FIELDS, { ...defaultGrpoConfig(), group_size: 8, mini_batch_size: 36 })).toEqual(["grpo.mini_batch_size"]);
    expect(refusal(OPENRLHF_FIELDS, { ...defaultGrpoConfig(), loss_agg: "seq_mean_token_sum" })).toEqual(["grpo.loss_agg"]);
    expect(refusal(VERL_FIELDS, { ...defaultGrpoConfig(), adv_eps: 0.01 })).toEqual(["grpo.adv_eps"]);
  });

  it("'clip: none' is expressible: bounds no ratio reaches, with a note", () => {
    const mapped = mapFields(VERL_FIELDS, { ...defaultGrpoConfig(), clip_low: null, clip_high: null });
    expect(mapped.problems).toEqual([]);
    expect(mapped.settings).toContainEqual({ key: "actor_rollout_ref.actor.clip_ratio_low", value: 1, force: true });
    expect(mapped.settings).toContainEqual({ key: "actor_rollout_ref.actor.clip_ratio_high", value: 1e9, force: true });
    expect(mapped.notes.map((n) => n.field)).toEqual(expect.arrayContaining(["grpo.clip_low", "grpo.clip_high"]));
    const openrlhf = mapFields(OPENRLHF_FIELDS, { ...defaultGrpoConfig(), clip_low: null, clip_high: 0.28 });
    expect(openrlhf.settings).toContainEqual({ key: "--actor.eps_clip_low_high", value: [1, 0.28] });
  });
});
