import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import type { NamedWeights } from "../model/parameters.js";
import type { AdamWState } from "../optim/adamw.js";
import { readWeightsFile, writeWeightsFile } from "./cache.js";
import type { RunDir } from "./runDir.js";

/** What a run continues from: the policy and the optimizer after a step. */
export interface Checkpoint {
  readonly step: number;
  readonly weights: NamedWeights;
  readonly optimizer: AdamWState;
}

/** Older checkpoints are deleted: the newest two are kept (one may be in the middle of being replaced). */
const KEEP = 2;

/**
 * Writes checkpoints/step-NNNNNN/ (policy.rlxt, optimizer.rlxt, state.json) as a whole: into a
 * temporary directory first, renamed into place once complete, and only then named by
 * latest.json (itself replaced atomically). A kill at any moment leaves the previous checkpoint
 * intact and named. Returns the checkpoint's directory.
 */
export function saveCheckpoint(dir: RunDir, checkpoint: Checkpoint): string {
  const final = dir.checkpointDir(checkpoint.step);
  const partial = `${final}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  writeWeightsFile(path.join(partial, "policy.rlxt"), checkpoint.weights);
  const { firstMoment, secondMoment, updates } = checkpoint.optimizer;
  writeWeightsFile(path.join(partial, "optimizer.rlxt"), {
    ...prefixed("m/", firstMoment),
    ...prefixed("v/", secondMoment),
  });
  writeFileAtomic(path.join(partial, "state.json"), `${JSON.stringify({ step: checkpoint.step, updates })}\n`);
  rmSync(final, { recursive: true, force: true });
  renameSync(partial, final);
  dir.writeJson("checkpoints/latest.json", { step: checkpoint.step, dir: path.basename(final) });
  prune(dir, checkpoint.step);
  return final;
}

/** The checkpoint latest.json names, or null when the run has none. */
export function loadLatestCheckpoint(dir: RunDir): Checkpoint | null {
  if (!dir.has("checkpoints/latest.json")) return null;
  const latest = dir.readJson<{ step: number; dir: string }>("checkpoints/latest.json");
  const folder = path.join(dir.root, "checkpoints", latest.dir);
  const state = dir.readJson<{ step: number; updates: number }>(path.join("checkpoints", latest.dir, "state.json"));
  const moments = readWeightsFile(path.join(folder, "optimizer.rlxt"));
  return {
    step: state.step,
    weights: readWeightsFile(path.join(folder, "policy.rlxt")),
    optimizer: { updates: state.updates, firstMoment: unprefixed("m/", moments), secondMoment: unprefixed("v/", moments) },
  };
}

function prefixed(prefix: string, weights: NamedWeights): NamedWeights {
  return Object.fromEntries(Object.entries(weights).map(([name, data]) => [prefix + name, data]));
}

function unprefixed(prefix: string, weights: NamedWeights): NamedWeights {
  return Object.fromEntries(Object.entries(weights).filter(([name]) => name.startsWith(prefix)).map(([name, data]) => [name.slice(prefix.length), data]));
}

function prune(dir: RunDir, newest: number): void {
  const folder = path.join(dir.root, "checkpoints");
  if (!existsSync(folder)) return;
  const steps = readdirSync(folder)
    .map((name) => /^step-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .filter((s) => s <= newest)
    .sort((a, b) => b - a);
  for (const step of steps.slice(KEEP)) rmSync(dir.checkpointDir(step), { recursive: true, force: true });
}
