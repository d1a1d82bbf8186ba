import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import type { NamedWeights } from "../model/parameters.js";
import { readTensorFile, writeTensorFile } from "./tensorFile.js";

/**
 * Results of pure nodes (pretraining, majority-vote labels) on disk, by key (the node's content
 * hash, plus whatever else the result depends on). A sweep, a rerun, a resumed run and the next
 * experiment on the same model all reuse them. Writes are atomic, so a killed run never leaves a
 * half-written entry that a later run would trust.
 */
export class ResultCache {
  /** dir null: nothing is read or kept. */
  constructor(readonly dir: string | null) {}

  readJson<T>(key: string): T | null {
    const file = this.file(key, "json");
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
  }

  writeJson(key: string, value: unknown): void {
    const file = this.file(key, "json");
    if (file) writeFileAtomic(file, `${JSON.stringify(value)}\n`);
  }

  readWeights(key: string): NamedWeights | null {
    const file = this.file(key, "rlxt");
    return file && existsSync(file) ? readWeightsFile(file) : null;
  }

  writeWeights(key: string, weights: NamedWeights): void {
    const file = this.file(key, "rlxt");
    if (file) writeWeightsFile(file, weights);
  }

  private file(key: string, extension: string): string | null {
    return this.dir === null ? null : path.join(this.dir, `${key}.${extension}`);
  }
}

/** Weights by name in an rlx tensor file (each array flat: the model's parameter specs give shapes). */
export function writeWeightsFile(file: string, weights: NamedWeights): void {
  writeTensorFile(file, Object.fromEntries(Object.entries(weights).map(([name, data]) => [name, { shape: [data.length], data }])));
}

export function readWeightsFile(file: string): NamedWeights {
  return Object.fromEntries(Object.entries(readTensorFile(file)).map(([name, array]) => [name, array.data]));
}
