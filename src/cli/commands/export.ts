import path from "node:path";
import { parseArgs } from "node:util";
import { checkProgram } from "../../check/program.js";
import { buildGraph } from "../../graph/build.js";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import { ResultCache } from "../../runtime/executor/cache.js";
import { DataError } from "../../runtime/data/rows.js";
import { InterruptedError } from "../../runtime/executor/errors.js";
import { NodeEvaluator } from "../../runtime/executor/prepare.js";
import { exportOpenRlhf } from "../../targets/openrlhf/export.js";
import { ExportError } from "../../targets/shared/errors.js";
import type { ExportManifest } from "../../targets/shared/manifest.js";
import type { TargetOptions } from "../../targets/shared/plan.js";
import { parseModelChoice, safeName } from "../../targets/shared/run.js";
import { exportVerl } from "../../targets/verl/export.js";
import { samplesPolicy } from "../../targets/shared/rows.js";
import { selectBackend } from "../../runtime/backend.js";
import { reportDiagnostics, UsageError, type Output } from "../output.js";

export const exportHelp = `rlx export FILE --target verl|openrlhf [--out DIR] [--model PATH]… [options]

Writes a complete, self-contained run of each experiment of FILE for a distributed engine:
the training (and evaluation) data in the engine's layout, the reward compiled to a Python
module (standard library only), the launch script and a README. Every GRPO field is mapped to
the engine's setting, or the export stops naming the field and why.

  --target T       verl (python3 -m verl.trainer.main_ppo, Hydra overrides, Parquet data) or
                   openrlhf (python3 -m openrlhf.cli.train_ppo_ray, OpenRLHF >= 0.10 flags, JSONL)
  --out DIR        where to write (default exports/<run>-<target>; with several runs, one folder each)
  --run NAME       export only this experiment or sweep cell (repeatable; default: all)
  --model PATH     the Hugging Face checkpoint to train: every run's model, or with
                   ORGANISM=PATH (code-prior=Qwen/Qwen2.5-Math-7B) the one standing in for a
                   built-in tiny(...) model (repeatable); hf("...") models need none
  --steps N        export N steps instead of the experiment's own count
  --gpus N         GPUs per node (default 8)
  --nodes N        nodes (default 1)
  --tp N           vLLM tensor parallelism per rollout engine (default 1)
  --eval METRIC    the evaluation metric the engine runs during training (pass@1, avg@8…), when
                   the run's metrics need more than one sampling setting; --eval none: no evaluation
  --cache DIR      where majority-vote labels are kept (default .rlx-cache); --no-cache: neither

The engines run on GPUs with their own installation; rlx only writes the files (rlx run FILE
--engine verl launches them). Exit status: 0 when every run was exported, 1 otherwise.`;

const TARGETS = ["verl", "openrlhf"] as const;
type Target = (typeof TARGETS)[number];

export async function exportCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: "string" },
      out: { type: "string" },
      run: { type: "string", multiple: true, default: [] as string[] },
      model: { type: "string", multiple: true, default: [] as string[] },
      steps: { type: "string" },
      gpus: { type: "string", default: "8" },
      nodes: { type: "string", default: "1" },
      tp: { type: "string", default: "1" },
      eval: { type: "string" },
      cache: { type: "string", default: ".rlx-cache" },
      "no-cache": { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError("rlx export takes exactly one FILE");
  if (values.target === undefined) throw new UsageError("--target is required: verl or openrlhf");
  const target = values.target as Target;
  if (!TARGETS.includes(target)) throw new UsageError(`--target must be one of ${TARGETS.join(", ")}, not '${values.target}'`);
  const options = targetOptions(values);

  const file = positionals[0]!;
  const program = checkProgram([file]);
  if (reportDiagnostics(io, program.diagnostics, program.files.length, true)) return 1;
  const graph = buildGraph(program, [file]);
  const runs = selectRuns(graph.runs, values.run);
  if (runs.length === 0) {
    io.err(`rlx export: ${file} has no experiment to export\n`);
    return 1;
  }
  const root = values.out ?? path.join("exports", `${safeName(runs.length === 1 ? runs[0]!.name : path.parse(file).name)}-${target}`);
  const evaluator = progressEvaluator(graph, new ResultCache(values["no-cache"] ? null : values.cache), io);
  if (runs.some((run) => samplesPolicy(graph, run))) {
    const backend = await selectBackend("auto");
    io.err(`majority-vote labels are sampled on ${backend.detail}\n`);
  }
  let failed = false;
  for (const run of runs) {
    const dir = runs.length === 1 ? root : path.join(root, ...run.name.split("/").map(safeName));
    try {
      const written = await exportTo(target, graph, run, { ...options, dir, evaluator });
      io.out(summary(written.manifest, dir));
    } catch (error) {
      if (!(error instanceof ExportError || error instanceof DataError || error instanceof InterruptedError)) throw error;
      io.err(`rlx export: ${error instanceof InterruptedError ? `run '${run.name}': interrupted` : error.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** Exports one run to one target. */
export function exportTo(target: Target, graph: GraphDocument, run: GraphRun, options: TargetOptions & { dir: string; evaluator: NodeEvaluator }) {
  return target === "verl" ? exportVerl(graph, run, options) : exportOpenRlhf(graph, run, options);
}

/** The options shared by `rlx export` and `rlx run --engine`, from parsed flags. */
export function targetOptions(values: { model?: string[]; steps?: string; gpus?: string; nodes?: string; tp?: string; eval?: string }): TargetOptions {
  const whole = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--${name} must be a positive whole number, not '${text}'`);
    return n;
  };
  return {
    models: parseModelChoice(values.model ?? []),
    steps: values.steps === undefined ? null : whole("steps", values.steps, 1),
    eval: values.eval ?? null,
    cluster: { gpus: whole("gpus", values.gpus, 8), nodes: whole("nodes", values.nodes, 1), tensorParallel: whole("tp", values.tp, 1) },
  };
}

function selectRuns(all: readonly GraphRun[], names: readonly string[]): GraphRun[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const run = all.find((r) => r.name === name);
    if (!run) throw new UsageError(`no run named '${name}' (runs: ${all.map((r) => r.name).join(", ")})`);
    return run;
  });
}

/** An evaluator of the graph's pure nodes that reports long stages (majority-vote labelling) on stderr. */
export function progressEvaluator(graph: GraphDocument, cache: ResultCache, io: Output, shouldStop: () => boolean = () => false): NodeEvaluator {
  const shown = new Map<string, number>();
  return new NodeEvaluator(graph, cache, {
    onPhase: (name, cached) => io.err(`${name}${cached ? " (cached)" : ""}\n`),
    onProgress: (name, done, total) => {
      const tenth = Math.floor((10 * done) / total);
      if (shown.get(name) === tenth) return;
      shown.set(name, tenth);
      io.err(`${name}: ${done}/${total}\n`);
    },
    shouldStop,
  });
}

function summary(m: ExportManifest, dir: string): string {
  const data = m.target === "verl" ? ["data/train.parquet", "data/test.parquet"] : ["data/train.jsonl", "data/test.jsonl"];
  return [
    `exported ${m.run} for ${m.target} to ${dir}`,
    `  ${data[0]} (${m.rows.train} prompts: ${m.steps} steps)${m.rows.test > 0 ? `, ${data[1]} (${m.rows.test} prompts)` : ""}, reward.py, run.sh, README.md`,
    ...m.notes.map((n) => `  note: ${n}`),
    `  launch: bash ${path.join(dir, "run.sh")} (needs GPUs and ${m.target === "verl" ? "verl" : "OpenRLHF"} installed)`,
    "",
  ].join("\n");
}
