import type { Value } from "../../../core/values.js";
import type { GraphNode } from "../../../graph/ir.js";
import { loadSource, type SourceParams } from "../../data/load.js";
import type { LoadedRows } from "../../data/rows.js";
import { applyStage, type Stage } from "../../data/stages.js";

const STAGE_KINDS = new Set(["filter", "shuffle", "take", "skip", "sample", "split"]);

export function isDataNode(node: GraphNode): boolean {
  return node.kind === "load_dataset" || STAGE_KINDS.has(node.kind);
}

/** Runs a data node: a source reads its rows, a stage transforms its input's (skipped rows carry along). */
export async function runDataNode(node: GraphNode, input: LoadedRows | null): Promise<LoadedRows> {
  if (node.kind === "load_dataset") return loadSource(node.params as unknown as SourceParams);
  if (input === null) throw new Error(`internal: stage ${node.id} has no input rows`);
  return { rows: applyStage(stageOf(node), input.rows), skipped: input.skipped };
}

function stageOf(node: GraphNode): Stage {
  const p = node.params as Record<string, unknown>;
  switch (node.kind) {
    case "filter":
      return { kind: "filter", condition: p["condition"] as Value };
    case "shuffle":
      return { kind: "shuffle", seed: p["seed"] as number };
    case "take":
    case "skip":
      return { kind: node.kind, n: p["n"] as number };
    case "sample":
      return { kind: "sample", n: p["n"] as number, seed: p["seed"] as number };
    case "split": {
      const part = p["train"] !== undefined && p["train"] !== null ? "train" : "test";
      return { kind: "split", part, fraction: p[part] as number, seed: p["seed"] as number };
    }
    default:
      throw new Error(`internal: '${node.kind}' is not a data node`);
  }
}
