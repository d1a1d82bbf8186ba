import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../util/atomicWrite.js";

/**
 * The directory a run writes (docs/architecture.md, "The run directory"):
 *   graph.json      the compiled graph of this run
 *   config.json     the resolved experiment
 *   meta.json       versions, backend, seed, the command
 *   metrics.jsonl   one line per step
 *   evals.jsonl     one line per evaluation result
 *   samples.jsonl   sampled responses with their rewards, per step
 *   checkpoints/    step-NNNNNN/ with weights and optimizer state; latest.json names the newest
 */
export class RunDir {
  constructor(readonly root: string) {}

  static create(root: string): RunDir {
    mkdirSync(path.join(root, "checkpoints"), { recursive: true });
    return new RunDir(root);
  }

  file(name: string): string {
    return path.join(this.root, name);
  }

  writeJson(name: string, value: unknown): void {
    writeFileAtomic(this.file(name), `${JSON.stringify(value, null, 2)}\n`);
  }

  readJson<T>(name: string): T {
    return JSON.parse(readFileSync(this.file(name), "utf8")) as T;
  }

  has(name: string): boolean {
    return existsSync(this.file(name));
  }

  readJsonl<T>(name: string): T[] {
    return readFileSync(this.file(name), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as T);
  }

  appendJsonl(name: string, value: unknown): void {
    appendFileSync(this.file(name), `${JSON.stringify(value)}\n`);
  }

  /**
   * Keeps the lines of a JSONL log up to and including `step` and drops the rest (and a torn last
   * line after a kill): what a resumed run continues from, so the log never holds a step twice.
   */
  truncateJsonl(name: string, step: number): void {
    if (!this.has(name)) return;
    const kept = readFileSync(this.file(name), "utf8")
      .split("\n")
      .filter((line) => {
        if (!line.trim()) return false;
        try {
          return (JSON.parse(line) as { step: number }).step <= step;
        } catch {
          return false;
        }
      });
    writeFileSync(this.file(name), kept.map((l) => `${l}\n`).join(""));
  }

  checkpointDir(step: number): string {
    return path.join(this.root, "checkpoints", `step-${String(step).padStart(6, "0")}`);
  }
}

/** A run's folder inside an invocation's folder: the `/` in a sweep cell's name makes sub-directories. */
export function runFolder(root: string, runName: string): string {
  return path.join(root, ...runName.split("/"));
}

/** `runs/<name>-<yyyymmdd-hhmmss>`, with `/` in sweep cell names kept as sub-directories. */
export function defaultRunRoot(runName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const [head, ...rest] = runName.split("/");
  return path.join("runs", `${head}-${stamp}`, ...rest);
}
