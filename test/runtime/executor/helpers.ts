import { readFileSync } from "node:fs";
import path from "node:path";
import type { ResultPromise } from "execa";
import { checkProgram } from "../../../src/check/program.js";
import { buildGraph } from "../../../src/graph/build.js";
import { selectBackend } from "../../../src/runtime/backend.js";
import { ResultCache } from "../../../src/runtime/executor/cache.js";
import type { RunEvent } from "../../../src/runtime/executor/events.js";
import { evaluatorFor, runExperiment, type RunOutcome } from "../../../src/runtime/executor/runExperiment.js";
import { tempDir } from "../../support/tempDir.js";

export const TINY_RUN = "test/fixtures/runs/tiny_run.rlx";

/** A file of a run directory, as text. */
export function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), "utf8");
}

/** A JSON Lines file of a run directory, one object per line. */
export function jsonl(dir: string, name: string): Record<string, unknown>[] {
  return read(dir, name).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Runs the first experiment of `file` in process on wasm, as `rlx run` would; returns its events too. */
export async function runInProcess(
  file: string,
  options: { dir: string; resume?: string; steps?: number; stopAfter?: number; cache?: string } = { dir: tempDir("rlx-run-") },
): Promise<{ outcome: RunOutcome; events: RunEvent[] }> {
  const backend = await selectBackend("wasm");
  const program = checkProgram([file]);
  if (program.diagnostics.length > 0) throw new Error(`${file} does not check: ${program.diagnostics[0]!.message}`);
  const graph = buildGraph(program, [file]);
  const events: RunEvent[] = [];
  let lastStep = 0;
  const emit = (e: RunEvent) => {
    events.push(e);
    if (e.type === "step") lastStep = e.metrics.step;
  };
  const stop = () => options.stopAfter !== undefined && lastStep >= options.stopAfter;
  const outcome = await runExperiment({
    graph,
    run: graph.runs[0]!,
    backend,
    steps: options.steps ?? null,
    dir: options.dir,
    resume: options.resume ?? null,
    resumeCommand: (dir) => `rlx run ${file} --resume ${dir}`,
    evaluator: evaluatorFor(graph, new ResultCache(options.cache ?? null), emit, stop),
    emit,
    shouldStop: stop,
  });
  return { outcome, events };
}

/** Resolves with the first line of a child's standard output that matches; rejects if its output ends first. */
export function waitForLine(child: ResultPromise, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split("\n").find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.stdout!.once("end", () => reject(new Error(`the output ended before a line matching ${pattern}:\n${seen}`)));
  });
}
