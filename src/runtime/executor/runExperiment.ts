import * as tf from "@tensorflow/tfjs";
import type { GraphDocument, GraphRun } from "../../graph/ir.js";
import { packageVersion } from "../../util/version.js";
import type { SelectedBackend } from "../backend.js";
import type { Row } from "../data/rows.js";
import { DataError } from "../data/rows.js";
import { promptText } from "../data/prompt.js";
import { promptTokens } from "../tokenizer.js";
import { type ResultCache } from "./cache.js";
import { type Checkpoint, loadLatestCheckpoint } from "./checkpoints.js";
import type { EvalSet } from "./evaluation.js";
import type { RunEvent } from "./events.js";
import type { Labels } from "./nodes/labels.js";
import { InterruptedError, RunInputError } from "./errors.js";
import { runPlan, type RunPlan } from "./plan.js";
import { NodeEvaluator } from "./prepare.js";
import { RunDir } from "./runDir.js";
import { train } from "./trainer.js";

export interface RunRequest {
  readonly graph: GraphDocument;
  readonly run: GraphRun;
  /** The backend in use, as selectBackend described it. */
  readonly backend: Pick<SelectedBackend, "detail" | "skipped">;
  /** Overrides the experiment's step count. */
  readonly steps: number | null;
  /** Where a new run writes; ignored when resuming. */
  readonly dir: string;
  /** A run directory to continue from its last checkpoint. */
  readonly resume: string | null;
  /** The command that continues this run, printed when it is interrupted. */
  readonly resumeCommand: (dir: string) => string;
  /** Which of the invocation's runs this is, when it runs several. */
  readonly position?: { readonly index: number; readonly total: number };
  /** Shared by the runs of one invocation, so a sweep computes each pure node once (see evaluatorFor). */
  readonly evaluator: NodeEvaluator;
  emit(event: RunEvent): void;
  shouldStop(): boolean;
}

export interface RunOutcome {
  readonly status: "completed" | "interrupted" | "failed";
  readonly step: number;
  readonly dir: string;
}

/** What a run directory records about the run it holds; resuming checks it. */
interface RunMeta {
  readonly run: string;
  readonly file: string;
  /** The report node's hash: it covers every node of the run, so an edited experiment does not match. */
  readonly graphHash: string;
  readonly steps: number;
  readonly seed: number;
  readonly backend: string;
  /** Why faster backends were not used. */
  readonly backendSkipped: readonly string[];
  readonly versions: Readonly<Record<string, string>>;
}

/**
 * Runs one experiment of a compiled graph locally: prepares its inputs (data, labels, the
 * pretrained policy), trains, evaluates and checkpoints, writing everything into its run directory
 * and reporting each event. A resumed run continues after its last checkpoint and ends with the
 * metrics an uninterrupted run would have.
 */
