import type { GraphNode } from "../../../graph/ir.js";
import { type ModelConfig, modelConfig } from "../../model/config.js";
import type { NamedWeights } from "../../model/parameters.js";
import type { OrganismName } from "../../../core/organisms.js";
import { pretrain, PRETRAIN_RECIPE, type PretrainProgress } from "../../organisms/pretrain.js";
import { recipeHash, shippedWeights } from "../../organisms/shipped.js";
import type { ResultCache } from "../cache.js";
import { InterruptedError } from "../errors.js";

/** A policy's identity and weights: what a run starts from, and the reference of the KL term. */
export interface Policy {
  readonly config: ModelConfig;
  readonly weights: NamedWeights;
}

export interface PretrainResult {
  readonly weights: NamedWeights;
  /** Where the weights came from. */
  readonly source: "cache" | "shipped" | "pretrained";
}

/** Runs a `pretrain` node: the disk cache, else the weights shipped with rlx, else pretraining now. */
export async function runPretrainNode(
  node: GraphNode,
  cache: ResultCache,
  hooks: { onProgress?: (p: PretrainProgress) => void; shouldStop?: () => boolean },
): Promise<PretrainResult> {
  const organism = node.params["organism"] as OrganismName;
  const seed = node.params["seed"] as number;
  const key = `pretrain-${node.hash.slice(0, 16)}-${recipeHash().slice(0, 12)}`;
  const cached = cache.readWeights(key);
  if (cached) return { weights: cached, source: "cache" };
  const shipped = shippedWeights(organism, seed);
  if (shipped) return { weights: shipped.weights, source: "shipped" };
  const weights = await pretrain(organism, seed, PRETRAIN_RECIPE, hooks);
  if (weights === null) throw new InterruptedError();
  cache.writeWeights(key, weights);
  return { weights, source: "pretrained" };
}

/** Runs an `init_policy` node. Only the built-in model runs locally: a real checkpoint needs an engine. */
export function runInitPolicyNode(node: GraphNode, pretrained: PretrainResult | null): Policy {
  if (node.params["model"] !== "tiny" || pretrained === null) {
    throw new Error(`internal: init_policy of '${String(node.params["model"])}' cannot run locally`);
  }
  return { config: modelConfig(PRETRAIN_RECIPE.model), weights: pretrained.weights };
}
