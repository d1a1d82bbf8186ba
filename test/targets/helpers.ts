import { writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { checkProgram } from "../../src/check/program.js";
import { buildGraph } from "../../src/graph/build.js";
import type { GraphDocument } from "../../src/graph/ir.js";
import { rewardModuleSource } from "../../src/targets/python/module.js";
import type { TargetOptions } from "../../src/targets/shared/plan.js";
import { parseModelChoice } from "../../src/targets/shared/run.js";
import { reward } from "../reward/helpers.js";
import { tempDir } from "../support/tempDir.js";

/** A generated reward module (reward `math`) written to a fresh directory; returns its path. */
export function writeMathModule(): string {
  const dir = tempDir("rlx-py-");
  const file = path.join(dir, "reward.py");
  writeFileSync(file, rewardModuleSource({ origin: "a test", reward: { value: reward("math"), text: "math" }, tracks: [], labelPorts: {}, seed: 0 }));
  return file;
}

/**
 * Runs Python code with the module at `modulePath` imported as `m`, feeding `input` as JSON on
 * stdin (`data`); the code prints its result as JSON, which is returned.
 */
export async function withModule<T>(modulePath: string, code: string, input: unknown): Promise<T> {
  const script = [
    "import importlib.util, json, sys",
    `spec = importlib.util.spec_from_file_location("m", ${JSON.stringify(modulePath)})`,
    "m = importlib.util.module_from_spec(spec)",
    "spec.loader.exec_module(m)",
    "data = json.load(sys.stdin)",
    code,
  ].join("\n");
  const { stdout } = await execa("python3", ["-c", script], { input: JSON.stringify(input), env: { RLX_METRICS: "0" } });
  return JSON.parse(stdout) as T;
}

/** A checked, compiled file; throws with the first diagnostic when it does not check. */
export function compiled(file: string): GraphDocument {
  const program = checkProgram([file]);
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]!.message}`);
  return buildGraph(program, [file]);
}

/** The options the examples are exported with: each built-in organism stands for the model family the study pairs it with. */
export const EXAMPLE_OPTIONS: TargetOptions = {
  models: parseModelChoice(["code-prior=Qwen/Qwen2.5-Math-7B", "no-code=meta-llama/Llama-3.1-8B", "bad-code=Qwen/Qwen2.5-7B"]),
  steps: null,
  eval: "pass@1",
  cluster: { gpus: 8, nodes: 1, tensorParallel: 1 },
};
