import { fileURLToPath } from "node:url";
import { execa, type ResultPromise } from "execa";
import type { GraphRun } from "../../graph/ir.js";
import { RunDir, runFolder } from "../../runtime/executor/runDir.js";
import type { RunOutcome } from "../../runtime/executor/runExperiment.js";
import { type RunSummaryRow, summaryRow } from "../../runtime/executor/runsSummary.js";
import { EVENTS_ENV, parseEventLine } from "../../ui/eventLines.js";
import { openSweepOutput, type SweepOutput } from "../../ui/sweepOutput.js";
import type { Output } from "../output.js";

const RLX_BIN = fileURLToPath(new URL("../../../bin/rlx.js", import.meta.url));

export interface JobsRequest {
  readonly file: string;
  readonly runs: readonly GraphRun[];
  /** The invocation's folder: each run goes to its own folder under it, as in a sequential sweep. */
  readonly root: string;
  readonly jobs: number;
  /** Options every child gets (backend, steps, cache), as `rlx run` arguments. */
  readonly childArgs: readonly string[];
  readonly io: Output;
}

/**
 * `rlx run --jobs N`: the runs of a sweep in N child `rlx run` processes at once, each on one core
 * (the wasm backend is single-threaded). Each child writes its own run folder and reports its
 * events as JSON lines; a terminal shows every run in one sweep view, anything else gets each
 * run's plain log prefixed with its name. Pretrained models and labels are shared through the
 * result cache. A signal stops the children as Ctrl-C stops one run: the first finishes each
 * child's step and checkpoint and starts no further run, the second stops them at once.
 */
export async function runInChildren(request: JobsRequest): Promise<RunSummaryRow[]> {
  const { runs, io } = request;
  const rows: (RunSummaryRow | null)[] = runs.map(() => null);
  const running = new Set<ResultPromise>();
  const output = openSweepOutput({ file: request.file, runs: runs.map((r) => r.name), jobs: request.jobs, out: (t) => io.out(t), err: (t) => io.err(t) });
  let signals = 0;
  const onSignal = () => {
    signals += 1;
    if (signals === 1) output.push({ type: "stopping" });
    for (const child of running) child.kill("SIGINT");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let next = 0;
  const worker = async (): Promise<void> => {
    while (signals === 0 && next < runs.length) {
      const index = next++;
      rows[index] = await runChild(request, index, running, output);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(request.jobs, runs.length) }, worker));
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await output.done();
  }
  // A run that Ctrl-C kept from starting counts as interrupted at step 0, so the exit status says 130.
  return rows.map((row, i) => row ?? summaryRow(runs[i]!.name, { status: "interrupted", step: 0, dir: runFolder(request.root, runs[i]!.name) }));
}

async function runChild(request: JobsRequest, index: number, running: Set<ResultPromise>, output: SweepOutput): Promise<RunSummaryRow> {
  const run = request.runs[index]!;
  const dir = runFolder(request.root, run.name);
  output.push({ type: "cell-start", index });
  const child = execa(process.execPath, [RLX_BIN, "run", request.file, "--run", run.name, "--out", dir, ...request.childArgs], {
    reject: false,
    all: true,
    // Its own process group: a terminal's Ctrl-C reaches the children once, through onSignal.
    detached: true,
    env: { [EVENTS_ENV]: "jsonl" },
  });
  running.add(child);
  for await (const line of child.iterable({ from: "all" })) {
    const event = parseEventLine(line);
    output.push(event === null ? { type: "cell-text", index, line } : { type: "cell-event", index, event });
  }
  const { exitCode, signal } = await child;
  running.delete(child);
  const outcome = childOutcome(dir, exitCode === 130 || signal === "SIGINT");
  output.push({ type: "cell-exit", index, status: outcome.status });
  return summaryRow(run.name, outcome);
}

/**
 * How a child's run ended: its summary.json when it wrote one, else interrupted when Ctrl-C
 * stopped it (exit 130, or the signal itself before the child had set up its handler), else failed.
 */
function childOutcome(dir: string, interrupted: boolean): RunOutcome {
  const runDir = new RunDir(dir);
  if (runDir.has("summary.json")) {
    const { status, step } = runDir.readJson<{ status: RunOutcome["status"]; step: number }>("summary.json");
    return { status, step, dir };
  }
  return { status: interrupted ? "interrupted" : "failed", step: 0, dir };
}
