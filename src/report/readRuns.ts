import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Value } from "../core/values.js";
import type { GraphDocument } from "../graph/ir.js";
import type { EvalSampleRecord } from "../runtime/executor/evaluation.js";
import type { EvalResult } from "../runtime/executor/events.js";
import { runFolder } from "../runtime/executor/runDir.js";
import { available, unavailable, type Analysis } from "./analysis.js";
import { readJsonFile, readJsonLines, recordProblem } from "./runFiles.js";
import type { CodeFrequencySource, RunLog, RunMeta, SampleRow, StepRow } from "./runLog.js";
import { CODE_MARKER, codeFrequencyTrack } from "./strategy.js";

/** A path that names no run: a message for the user, never a stack trace. */
export class ReportInputError extends Error {}

/**
 * The run directories the arguments name, in order and each once: a run directory itself, or the
 * folder of a sweep (or any several-run invocation), whose summary.json lists its runs.
 */
export function runDirectories(paths: readonly string[]): string[] {
  const dirs = paths.flatMap((p) => {
    if (!existsSync(p)) throw new ReportInputError(`${p} does not exist`);
    if (!statSync(p).isDirectory()) throw new ReportInputError(`${p} is not a directory; rlx report reads run directories (the --out of rlx run)`);
    return existsSync(path.join(p, "meta.json")) ? [p] : sweepRuns(p);
  });
  return [...new Map(dirs.map((d) => [path.resolve(d), d])).values()];
}

/** The runs a sweep's summary.json lists, found where the sweep wrote them (or where it recorded them). */
function sweepRuns(root: string): string[] {
  const summary = readJsonFile(root, "summary.json");
  const runs = summary.ok ? (summary.value as { runs?: unknown }).runs : undefined;
  if (!Array.isArray(runs)) {
    const why = summary.ok ? "its summary.json lists no runs" : summary.reason;
    throw new ReportInputError(`${root} is not an rlx run directory (no meta.json) nor a sweep's folder (${why})`);
  }
  return runs.map((entry: unknown, i) => {
    const problem = recordProblem(entry, { run: "string", dir: "string" });
    if (problem !== null) throw new ReportInputError(`${path.join(root, "summary.json")}: runs[${i}]: ${problem}`);
    const { run, dir } = entry as { run: string; dir: string };
    // A sweep writes each run under its root by name; the recorded dir is relative to where rlx ran.
    const found = [runFolder(root, run), dir].find((d) => existsSync(path.join(d, "meta.json")));
    if (found === undefined) throw new ReportInputError(`${path.join(root, "summary.json")} lists run '${run}' at ${dir}, which holds no run (moved or deleted?)`);
    return found;
  });
}

/** Reads what a run directory holds; a missing or torn log costs only the analyses that need it. */
export function readRunLog(dir: string): RunLog {
  const meta = readMeta(dir);
  const notes: string[] = [];
  const lines = <T>(...args: Parameters<typeof readJsonLines>): Analysis<readonly T[]> => {
    const read = readJsonLines<T>(...args);
    if (read.note !== null) notes.push(read.note);
    return read.rows;
  };
  // Optional files: a missing one says nothing, a torn one gets a note.
  const optional = (name: string) => {
    const read = readJsonFile(dir, name);
    if (!read.ok && existsSync(path.join(dir, name))) notes.push(read.reason);
    return read;
  };
  const summary = optional("summary.json");
  const config = optional("config.json");
  const metrics = lines<StepRow>(dir, "metrics.jsonl", { step: "number" }, "no metrics.jsonl: the run stopped before its first step");
  const noEvaluations = "the run has no evaluations (its experiment has no eval clause, or it stopped before the first)";
  const evals = lines<EvalResult>(dir, "evals.jsonl", { step: "number", data: "string", metric: "string", value: "number" }, `no evals.jsonl: ${noEvaluations}`);
  const evalSamples = lines<EvalSampleRecord>(
    dir,
    "eval_samples.jsonl",
    { step: "number", data: "string", metric: "string", index: "number", response: "string", correct: "boolean" },
    evals.ok ? "no eval_samples.jsonl: no evaluation has a greedy metric (pass@k at temperature 0), whose answers it keeps" : `no eval_samples.jsonl: ${noEvaluations}`,
  );
  return {
    dir,
    meta,
    status: summary.ok ? stringField(summary.value, "status") : null,
    failure: summary.ok ? stringField(summary.value, "message") : null,
    reward: config.ok ? stringField(config.value, "reward") : null,
    clipDisabled: config.ok && clipDisabled(config.value),
    metrics,
    evals,
    evalSamples,
    codeFrequency: codeFrequencySource(optional("graph.json"), () => lines<SampleRow>(dir, "samples.jsonl", { step: "number", response: "string" })),
    notes,
  };
}

function clipDisabled(config: unknown): boolean {
  const update = (config as { update?: { clip_low?: unknown; clip_high?: unknown } }).update;
  return update !== undefined && update.clip_low === null && update.clip_high === null;
}

function readMeta(dir: string): RunMeta {
  const meta = readJsonFile(dir, "meta.json");
  if (!meta.ok) throw new ReportInputError(`${dir} is not an rlx run directory: ${meta.reason}`);
  const run = stringField(meta.value, "run");
  if (run === null) throw new ReportInputError(`${dir} is not an rlx run directory: meta.json names no run`);
  const number = (field: string) => {
    const v = (meta.value as Record<string, unknown>)[field];
    return typeof v === "number" ? v : null;
  };
  return { run, file: stringField(meta.value, "file"), seed: number("seed"), steps: number("steps"), backend: stringField(meta.value, "backend") };
}

/**
 * Where the training code frequency comes from: the run's own track when one is exactly the
 * study's `contains("python")` (graph.json keeps each track's expression), else samples.jsonl.
 */
function codeFrequencySource(graph: Analysis<unknown>, readSamples: () => Analysis<readonly SampleRow[]>): Analysis<CodeFrequencySource> {
  const track = graph.ok ? codeFrequencyTrack(trackDefinitions(graph.value)) : null;
  if (track !== null) return available({ kind: "track", track });
  const samples = readSamples();
  if (!samples.ok) return unavailable(`no track is contains("${CODE_MARKER}") and samples.jsonl cannot be counted instead (${samples.reason})`);
  return available({ kind: "samples", samples: samples.value });
}

/** The tracked expressions of a run's graph.json, or none when it does not have the graph's shape. */
function trackDefinitions(graph: unknown): { name: string; expression: Value }[] {
  const nodes = (graph as Partial<GraphDocument>).nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.filter((n) => n?.kind === "track").flatMap((n) => {
    const tracks = (n.params as { tracks?: unknown } | undefined)?.tracks;
    return Array.isArray(tracks) ? (tracks as { name: string; expression: Value }[]) : [];
  });
}

function stringField(value: unknown, field: string): string | null {
  const v = (value as Record<string, unknown> | null)?.[field];
  return typeof v === "string" ? v : null;
}
