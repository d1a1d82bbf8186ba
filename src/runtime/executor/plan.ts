import type { Value } from "../../core/values.js";
import type { GraphDocument, GraphNode, GraphRun, NodeKind } from "../../graph/ir.js";
import type { LossAggregation } from "../grpo/loss.js";
import type { LrSchedule } from "../optim/schedule.js";

/**
 * One run of a compiled graph, read into typed settings: what the local executor needs from the
 * graph, in one place. Nothing here is computed; every value comes from a node's parameters.
 */
export interface RunPlan {
  readonly run: GraphRun;
  readonly graph: GraphDocument;
  /** The run's nodes by id. */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly initPolicy: GraphNode;
  readonly rollout: GraphNode & { readonly params: RolloutParams };
  /** Input port → label node id, for the labellings the rollout needs ("labels", "labels_1", …). */
  readonly labelPorts: Readonly<Record<string, string>>;
  readonly reward: { readonly node: GraphNode; readonly expression: Value; readonly text: string; readonly labelPorts: Readonly<Record<string, string>> };
  readonly advantage: { readonly stdNorm: boolean; readonly whiten: boolean; readonly eps: number };
  readonly update: UpdateParams;
  readonly tracks: readonly { readonly name: string; readonly expression: Value }[];
  /** The ground-truth labelling of the training prompts, for accuracy. */
  readonly truth: string;
  readonly evals: readonly EvalPlan[];
  readonly checkpointEvery: number;
}

export interface RolloutParams {
  readonly prompts_per_step: number;
  readonly group_size: number;
  readonly temperature: number;
  readonly top_p: number;
  readonly max_prompt_length: number;
  readonly max_response_length: number;
  readonly template: string | null;
  readonly seed: number;
}

export interface UpdateParams {
  readonly steps: number;
  readonly mini_batch_size: number;
  readonly epochs: number;
  readonly lr: number;
  readonly lr_schedule: LrSchedule;
  readonly warmup_steps: number;
  readonly adam_beta1: number;
  readonly adam_beta2: number;
  readonly weight_decay: number;
  readonly grad_clip: number | null;
  readonly clip_low: number | null;
  readonly clip_high: number | null;
  readonly kl_coef: number;
  readonly entropy_coef: number;
  readonly loss_agg: LossAggregation;
}

export interface EvalPlan {
  readonly node: GraphNode;
  /** The data as written, for tables: `arith(test: 500, seed: 1, difficulty: 2)`. */
  readonly data: string;
  readonly rows: string;
  readonly labels: string;
  readonly every: number | null;
  readonly metrics: readonly { readonly name: string; readonly k: number; readonly temperature: number }[];
  readonly maxResponseLength: number;
  readonly template: string | null;
}

export function runPlan(graph: GraphDocument, run: GraphRun): RunPlan {
  const nodes = new Map(run.nodes.map((id) => [id, graph.nodes.find((n) => n.id === id)!]));
  const only = (kind: NodeKind) => {
    const found = [...nodes.values()].filter((n) => n.kind === kind);
    if (found.length !== 1) throw new Error(`internal: run '${run.name}' has ${found.length} '${kind}' nodes`);
    return found[0]!;
  };
  const rollout = only("rollout") as RunPlan["rollout"];
  const reward = only("reward");
  const track = only("track");
  const p = (n: GraphNode) => n.params as Record<string, unknown>;
  return {
    run,
    graph,
    nodes,
    initPolicy: nodes.get(rollout.inputs["policy"]!)!,
    rollout,
    labelPorts: Object.fromEntries(Object.entries(rollout.inputs).filter(([port]) => port.startsWith("labels"))),
    reward: {
      node: reward,
      expression: p(reward)["expression"] as Value,
      text: p(reward)["text"] as string,
      labelPorts: p(reward)["label_ports"] as Record<string, string>,
    },
    advantage: (() => {
      const a = p(only("advantage"));
      return { stdNorm: a["std_norm"] as boolean, whiten: a["whiten_advantages"] as boolean, eps: a["adv_eps"] as number };
    })(),
    update: p(only("policy_update")) as unknown as UpdateParams,
    tracks: (p(track)["tracks"] as { name: string; expression: Value }[]).map((t) => ({ name: t.name, expression: t.expression })),
    truth: track.inputs["truth"]!,
    evals: [...nodes.values()]
      .filter((n) => n.kind === "eval")
      .sort((a, b) => (p(a)["index"] as number) - (p(b)["index"] as number))
      .map((n) => ({
        node: n,
        data: p(n)["data"] as string,
        rows: n.inputs["rows"]!,
        labels: n.inputs["labels"]!,
        every: p(n)["every"] as number | null,
        metrics: p(n)["metrics"] as EvalPlan["metrics"],
        maxResponseLength: p(n)["max_response_length"] as number,
        template: p(n)["template"] as string | null,
      })),
    checkpointEvery: p(only("checkpoint"))["every"] as number,
  };
}