export async function runExperiment(request: RunRequest): Promise<RunOutcome> {
  const { graph, run, emit } = request;
  const plan = runPlan(graph, run);
  const reportHash = graph.nodes.find((n) => n.id === run.report)!.hash;
  const { dir, meta, resume } = openRunDir(request, plan, reportHash);
  emit({ type: "start", run: run.name, file: run.file, backend: request.backend.detail, steps: meta.steps, runDir: dir.root, resumedFrom: resume?.step ?? null, trackNames: plan.tracks.map((t) => t.name), position: request.position ?? null });
  let step = resume?.step ?? 0;
  try {
    const { evaluator } = request;
    const policy = await evaluator.policy(plan.initPolicy.id);
    const labels: Record<string, Labels> = {};
    for (const [port, id] of Object.entries(plan.labelPorts)) labels[port] = await evaluator.labels(id);
    const loaded = await evaluator.rows(plan.rollout.inputs["prompts"]!);
    for (const s of loaded.skipped.slice(0, 3)) emit({ type: "warning", message: `skipped ${s.file}:${s.row}: ${s.reason}` });
    if (loaded.skipped.length > 3) emit({ type: "warning", message: `skipped ${loaded.skipped.length} malformed rows in all` });
    const prompts = trainingPrompts(plan, loaded.rows, labels, policy.config.maxLen, emit);
    const truth = await evaluator.labels(plan.truth);
    const evalSets: EvalSet[] = [];
    for (const e of plan.evals) evalSets.push({ rows: (await evaluator.rows(e.rows)).rows, truth: await evaluator.labels(e.labels) });

    const result = await train({
      plan,
      policy,
      prompts,
      labels,
      truth,
      evalSets,
      steps: meta.steps,
      dir,
      resume,
      emit: (event) => {
        if (event.type === "step") step = event.metrics.step;
        emit(event);
      },
      shouldStop: request.shouldStop,
    });
    step = result.step;
    dir.writeJson("summary.json", summary(dir, result.status, result.step));
    finish(result.status, null);
    return { status: result.status, step, dir: dir.root };
  } catch (error) {
    if (error instanceof InterruptedError) {
      finish("interrupted", "before training started");
      return { status: "interrupted", step, dir: dir.root };
    }
    const message = error instanceof DataError || error instanceof RunInputError ? error.message : `internal error: ${(error as Error).message}`;
    finish("failed", message);
    if (!(error instanceof DataError || error instanceof RunInputError)) throw error;
    // A mistake in the run's input ends it for good: its folder says so and why, for rlx report and a sweep's summary.
    dir.writeJson("summary.json", { ...summary(dir, "failed", step), message });
    return { status: "failed", step, dir: dir.root };
  }

  function finish(status: RunOutcome["status"], message: string | null): void {
    const resumable = status === "interrupted" && dir.has("checkpoints/latest.json");
    emit({ type: "done", status, step, runDir: dir.root, resumeCommand: resumable ? request.resumeCommand(dir.root) : null, message });
  }
}

function openRunDir(request: RunRequest, plan: RunPlan, graphHash: string): { dir: RunDir; meta: RunMeta; resume: Checkpoint | null } {
  const { run } = request;
  if (plan.initPolicy.params["model"] !== "tiny") {
    throw new RunInputError(`${run.name}: the local runtime runs the built-in tiny(...) models; ${plan.initPolicy.label} needs a distributed engine (rlx export --target verl)`);
  }
  if (request.resume === null) {
    const dir = RunDir.create(request.dir);
    const meta: RunMeta = {
      run: run.name,
      file: run.file,
      graphHash,
      steps: request.steps ?? run.steps,
      seed: run.seed,
      backend: request.backend.detail,
      backendSkipped: request.backend.skipped,
      versions: { rlx: packageVersion(), node: process.version, tfjs: tf.version.tfjs },
    };
    dir.writeJson("meta.json", meta);
    dir.writeJson("graph.json", { ...request.graph, runs: [run], sweeps: [], nodes: request.graph.nodes.filter((n) => run.nodes.includes(n.id)), edges: request.graph.edges.filter((e) => run.nodes.includes(e.from) && run.nodes.includes(e.to)) });
    dir.writeJson("config.json", resolvedConfig(plan, meta.steps));
    return { dir, meta, resume: null };
  }
  const dir = new RunDir(request.resume);
  if (!dir.has("meta.json")) throw new RunInputError(`${request.resume} is not an rlx run directory (no meta.json)`);
  const recorded = dir.readJson<RunMeta>("meta.json");
  if (recorded.run !== run.name || recorded.graphHash !== graphHash) {
    throw new RunInputError(`${request.resume} holds a run of '${recorded.run}' compiled from a different experiment than ${run.file} now describes; start a new run instead`);
  }
  const meta = { ...recorded, steps: request.steps ?? recorded.steps };
  const resume = loadLatestCheckpoint(dir);
  const keep = resume?.step ?? -1;
  // Everything logged after the checkpoint is redone by the resumed run, so it is dropped now.
  for (const log of ["metrics.jsonl", "timings.jsonl", "samples.jsonl", "evals.jsonl", "eval_samples.jsonl"]) dir.truncateJsonl(log, keep);
  dir.writeJson("meta.json", meta);
  return { dir, meta, resume };
}

