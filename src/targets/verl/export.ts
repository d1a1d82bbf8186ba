import { mkdirSync } from "node:fs";
import path from "node:path";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import type { NodeEvaluator } from "../../runtime/executor/prepare.js";
import { ExportError } from "../shared/errors.js";
import { allNotes, type ExportManifest, exportManifest, MANIFEST_FILE, writeExportFile } from "../shared/manifest.js";
import { type ClusterOptions, type ExportPlan, planExport, type TargetOptions } from "../shared/plan.js";
import { exportReadme } from "../shared/readme.js";
import { exportRows } from "../shared/rows.js";
import type { Setting } from "../shared/settings.js";
import { verlConfig, type VerlConfig } from "./config.js";
import { VERL_FIELDS } from "./fields.js";
import { verlScript } from "./command.js";
import { writeVerlParquet } from "./parquet.js";

/** An export before its data is written: the settings and the script, or the problems that stop it. */
export interface VerlLaunchPlan {
  readonly plan: ExportPlan;
  readonly config: VerlConfig;
  readonly script: string;
}

/**
 * Plans a verl export without touching data: what `rlx export` will write, or an ExportError
 * naming every field (and clause) verl cannot run as written.
 */
export function planVerl(graph: GraphDocument, run: GraphRun, options: TargetOptions): VerlLaunchPlan {
  const plan = planExport(graph, run, options, "verl");
  const hasTestData = plan.evals !== null;
  const config = verlConfig(plan.exp, { cluster: options.cluster, evals: plan.evals, layout: plan.layout, usesRandom: plan.usesRandom, hasTestData });
  const problems = [...plan.problems, ...config.problems];
  if (problems.length > 0) throw new ExportError(run.name, "verl", problems);
  return { plan, config, script: verlScript(config.settings, scriptHeader(run, options.cluster)) };
}

export interface VerlExport {
  readonly dir: string;
  readonly settings: readonly Setting[];
  readonly manifest: ExportManifest;
}

/** Writes a complete verl run into `dir`: Parquet data, the reward module, run.sh, README.md and the manifest. */
export async function exportVerl(graph: GraphDocument, run: GraphRun, options: TargetOptions & { readonly dir: string; readonly evaluator: NodeEvaluator }): Promise<VerlExport> {
  const { plan, config, script } = planVerl(graph, run, options);
  const { data, problems } = await exportRows(plan.exp, options.evaluator, plan.evals?.evals ?? []);
  if (!data) throw new ExportError(run.name, "verl", problems);

  const dir = options.dir;
  mkdirSync(path.join(dir, "data"), { recursive: true });
  writeVerlParquet(path.join(dir, "data", "train.parquet"), data.train, plan.layout, data.ports);
  if (data.test.length > 0) writeVerlParquet(path.join(dir, "data", "test.parquet"), data.test, plan.layout, []);
  writeExportFile(dir, "reward.py", plan.rewardModule!);
  writeExportFile(dir, "run.sh", script, 0o755);
  const notes = allNotes(plan, config.fields, data);
  const manifest = exportManifest("verl", plan, VERL_FIELDS, config.settings, data, notes);
  writeExportFile(dir, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  writeExportFile(dir, "README.md", verlReadme(plan, manifest, options.cluster));
  return { dir, settings: config.settings, manifest };
}

function scriptHeader(run: GraphRun, cluster: ClusterOptions): string[] {
  return [
    `GRPO run '${run.name}' of ${run.file}, exported by rlx for verl.`,
    `Needs verl installed and ${cluster.nodes} × ${cluster.gpus} GPUs. Extra Hydra overrides may follow: bash run.sh trainer.nnodes=2`,
  ];
}

function verlReadme(plan: ExportPlan, manifest: ExportManifest, cluster: ClusterOptions): string {
  const { exp } = plan;
  const tracks = manifest.tracks.length > 0 ? ` and each tracked expression (${manifest.tracks.join(", ")})` : "";
  return exportReadme({
    engine: "verl",
    install: "`pip install verl` with vLLM; see verl's installation guide",
    manifest,
    plan,
    cluster: `${cluster.nodes} node${cluster.nodes > 1 ? "s" : ""} × ${cluster.gpus} GPUs, as --nodes and --gpus asked`,
    files: [
      ["data/train.parquet", `${manifest.rows.train} training prompts in the order rlx's steps draw them (${exp.steps} steps × ${exp.grpo["prompts_per_step"]} prompts), in verl's layout: data_source, prompt (chat messages), ability, reward_model {style, ground_truth}, extra_info {split, index, step, prompt_index, truth, …}`],
      ...(manifest.rows.test > 0 ? [["data/test.parquet", `${manifest.rows.test} evaluation prompts (${manifest.evals!.data.join("; ")}), graded by math against the ground truth`] as const] : []),
      ["reward.py", `the reward \`${manifest.reward}\` compiled to Python (standard library only; Math-Verify is used for what rlx's own grader hands to a CAS when it is importable). \`compute_score\` returns {"score": reward, "accuracy": math against the ground truth${tracks}} and prints per-step \`rlx-metrics\` lines`],
      ["run.sh", "the launch command: `python3 -m verl.trainer.main_ppo` with one Hydra override per setting"],
      [MANIFEST_FILE, "the same settings, the field mapping and the notes, as data"],
    ],
    launch: [
      "On a machine with the GPUs and verl:",
      "",
      "```sh",
      "bash run.sh",
      "```",
      "",
      "On a Ray cluster (the directory is uploaded as the job's working directory):",
      "",
      "```sh",
      "ray job submit --address http://HEAD:8265 --working-dir . -- bash run.sh",
      "```",
      "",
      "There the job's working directory is temporary: to keep checkpoints, add `trainer.default_local_dir=/shared/path` after `run.sh`.",
      "",
      `Or let rlx export, launch and follow it: \`rlx run ${exp.run.file} --engine verl${exp.model?.substituted ? ` --model ${exp.model.path}` : ""}\` (add \`--ray ADDRESS\` for a cluster): the log streams into rlx's run view and step metrics go to metrics.jsonl.`,
      "",
      "The data rows are in step order and `data.shuffle=False`, so verl's step t trains on the prompts rlx's step t would; `random(p)` draws at (seed, step, prompt, sample) as in `rlx run`, numbering a prompt's responses in the order the reward process scores them.",
    ],
  });
}
