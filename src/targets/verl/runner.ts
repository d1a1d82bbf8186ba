import { appendFileSync } from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import type { RunEvent } from "../../runtime/executor/events.js";
import type { NodeEvaluator } from "../../runtime/executor/prepare.js";
import { RunDir } from "../../runtime/executor/runDir.js";
import { packageVersion } from "../../util/version.js";
import type { TargetOptions } from "../shared/plan.js";
import { shellCommand } from "../shared/shell.js";
import { safeName } from "../shared/run.js";
import { verlArguments } from "./command.js";
import { exportVerl, planVerl } from "./export.js";
import { parseRewardMetricsLine, parseStepLine } from "./logParser.js";
import { VerlMetrics } from "./metrics.js";

/** How long a stopped engine may take to shut down (Ray, vLLM, checkpoints) before it is killed. */
const STOP_GRACE_MS = 60_000;

/** Why an engine cannot be launched here: said plainly, no stack trace. */
export class EngineUnavailableError extends Error {}

/**
 * Checks that what a launch needs is installed: verl importable by `python3` for a local run, the
 * `ray` command for a job on a Ray cluster. Throws EngineUnavailableError saying what is missing.
 */
export async function checkVerlInstalled(ray: string | null): Promise<void> {
  const needs = "a real verl run needs GPUs and verl (pip install verl, with vLLM)";
  if (ray !== null) {
    const probe = await execa("ray", ["--version"], { reject: false });
    if (probe.failed) throw new EngineUnavailableError(`Ray is not installed here (no 'ray' command on PATH; pip install "ray[default]"): ${needs} on the cluster at ${ray}`);
    return;
  }
  const probe = await execa("python3", ["-c", "import verl"], { reject: false });
  if ((probe as { code?: string }).code === "ENOENT") throw new EngineUnavailableError(`there is no python3 on PATH: ${needs}`);
  if (probe.failed) throw new EngineUnavailableError(`verl is not installed for python3 (import verl failed): ${needs}`);
}

export interface VerlRunRequest {
  readonly graph: GraphDocument;
  readonly run: GraphRun;
  readonly options: TargetOptions;
  /** A Ray dashboard address for `ray job submit`; null: verl on this machine. */
  readonly ray: string | null;
  readonly dir: string;
  readonly evaluator: NodeEvaluator;
  emit(event: RunEvent): void;
  /** The runner registers what each Ctrl-C (SIGINT, SIGTERM) does while the engine runs. */
  onInterrupt(handler: () => void): void;
  /** Whether a Ctrl-C came before the engine started: then it is not started. */
  shouldStop(): boolean;
}

export type EngineOutcome = "completed" | "interrupted" | "failed";

/**
 * `rlx run --engine verl`: exports the run into its run directory, launches verl (or submits it to
 * Ray) with execa, streams its log into the run view (and engine.log), turns its step lines and
 * the reward module's sums into metrics.jsonl and evals.jsonl, and stops it cleanly on Ctrl-C.
 */
