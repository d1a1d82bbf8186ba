import type { Value } from "../../core/values.js";
import { printValue } from "../../core/printValue.js";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import { PythonCompileError } from "../python/expression.js";
import { rewardModuleSource } from "../python/module.js";
import type { ExportProblem } from "./errors.js";
import { type EvalSelection, selectEvals } from "./evals.js";
import { type PromptLayout, promptLayout } from "./prompt.js";
import { labelNotes, labelProblems } from "./rows.js";
import { type ExportedRun, exportedRun, type ModelChoice } from "./run.js";

/** What the user asks of an export, whatever the target. */
export interface PlanOptions {
  readonly models: ModelChoice;
  readonly steps: number | null;
  /** `--eval METRIC`, `--eval none`, or null: every evaluation the run has. */
  readonly eval: string | null;
}

/** Where an exported run trains. */
export interface ClusterOptions {
  readonly gpus: number;
  readonly nodes: number;
  /** vLLM tensor parallelism per rollout engine. */
  readonly tensorParallel: number;
}

export interface TargetOptions extends PlanOptions {
  readonly cluster: ClusterOptions;
}

/**
 * Everything about an export that needs no data: the run's settings, the prompt layout, the
 * evaluations, the reward module's source. Cheap, so problems are found before any labelling.
 */
export interface ExportPlan {
  readonly exp: ExportedRun;
  readonly layout: PromptLayout;
  readonly evals: EvalSelection | null;
  /** The generated Python reward module; null when the reward could not be compiled (see problems). */
  readonly rewardModule: string | null;
  /** Whether the reward or a track draws random(p): their coordinates must stay per process. */
  readonly usesRandom: boolean;
  readonly notes: readonly string[];
  readonly problems: readonly ExportProblem[];
}

export function planExport(graph: GraphDocument, run: GraphRun, options: PlanOptions, engine: string): ExportPlan {
  const { run: exp, problems } = exportedRun(graph, run, { steps: options.steps, models: options.models });
  problems.push(...labelProblems(exp));
  const evals = selectEvals(exp, options.eval, engine);
  problems.push(...evals.problems);
  const notes = [...labelNotes(exp), ...evals.notes];
  if (exp.model?.substituted) notes.unshift(`the engine trains ${exp.model.path} where the experiment says ${exp.model.written}`);

  const { plan } = exp;
  let rewardModule: string | null = null;
  try {
    rewardModule = rewardModuleSource({
      origin: `run '${run.name}' of ${run.file}`,
      reward: { value: plan.reward.expression, text: plan.reward.text },
      tracks: plan.tracks.map((t) => ({ name: t.name, value: t.expression, text: printValue(t.expression) })),
      labelPorts: plan.reward.labelPorts,
      seed: exp.seed,
      responsesPerStep: (exp.grpo["prompts_per_step"] as number) * (exp.grpo["group_size"] as number),
    });
  } catch (error) {
    if (!(error instanceof PythonCompileError)) throw error;
    problems.push({ field: "reward", reason: error.message });
  }
  const usesRandom = [plan.reward.expression, ...plan.tracks.map((t) => t.expression)].some(drawsRandom);
  return { exp, layout: promptLayout(exp.template), evals: evals.selection, rewardModule, usesRandom, notes, problems };
}

function drawsRandom(v: Value): boolean {
  switch (v.kind) {
    case "ref":
      return drawsRandom(v.value);
    case "op":
      return v.args.some(drawsRandom);
    case "if":
      return [v.cond, v.then, v.otherwise].some(drawsRandom);
    case "call":
      return v.fn === "random" || Object.values(v.args).some(drawsRandom);
    default:
      return false;
  }
}
