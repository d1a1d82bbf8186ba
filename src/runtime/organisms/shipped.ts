import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { contentHash } from "../../util/canonicalJson.js";
import type { NamedWeights } from "../model/parameters.js";
import { readWeightsFile } from "../executor/cache.js";
import type { OrganismName } from "../../core/organisms.js";
import { PRETRAIN_RECIPE, type PretrainRecipe } from "./pretrain.js";
import type { Priors } from "./priors.js";

/**
 * Pretrained organisms ship with rlx (stdlib/models/), because pretraining one takes far longer
 * than an experiment on it. Each weights file has a JSON record beside it saying how it was made;
 * it is used only while that recipe is still the pretraining stage's, else rlx pretrains anew.
 */
export interface ShippedRecord {
  readonly organism: OrganismName;
  readonly seed: number;
  readonly recipe: PretrainRecipe;
  readonly recipeHash: string;
  readonly backend: string;
  readonly seconds: number;
  /** Measured on arith test problems after pretraining, greedy and at temperature 1. */
  readonly priors: { readonly greedy: Priors; readonly sampled: Priors };
  /** Weights after the first probe steps of the recipe: the reproduction test reruns them. */
  readonly probe: { readonly steps: number; readonly checksum: number };
}

export const SHIPPED_DIR = fileURLToPath(new URL("../../../stdlib/models/", import.meta.url));

export function shippedBase(organism: OrganismName, seed: number): string {
  return `${SHIPPED_DIR}tiny-${organism}-seed${seed}`;
}

export function recipeHash(recipe: PretrainRecipe = PRETRAIN_RECIPE): string {
  return contentHash(recipe);
}

/** The shipped weights of an organism and seed, when they were made with the current recipe. */
export function shippedWeights(organism: OrganismName, seed: number): { weights: NamedWeights; record: ShippedRecord } | null {
  const base = shippedBase(organism, seed);
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.rlxt`)) return null;
  const record = JSON.parse(readFileSync(`${base}.json`, "utf8")) as ShippedRecord;
  if (record.recipeHash !== recipeHash()) return null;
  return { weights: readWeightsFile(`${base}.rlxt`), record };
}

/** A cheap fingerprint of weights, stable across runs: a position-weighted sum in float64. */
export function weightsChecksum(weights: NamedWeights): number {
  let sum = 0;
  for (const name of Object.keys(weights).sort()) {
    const data = weights[name]!;
    for (let i = 0; i < data.length; i++) sum += data[i]! * ((i % 97) + 1);
  }
  return sum;
}