export async function runOnVerl(request: VerlRunRequest): Promise<EngineOutcome> {
  const { run, emit } = request;
  // What cannot be exported is said before anything is written.
  planVerl(request.graph, run, request.options);
  const dir = RunDir.create(request.dir);
  const backend = request.ray === null ? "verl (python3 -m verl.trainer.main_ppo)" : `verl via ray job submit to ${request.ray}`;
  emit({ type: "phase", name: `export for verl into ${dir.root}`, cached: false });
  const exported = await exportVerl(request.graph, run, { ...request.options, dir: dir.root, evaluator: request.evaluator });
  const manifest = exported.manifest;
  emit({ type: "start", run: run.name, file: run.file, backend, steps: manifest.steps, runDir: dir.root, resumedFrom: null, trackNames: manifest.tracks, position: null });
  for (const note of manifest.notes) emit({ type: "warning", message: note });

  if (request.shouldStop()) {
    emit({ type: "done", status: "interrupted", step: 0, runDir: dir.root, resumeCommand: null, message: "before verl started" });
    return "interrupted";
  }

  const submission = `rlx-${safeName(run.name)}-${Date.now().toString(36)}`;
  const [file, args] =
    request.ray === null
      ? ["python3", verlArguments(exported.settings, dir.root)]
      : ["ray", ["job", "submit", "--address", request.ray, "--submission-id", submission, "--working-dir", dir.root, "--", "bash", "run.sh"]];
  dir.writeJson("meta.json", { run: run.name, file: run.file, engine: "verl", ray: request.ray, submission: request.ray === null ? null : submission, command: [file, ...args], rlx: packageVersion() });
  emit({ type: "phase", name: `launch ${shellCommand([file, ...args.slice(0, 3)])} …`, cached: false });

  const child = execa(file, args, {
    cwd: dir.root,
    all: true,
    buffer: false,
    reject: false,
    // Its own process group: a terminal's Ctrl-C reaches rlx, which stops the engine once and cleanly.
    detached: true,
    killSignal: "SIGINT",
    forceKillAfterDelay: STOP_GRACE_MS,
    env: { PYTHONUNBUFFERED: "1" },
  });
  let interrupted = false;
  request.onInterrupt(() => {
    if (interrupted) {
      emit({ type: "warning", message: "killing verl" });
      child.kill("SIGKILL");
      return;
    }
    interrupted = true;
    emit({ type: "warning", message: "stopping verl (Ctrl-C again to kill it)" });
    void stop(child, request.ray, submission);
  });

  const metrics = new VerlMetrics(manifest);
  const log = path.join(dir.root, "engine.log");
  let lastStep = 0;
  const lastLines: string[] = [];
  let streamError: string | null = null;
  try {
    for await (const raw of child.iterable({ from: "all" })) handle(String(raw));
  } catch (error) {
    streamError = (error as Error).message.split("\n")[0]!;
  }
  const result = await child;
  for (const row of metrics.finish()) dir.appendJsonl("metrics.jsonl", row);

  const status: EngineOutcome = interrupted ? "interrupted" : result.exitCode === 0 && streamError === null ? "completed" : "failed";
  const why =
    status === "failed"
      ? streamError ??
        `verl exited with ${result.exitCode === undefined ? `signal ${result.signal ?? "?"}` : `status ${result.exitCode}`}${lastLines.length > 0 ? `: ${lastLines.at(-1)}` : ""} (engine.log has its whole output)`
      : null;
  dir.writeJson("summary.json", { status, step: lastStep, engine: "verl", exit_code: result.exitCode ?? null, signal: result.signal ?? null });
  emit({ type: "done", status, step: lastStep, runDir: dir.root, resumeCommand: null, message: why });
  return status;

  /** One line of the engine's output: logged, shown, and read for metrics. */
  function handle(line: string): void {
    appendFileSync(log, `${line}\n`);
    lastLines.push(line);
    if (lastLines.length > 5) lastLines.shift();
    const sums = parseRewardMetricsLine(line);
    if (sums) {
      metrics.reward(sums);
      return;
    }
    emit({ type: "log", source: "verl", line });
    const step = parseStepLine(line);
    if (!step) return;
    const parsed = metrics.step(step);
    for (const row of parsed.rows) dir.appendJsonl("metrics.jsonl", row);
    for (const result of parsed.evals) dir.appendJsonl("evals.jsonl", result);
    if (parsed.evals.length > 0) emit({ type: "eval", results: parsed.evals });
    if (parsed.metrics) {
      lastStep = step.step;
      const remaining = manifest.steps - step.step;
      emit({ type: "step", metrics: parsed.metrics, etaSeconds: step.step > 0 ? (parsed.metrics.wall_s / step.step) * remaining : null });
    }
  }
}

/** Stops a running engine: the Ray job first (ray job submit only follows it), then the local process, with SIGINT. */
async function stop(child: ResultPromise, ray: string | null, submission: string): Promise<void> {
  if (ray !== null) await execa("ray", ["job", "stop", "--address", ray, submission], { reject: false });
  // SIGINT (the killSignal), then SIGKILL if it has not exited after STOP_GRACE_MS.
  child.kill();
}
