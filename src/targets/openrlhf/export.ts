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
import { openRlhfScript } from "./command.js";
import { openRlhfConfig, type OpenRlhfConfig } from "./config.js";
import { writeOpenRlhfJsonl } from "./data.js";
import { OPENRLHF_FIELDS } from "./fields.js";

export interface OpenRlhfLaunchPlan {
  readonly plan: ExportPlan;
  readonly config: OpenRlhfConfig;
  readonly script: string;
}

/** Plans an OpenRLHF export without touching data, or throws an ExportError naming what cannot be exported. */
export function planOpenRlhf(graph: GraphDocument, run: GraphRun, options: TargetOptions): OpenRlhfLaunchPlan {
  const plan = planExport(graph, run, options, "OpenRLHF");
  const config = openRlhfConfig(plan.exp, { cluster: options.cluster, evals: plan.evals, layout: plan.layout });
  const problems = [...plan.problems, ...config.problems];
  if (problems.length > 0) throw new ExportError(run.name, "OpenRLHF", problems);
  return { plan, config, script: openRlhfScript(config.settings, scriptHeader(run, options.cluster)) };
}

/** Writes a complete OpenRLHF run into `dir`: JSONL data, the reward module, run.sh, README.md and the manifest. */
export async function exportOpenRlhf(
  graph: GraphDocument,
  run: GraphRun,
  options: TargetOptions & { readonly dir: string; readonly evaluator: NodeEvaluator },
): Promise<{ dir: string; settings: readonly Setting[]; manifest: ExportManifest }> {
  const { plan, config, script } = planOpenRlhf(graph, run, options);
  const { data, problems } = await exportRows(plan.exp, options.evaluator, plan.evals?.evals ?? []);
  if (!data) throw new ExportError(run.name, "OpenRLHF", problems);
  const dir = options.dir;
  mkdirSync(path.join(dir, "data"), { recursive: true });
  writeOpenRlhfJsonl(path.join(dir, "data", "train.jsonl"), data.train, plan.layout);
  if (data.test.length > 0) writeOpenRlhfJsonl(path.join(dir, "data", "test.jsonl"), data.test, plan.layout);
  writeExportFile(dir, "reward.py", plan.rewardModule!);
  writeExportFile(dir, "run.sh", script, 0o755);
  const notes = allNotes(plan, config.fields, data);
  const manifest = exportManifest("openrlhf", plan, OPENRLHF_FIELDS, config.settings, data, notes);
  writeExportFile(dir, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  writeExportFile(dir, "README.md", readme(plan, manifest, options.cluster));
  return { dir, settings: config.settings, manifest };
}

function scriptHeader(run: GraphRun, cluster: ClusterOptions): string[] {
  return [
    `GRPO run '${run.name}' of ${run.file}, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).`,
    `Needs OpenRLHF with vLLM installed, a Ray cluster (ray start --head) and ${cluster.nodes} × ${cluster.gpus} GPUs.`,
  ];
}

function readme(plan: ExportPlan, manifest: ExportManifest, cluster: ClusterOptions): string {
  const { exp } = plan;
  return exportReadme({
    engine: "OpenRLHF",
    install: "`pip install openrlhf[vllm]` (0.10 or newer: the namespaced --algo.*/--actor.* flags)",
    manifest,
    plan,
    cluster: `${cluster.nodes} node${cluster.nodes > 1 ? "s" : ""} × ${cluster.gpus} GPUs, as --nodes and --gpus asked`,
    files: [
      ["data/train.jsonl", `${manifest.rows.train} training prompts (${exp.steps} steps × ${exp.grpo["prompts_per_step"]} prompts): \`prompt\` and \`label\`, a JSON string with the label, the ground truth and the row's coordinates`],
      ...(manifest.rows.test > 0 ? [["data/test.jsonl", `${manifest.rows.test} evaluation prompts (${manifest.evals!.data.join("; ")})`] as const] : []),
      ["reward.py", `the reward \`${manifest.reward}\` compiled to Python: \`reward_func(queries, prompts, labels, **kwargs)\` returns rewards, scores and extra_logs (accuracy and each tracked expression)`],
      ["run.sh", "the launch command: `python3 -m openrlhf.cli.train_ppo_ray` with one flag per setting"],
      [MANIFEST_FILE, "the same settings, the field mapping and the notes, as data"],
    ],
    launch: [
      "With a Ray cluster running and OpenRLHF installed:",
      "",
      "```sh",
      "bash run.sh",
      "# or: ray job submit --address http://HEAD:8265 --working-dir . -- bash run.sh",
      "```",
    ],
  });
}
