import type { GraphDocument, GraphNode } from "../../graph/ir.js";
import type { LoadedRows } from "../data/rows.js";
import { PolicyModel } from "../model/policy.js";
import type { PretrainProgress } from "../organisms/pretrain.js";
import type { ResultCache } from "./cache.js";
import { isDataNode, runDataNode } from "./nodes/data.js";
import { type Labels, runLabelNode } from "./nodes/labels.js";
import { type Policy, type PretrainResult, runInitPolicyNode, runPretrainNode } from "./nodes/policy.js";

export interface PrepareHooks {
  /** A stage that takes noticeable time starts; `cached` when its result is reused. */
  onPhase(name: string, cached: boolean): void;
  onProgress(name: string, done: number, total: number): void;
  shouldStop(): boolean;
}

/**
 * Evaluates the pure nodes before training (data, labels, pretraining, the initial policy), each
 * once per content hash: the runs of a sweep share them in memory, and the costly ones
 * (pretraining, majority-vote labels) are kept on disk in the result cache for later runs.
 */
export class NodeEvaluator {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly byId: ReadonlyMap<string, GraphNode>;

  constructor(
    graph: GraphDocument,
    private readonly cache: ResultCache,
    private readonly hooks: PrepareHooks,
  ) {
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]));
  }

  rows(id: string): Promise<LoadedRows> {
    const node = this.node(id);
    if (!isDataNode(node)) throw new Error(`internal: ${id} is not a data node`);
    return this.once(node, async () => {
      if (node.kind === "load_dataset") this.hooks.onPhase(`data ${node.label}`, false);
      return runDataNode(node, node.inputs["rows"] ? await this.rows(node.inputs["rows"]) : null);
    });
  }

  labels(id: string): Promise<Labels> {
    const node = this.node(id);
    return this.once(node, async () => {
      const rows = await this.rows(node.inputs["rows"]!);
      if (node.params["method"] !== "majority_vote") {
        return runLabelNode(node, {
          rows,
          ...(node.inputs["of"] ? { of: await this.labels(node.inputs["of"]) } : {}),
          ...(node.inputs["truth"] ? { truth: await this.labels(node.inputs["truth"]) } : {}),
        });
      }
      const key = `labels-${node.hash.slice(0, 16)}`;
      const cached = this.cache.readJson<[number, string][]>(key);
      const phase = `labels ${node.label} on ${rows.rows.length} prompts`;
      this.hooks.onPhase(phase, cached !== null);
      if (cached) return new Map(cached);
      const policy = await this.policy(node.inputs["policy"]!);
      let model: PolicyModel | null = null;
      try {
        const labels = await runLabelNode(node, {
          rows,
          policy: async () => (model = PolicyModel.fromWeights(policy.config, policy.weights)),
          onProgress: (done, total) => this.hooks.onProgress(phase, done, total),
          shouldStop: () => this.hooks.shouldStop(),
        });
        this.cache.writeJson(key, [...labels]);
        return labels;
      } finally {
        (model as PolicyModel | null)?.dispose();
      }
    });
  }

  policy(id: string): Promise<Policy> {
    const node = this.node(id);
    return this.once(node, async () => runInitPolicyNode(node, node.inputs["weights"] ? await this.pretrained(node.inputs["weights"]) : null));
  }

  private pretrained(id: string): Promise<PretrainResult> {
    const node = this.node(id);
    return this.once(node, async () => {
      const phase = node.label;
      let announced = false;
      const result = await runPretrainNode(node, this.cache, {
        onProgress: (p: PretrainProgress) => {
          if (!announced) this.hooks.onPhase(phase, false);
          announced = true;
          this.hooks.onProgress(phase, p.step, p.steps);
        },
        shouldStop: () => this.hooks.shouldStop(),
      });
      if (!announced) this.hooks.onPhase(result.source === "shipped" ? `${phase}: weights shipped with rlx` : phase, true);
      return result;
    });
  }

  private node(id: string): GraphNode {
    const node = this.byId.get(id);
    if (!node) throw new Error(`internal: no node ${id}`);
    return node;
  }

  private once<T>(node: GraphNode, compute: () => Promise<T>): Promise<T> {
    let result = this.memo.get(node.hash) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      this.memo.set(node.hash, result);
      // A failed or interrupted node is not remembered: the next run may try again.
      result.catch(() => this.memo.delete(node.hash));
    }
    return result;
  }
}
