import { GRPO_FIELDS, type GrpoConfig } from "../../check/grpoFields.js";
import { isOrganismName } from "../../core/organisms.js";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import { type RunPlan, runPlan } from "../../runtime/executor/plan.js";
import type { ExportProblem } from "./errors.js";

/** Which checkpoint an engine trains, for experiments written with the built-in models. */
export interface ModelChoice {
  /** `--model PATH`: every experiment's model. */
  readonly all: string | null;
  /** `--model code-prior=PATH`: the checkpoint standing in for one organism. */
  readonly byOrganism: Readonly<Record<string, string>>;
}

export const NO_MODEL_CHOICE: ModelChoice = { all: null, byOrganism: {} };

/** Reads `--model` values: `PATH` or `ORGANISM=PATH`. */
export function parseModelChoice(values: readonly string[]): ModelChoice {
  let all: string | null = null;
  const byOrganism: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    const organism = eq > 0 ? v.slice(0, eq) : "";
    if (isOrganismName(organism)) byOrganism[organism] = v.slice(eq + 1);
    else all = v;
  }
  return { all, byOrganism };
}

/** Everything an exporter needs of one run of a compiled graph, read from its nodes. */
export interface ExportedRun {
  readonly run: GraphRun;
  readonly graph: GraphDocument;
  readonly plan: RunPlan;
  /** Every GRPO field, as the run's nodes carry them (steps overridden when asked). */
  readonly grpo: GrpoConfig;
  readonly steps: number;
  readonly seed: number;
  readonly template: string | null;
  /** The checkpoint the engine trains; null with a problem when there is none. */
  readonly model: { readonly path: string; readonly written: string; readonly substituted: boolean } | null;
}

export function exportedRun(graph: GraphDocument, run: GraphRun, options: { steps: number | null; models: ModelChoice }): { run: ExportedRun; problems: ExportProblem[] } {
  const plan = runPlan(graph, run);
  const params: readonly Record<string, unknown>[] = [{ ...plan.rollout.params }, advantageParams(plan), { ...plan.update }];
  const grpo: GrpoConfig = {};
  for (const field of GRPO_FIELDS) {
    const holder = params.find((p) => field.name in p);
    if (!holder) throw new Error(`internal: GRPO field '${field.name}' is on no node of run '${run.name}'`);
    grpo[field.name] = holder[field.name] as GrpoConfig[string];
  }
  const steps = options.steps ?? run.steps;
  grpo["steps"] = steps;

  const problems: ExportProblem[] = [];
  const policy = plan.initPolicy;
  const written = policy.label.replace(/^policy /, "");
  let model: ExportedRun["model"] = null;
  if (policy.params["model"] === "hf") {
    const path = options.models.all ?? (policy.params["path"] as string);
    model = { path, written, substituted: path !== policy.params["path"] };
  } else {
    const organism = policy.params["organism"] as string;
    const path = options.models.byOrganism[organism] ?? options.models.all;
    if (path) model = { path, written, substituted: true };
    else {
      problems.push({
        field: "model",
        reason: `${written} is rlx's built-in model, which a distributed engine cannot load; pass --model PATH (or --model ${organism}=PATH) to train a Hugging Face checkpoint in its place`,
      });
    }
  }
  return {
    run: { run, graph, plan, grpo, steps, seed: run.seed, template: plan.rollout.params.template, model },
    problems,
  };
}

function advantageParams(plan: RunPlan): Record<string, unknown> {
  return { std_norm: plan.advantage.stdNorm, whiten_advantages: plan.advantage.whiten, adv_eps: plan.advantage.eps };
}

/** A name safe for file names and experiment names: `cross_model/tiny-no-code__math` → `cross_model-tiny-no-code__math`. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, "-");
}