/**
 * The prompts training draws from: rows with a label under every labelling the rollout needs,
 * whose prompt fits max_prompt_length and leaves room for a full response in the model.
 */
function trainingPrompts(plan: RunPlan, rows: readonly Row[], labels: Record<string, Labels>, maxLen: number, emit: (e: RunEvent) => void): Row[] {
  const r = plan.rollout.params;
  const fit = Math.min(r.max_prompt_length, maxLen - r.max_response_length);
  if (fit < 2) throw new RunInputError(`${plan.run.name}: max_response_length ${r.max_response_length} leaves no room for a prompt in the model's ${maxLen} tokens`);
  const labelled = rows.filter((row) => Object.values(labels).every((l) => l.has(row.index)));
  const kept = labelled.filter((row) => promptTokens(promptText(r.template, row.problem)).length <= fit);
  if (labelled.length < rows.length) emit({ type: "warning", message: `${rows.length - labelled.length} of ${rows.length} prompts have no label under the run's labelling and are left out` });
  if (kept.length < labelled.length) emit({ type: "warning", message: `${labelled.length - kept.length} prompts are longer than ${fit} tokens and are left out` });
  if (kept.length < r.prompts_per_step) {
    throw new RunInputError(`${plan.run.name}: only ${kept.length} prompts are usable, fewer than prompts_per_step (${r.prompts_per_step})`);
  }
  return kept;
}

/** The evaluator of an invocation's pure nodes, reporting its phases as run events. */
export function evaluatorFor(graph: GraphDocument, cache: ResultCache, emit: (event: RunEvent) => void, shouldStop: () => boolean): NodeEvaluator {
  const shown = new Map<string, number>();
  return new NodeEvaluator(graph, cache, {
    onPhase: (name, cached) => emit({ type: "phase", name, cached }),
    onProgress: (name, done, total) => {
      // One event per percent at most: the log stays readable, the view stays live.
      const percent = Math.floor((100 * done) / total);
      if (shown.get(name) === percent) return;
      shown.set(name, percent);
      emit({ type: "progress", name, done, total });
    },
    shouldStop,
  });
}

/** The experiment as it runs: every resolved setting, for people and for `rlx report`. */
function resolvedConfig(plan: RunPlan, steps: number): Record<string, unknown> {
  return {
    run: plan.run.name,
    file: plan.run.file,
    seed: plan.run.seed,
    steps,
    model: plan.initPolicy.label,
    reward: plan.reward.text,
    rollout: plan.rollout.params,
    advantage: plan.advantage,
    update: { ...plan.update, steps },
    tracks: plan.tracks.map((t) => t.name),
    evals: plan.evals.map((e) => ({ data: e.data, every: e.every, metrics: e.metrics })),
    checkpoint_every: plan.checkpointEvery,
  };
}

/** The report node's output: how the run ended and its last metrics and evaluations. */
function summary(dir: RunDir, status: string, step: number): Record<string, unknown> {
  const last = <T>(name: string): T[] => (dir.has(name) ? dir.readJsonl<T>(name) : []);
  const metrics = last<Record<string, unknown>>("metrics.jsonl");
  const evals = last<{ step: number }>("evals.jsonl");
  const finalEvalStep = evals.length > 0 ? evals[evals.length - 1]!.step : null;
  return {
    status,
    step,
    // The process's peak resident memory so far (kB on Linux): the wasm heap never shrinks, so this is the run's footprint.
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    final_metrics: metrics[metrics.length - 1] ?? null,
    initial_evals: evals.filter((e) => e.step === 0),
    final_evals: evals.filter((e) => e.step === finalEvalStep),
  };
}
