import path from "node:path";
import { parseArgs } from "node:util";
import { checkProgram } from "../../check/program.js";
import { buildGraph } from "../../graph/build.js";
import type { GraphRun } from "../../graph/ir.js";
import { type BackendRequest, BackendUnavailableError, selectBackend } from "../../runtime/backend.js";
import { ResultCache } from "../../runtime/executor/cache.js";
import { RunDir, defaultRunRoot, runFolder } from "../../runtime/executor/runDir.js";
import { InterruptedError, RunInputError } from "../../runtime/executor/errors.js";
import { DataError } from "../../runtime/data/rows.js";
import { evaluatorFor, runExperiment } from "../../runtime/executor/runExperiment.js";
import { type RunSummaryRow, summaryRow, summaryTable } from "../../runtime/executor/runsSummary.js";
import { alignColumns } from "../../text/columns.js";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import { openRunOutput } from "../../ui/openRunOutput.js";
import { ExportError } from "../../targets/shared/errors.js";
import { samplesPolicy } from "../../targets/shared/rows.js";
import { checkVerlInstalled, EngineUnavailableError, runOnVerl } from "../../targets/verl/runner.js";
import { reportDiagnostics, UsageError, type Output } from "../output.js";
import { targetOptions } from "./export.js";
import { runInChildren } from "./runJobs.js";

export const runHelp = `rlx run FILE [--steps N] [--backend B] [--run NAME] [--out DIR] [--resume DIR] [--jobs N]
rlx run FILE --engine verl [--ray ADDRESS] [--model PATH]… [--gpus N] [--nodes N] [--tp N] [--eval METRIC]

Checks FILE, compiles it and runs its experiments (and sweep cells) on the local tfjs runtime:
data, labels, the pretrained built-in policy, then GRPO steps with evaluations and checkpoints.
A terminal shows a live view; a pipe, a file or CI gets one plain line per event.

  --steps N        run N steps instead of the experiment's own count
  --backend B      auto (default), node-gpu, node, wasm or cpu; auto takes the fastest available
                   (tfjs-node-gpu, tfjs-node when installed, else wasm); the one used is printed
  --run NAME       run only this experiment or sweep cell (repeatable; default: all)
  --out DIR        the run directory (default runs/<name>-<time>/; with several runs, one folder each)
  --resume DIR     continue the run in DIR after its last checkpoint; the metrics end as an
                   uninterrupted run's would
  --cache DIR      where pretrained models and majority-vote labels are kept (default .rlx-cache)
  --no-cache       neither read nor write that cache
  --jobs N         run up to N runs of a sweep at once, each in its own process (the wasm backend
                   uses one core per run). A terminal shows every run in one view (status,
                   progress, last metrics, evaluations); elsewhere their plain logs are
                   interleaved, each line prefixed with its run's name. Metrics are the same as
                   run one after another.

  --engine E       local (default: the tfjs runtime above) or verl: export the run into its run
                   directory (as rlx export --target verl does, with the same --model, --steps,
                   --gpus, --nodes, --tp and --eval) and launch python3 -m verl.trainer.main_ppo,
                   streaming its log into the view, its step metrics into metrics.jsonl
  --ray ADDRESS    with --engine verl: submit to the Ray cluster at ADDRESS (ray job submit)
                   instead of running verl on this machine

Ctrl-C finishes the current step, writes a checkpoint and exits with status 130, printing the
command that resumes the run; a second Ctrl-C stops at once. With --engine verl, Ctrl-C stops
verl (and the Ray job) cleanly and exits 130; a second Ctrl-C kills it. A real verl run needs
GPUs and verl installed; without verl (or, with --ray, the ray command) rlx says so and exits 1.
Exit status: 0 when every run completed, 1 when one failed, 130 when interrupted.`;

const BACKENDS: readonly BackendRequest[] = ["auto", "node-gpu", "node", "wasm", "cpu"];

