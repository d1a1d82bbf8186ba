/**
 * The execution graph: what `rlx compile` emits and what the runtimes (local tfjs, verl,
 * OpenRLHF) execute. Nodes are content-addressed: a node's hash covers its kind, its parameters
 * and the hashes of its inputs, so two runs of a sweep that need the same labelling or the same
 * pretraining point at one node, and a cache can key results by it.
 */
export const GRAPH_FORMAT = "rlx.graph/1";

export const NODE_KINDS = [
  "load_dataset",
  "filter",
  "shuffle",
  "take",
  "skip",
  "sample",
  "split",
  "label",
  "pretrain",
  "init_policy",
  "rollout",
  "reward",
  "advantage",
  "policy_update",
  "track",
  "eval",
  "checkpoint",
  "report",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface GraphNode {
  /** `kind-` and the first 12 hex digits of the hash: short, stable, unique in practice. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly hash: string;
  /** A one-line description for people: `arith(train: 4000, seed: 1)`, `reward math`. */
  readonly label: string;
  readonly params: { readonly [key: string]: Json };
  /** Input port → the id of the node that feeds it. */
  readonly inputs: { readonly [port: string]: string };
  /**
   * Pure nodes depend only on their parameters and inputs, so their results may be cached
   * across runs by hash (data, labels, pretraining). Nodes of the training loop are not.
   */
  readonly pure: boolean;
  /** Set on nodes executed once per training step (or every N steps). */
  readonly loop: "train" | null;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  /** The edge that carries the updated policy to the next step's rollout. */
  readonly loop: boolean;
}

export interface GraphRun {
  /** `compound_format_nocode`, or `cross_model/tiny-code-prior__math` for a sweep cell. */
  readonly name: string;
  readonly file: string;
  readonly sweep: { readonly name: string; readonly cell: string; readonly bindings: { readonly [axis: string]: string } } | null;
  readonly seed: number;
  readonly steps: number;
  /** The nodes this run executes, inputs before the nodes that use them. */
  readonly nodes: readonly string[];
  readonly report: string;
}

export interface GraphSweep {
  readonly name: string;
  readonly base: string;
  readonly file: string;
  readonly axes: readonly { readonly path: string; readonly values: readonly string[] }[];
  readonly runs: readonly string[];
}

export interface GraphDocument {
  readonly format: typeof GRAPH_FORMAT;
  /** The entry files compiled, as given. */
  readonly sources: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly runs: readonly GraphRun[];
  readonly sweeps: readonly GraphSweep[];
}
