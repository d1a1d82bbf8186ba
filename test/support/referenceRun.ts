import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runInProcess, TINY_RUN } from "../runtime/executor/helpers.js";
import { removeTempDirs, tempDir } from "./tempDir.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run directory of a complete, uninterrupted run of TINY_RUN; tests read it and never write into it. */
    referenceRun: string;
  }
}

/**
 * Global setup of the e2e project: trains TINY_RUN once per test run, in process on wasm, for
 * every test that needs a finished run of it (`inject("referenceRun")`). Its teardown fails the
 * test run if a test changed the run directory, then removes it.
 */
export async function setup(project: TestProject): Promise<() => void> {
  const dir = tempDir("rlx-reference-run-");
  try {
    const { outcome } = await runInProcess(TINY_RUN, { dir });
    if (outcome.status !== "completed") throw new Error(`the reference run of ${TINY_RUN} ended ${outcome.status}, not completed`);
  } catch (error) {
    // No teardown follows a failed setup.
    removeTempDirs();
    throw error;
  }
  const before = fingerprint(dir);
  project.provide("referenceRun", dir);
  return () => {
    const after = fingerprint(dir);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    removeTempDirs();
    if (changed.length > 0) throw new Error(`a test changed the shared reference run ${dir}: ${changed.sort().join(", ")}`);
  };
}

/** Every file under `dir`, by its path inside `dir`, with a hash of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex")];
    }),
  );
}