export async function runCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      steps: { type: "string" },
      backend: { type: "string", default: "auto" },
      run: { type: "string", multiple: true, default: [] as string[] },
      out: { type: "string" },
      resume: { type: "string" },
      cache: { type: "string", default: ".rlx-cache" },
      "no-cache": { type: "boolean", default: false },
      engine: { type: "string", default: "local" },
      ray: { type: "string" },
      model: { type: "string", multiple: true, default: [] as string[] },
      gpus: { type: "string" },
      nodes: { type: "string" },
      tp: { type: "string" },
      eval: { type: "string" },
      jobs: { type: "string", default: "1" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("rlx run takes exactly one FILE");
  if (values.engine !== "local" && values.engine !== "verl") throw new UsageError(`--engine must be local or verl, not '${values.engine}'`);
  if (values.engine === "verl" && values.jobs !== "1") throw new UsageError("--jobs is for local runs; verl spreads one run over the GPUs it is given");
  if (values.engine === "verl") return runOnEngine(positionals[0]!, values, io);
  const engineOnly = (["ray", "gpus", "nodes", "tp", "eval"] as const).find((o) => values[o] !== undefined) ?? (values.model.length > 0 ? "model" : undefined);
  if (engineOnly) throw new UsageError(`--${engineOnly} is for --engine verl`);
  const backend = values.backend as BackendRequest;
  if (!BACKENDS.includes(backend)) throw new UsageError(`--backend must be one of ${BACKENDS.join(", ")}, not '${values.backend}'`);
  const steps = values.steps === undefined ? null : Number(values.steps);
  if (steps !== null && !(Number.isInteger(steps) && steps >= 1)) throw new UsageError(`--steps must be a positive whole number, not '${values.steps}'`);

  const jobs = Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs must be a positive whole number, not '${values.jobs}'`);
  if (jobs > 1 && values.resume !== undefined) throw new UsageError("--jobs runs several runs; --resume continues one");

  const file = positionals[0]!;
  const program = checkProgram([file]);
  if (reportDiagnostics(io, program.diagnostics, program.files.length, true)) return 1;
  const graph = buildGraph(program, [file]);
  const runs = selectRuns(graph.runs, values.run, values.resume);
  if (runs.length === 0) {
    io.err(`rlx run: ${file} has no experiment to run\n`);
    return 1;
  }
  const root = values.out ?? defaultRunRoot(runs.length === 1 ? runs[0]!.name : path.parse(file).name);
  if (jobs > 1 && runs.length > 1) {
    const childArgs = ["--backend", backend, ...(steps === null ? [] : ["--steps", String(steps)]), ...(values["no-cache"] ? ["--no-cache"] : ["--cache", values.cache])];
    return finishRuns(file, root, true, await runInChildren({ file, runs, root, jobs, childArgs, io }), io);
  }

  let selected;
  try {
    selected = await selectBackend(backend);
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    io.err(`rlx run: ${error.message}\n`);
    return 1;
  }

  const output = openRunOutput();
  // The first Ctrl-C is reported in the run's own view (a stderr line would tear an Ink frame).
  const stop = interruptHandler((message) => output.push({ type: "warning", message }), io);
  const cache = new ResultCache(values["no-cache"] ? null : values.cache);
  const evaluator = evaluatorFor(graph, cache, (event) => output.push(event), stop.requested);
  const summaries: RunSummaryRow[] = [];
  try {
    for (const [i, run] of runs.entries()) {
      const outcome = await runExperiment({
        graph,
        run,
        ...(runs.length > 1 ? { position: { index: i + 1, total: runs.length } } : {}),
        backend: selected,
        steps,
        dir: runs.length === 1 ? root : runFolder(root, run.name),
        resume: values.resume ?? null,
        resumeCommand: (dir) => ["rlx run", file, "--resume", dir, ...(backend === "auto" ? [] : ["--backend", backend])].join(" "),
        evaluator,
        emit: (event) => output.push(event),
        shouldStop: stop.requested,
      });
      summaries.push(summaryRow(run.name, outcome));
      if (outcome.status !== "completed") break;
    }
  } catch (error) {
    if (!(error instanceof RunInputError)) throw error;
    io.err(`rlx run: ${error.message}\n`);
    return 1;
  } finally {
    await output.done();
    stop.dispose();
  }
  return finishRuns(file, root, runs.length > 1, summaries, io);
}

/** The exit status of an invocation; several runs (a sweep) also get their results side by side, on screen and in the invocation's folder. */
function finishRuns(file: string, root: string, several: boolean, summaries: readonly RunSummaryRow[], io: Output): number {
  if (several) {
    writeFileAtomic(path.join(root, "summary.json"), `${JSON.stringify({ file, runs: summaries }, null, 2)}\n`);
    io.out(`\n${alignColumns(summaryTable(summaries)).join("\n")}\nsummary: ${path.join(root, "summary.json")}\n`);
  }
  const statuses = summaries.map((s) => s.status);
  return statuses.includes("failed") ? 1 : statuses.includes("interrupted") ? 130 : 0;
}

/** The runs to execute: those named with --run, the one a resumed directory holds, or all. */
function selectRuns(all: readonly GraphRun[], names: readonly string[], resume: string | undefined): GraphRun[] {
  if (resume !== undefined) {
    const dir = new RunDir(resume);
    if (!dir.has("meta.json")) throw new UsageError(`${resume} is not an rlx run directory (no meta.json)`);
    const { run, file } = dir.readJson<{ run: string; file: string }>("meta.json");
    if (!all.some((r) => r.name === run)) throw new UsageError(`${resume} holds a run of '${run}' from ${file}, which this file does not define`);
    names = [run];
  }
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const run = all.find((r) => r.name === name);
    if (!run) throw new UsageError(`no run named '${name}' (runs: ${all.map((r) => r.name).join(", ")})`);
    return run;
  });
}

/** First Ctrl-C (or SIGTERM): stop after the current step and its checkpoint. Second: stop now. */
function interruptHandler(report: (message: string) => void, io: Output): { requested: () => boolean; dispose: () => void } {
  let requested = false;
  const onSignal = () => {
    if (requested) {
      io.err("\nrlx run: stopped at once; the run resumes from its last checkpoint\n");
      process.exit(130);
    }
    requested = true;
    report("stopping after this step and its checkpoint (Ctrl-C again to stop at once)");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    requested: () => requested,
    dispose: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** `rlx run FILE --engine verl`: each run exported into its run directory and trained by verl. */
async function runOnEngine(
  file: string,
  values: { steps?: string; run: string[]; out?: string; resume?: string; cache: string; "no-cache": boolean; ray?: string; model: string[]; gpus?: string; nodes?: string; tp?: string; eval?: string },
  io: Output,
): Promise<number> {
  if (values.resume !== undefined) throw new UsageError("--resume is for local runs; verl resumes from its own checkpoints (trainer.resume_mode)");
  const options = targetOptions(values);
  const ray = values.ray ?? null;
  const program = checkProgram([file]);
  if (reportDiagnostics(io, program.diagnostics, program.files.length, true)) return 1;
  const graph = buildGraph(program, [file]);
  const runs = selectRuns(graph.runs, values.run, undefined);
  if (runs.length === 0) {
    io.err(`rlx run: ${file} has no experiment to run\n`);
    return 1;
  }
  try {
    await checkVerlInstalled(ray);
  } catch (error) {
    if (!(error instanceof EngineUnavailableError)) throw error;
    io.err(`rlx run: ${error.message}\n`);
    return 1;
  }

  if (runs.some((run) => samplesPolicy(graph, run))) await selectBackend("auto");

  let handler: (() => void) | null = null;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    if (handler) handler();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const output = openRunOutput();
  const evaluator = evaluatorFor(graph, new ResultCache(values["no-cache"] ? null : values.cache), (event) => output.push(event), () => interrupted);
  const root = values.out ?? defaultRunRoot(runs.length === 1 ? runs[0]!.name : path.parse(file).name);
  const statuses: string[] = [];
  try {
    for (const run of runs) {
      if (interrupted) break;
      const dir = runs.length === 1 ? root : runFolder(root, run.name);
      statuses.push(
        await runOnVerl({ graph, run, options, ray, dir, evaluator, emit: (event) => output.push(event), onInterrupt: (h) => (handler = h), shouldStop: () => interrupted }),
      );
      handler = null;
      if (statuses.at(-1) !== "completed") break;
    }
  } catch (error) {
    if (error instanceof InterruptedError) {
      await output.done();
      io.err("rlx run: interrupted before verl started\n");
      return 130;
    }
    if (!(error instanceof ExportError || error instanceof RunInputError || error instanceof DataError)) throw error;
    await output.done();
    io.err(`rlx run: ${error.message}\n`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  await output.done();
  return statuses.includes("failed") ? 1 : statuses.includes("interrupted") || interrupted ? 130 : 0;
}
