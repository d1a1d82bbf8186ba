import { printValue } from "../core/printValue.js";
import type { Program } from "../check/program.js";
import type { ResolvedExperiment } from "../check/resolved.js";
import { constantJson, unref, type Value } from "../core/values.js";
import { contentHash } from "../util/canonicalJson.js";
import { GRAPH_FORMAT, type GraphDocument, type GraphEdge, type GraphNode, type GraphRun, type Json, type NodeKind } from "./ir.js";

/** Compiles every experiment and sweep cell of a checked program into one graph; equal nodes are shared. */
export function buildGraph(program: Program, sources: readonly string[]): GraphDocument {
  const builder = new GraphBuilder();
  const runs: GraphRun[] = [];
  for (const experiment of program.experiments) runs.push(builder.run(experiment));
  const sweeps = program.sweeps.map((sweep) => ({
    name: sweep.name,
    base: sweep.base,
    file: sweep.file,
    axes: sweep.axes,
    runs: sweep.cells.map((cell) => {
      runs.push(builder.run(cell));
      return cell.name;
    }),
  }));
  return { format: GRAPH_FORMAT, sources: [...sources], nodes: builder.nodes(), edges: builder.edges(), runs, sweeps };
}

/** Fields of the GRPO configuration each training node depends on. */
const ROLLOUT_FIELDS = ["prompts_per_step", "group_size", "temperature", "top_p", "max_prompt_length", "max_response_length"];
const ADVANTAGE_FIELDS = ["std_norm", "whiten_advantages", "adv_eps"];
const UPDATE_FIELDS = [
  "steps", "mini_batch_size", "epochs", "lr", "lr_schedule", "warmup_steps", "adam_beta1", "adam_beta2", "weight_decay",
  "grad_clip", "clip_low", "clip_high", "kl_coef", "entropy_coef", "loss_agg",
];

const GROUND_TRUTH: Value = { kind: "call", fn: "ground_truth", args: {} };

class GraphBuilder {
  private readonly table = new Map<string, GraphNode>();
  private readonly edgeList: GraphEdge[] = [];
  private readonly edgeKeys = new Set<string>();
  /** The nodes the run being built uses, in the order they were asked for (inputs first). */
  private runNodes: Set<string> = new Set();

  nodes(): GraphNode[] {
    return [...this.table.values()];
  }

  edges(): GraphEdge[] {
    return this.edgeList;
  }

  run(e: ResolvedExperiment): GraphRun {
    this.runNodes = new Set();
    const g = e.grpo;
    const policy = this.model(e.model);
    const prompts = this.dataset(e.data);
    // How a majority vote samples: with the experiment's prompt template and response length.
    const sampling = { template: e.template, max_response_length: g["max_response_length"]! };
    const labels = this.labels(e.labels, prompts, policy, sampling);
    const truth = this.labels(GROUND_TRUTH, prompts, policy, sampling);
    // A reward may grade against a labelling of its own (`equals_label(incorrect(...))`):
    // rollouts then use only the prompts that have a label under every labelling they need.
    const rewardLabelValues = labelValues(e.reward);
    const rewardLabels = rewardLabelValues.map((v) => this.labels(v, prompts, policy, sampling));
    const labelInputs = Object.fromEntries([labels, ...rewardLabels].map((n, i) => [i === 0 ? "labels" : `labels_${i}`, n]));
    // Which input port holds the labelling an `equals_label(labels)` names, keyed by the labelling's content hash.
    const labelPorts = Object.fromEntries(rewardLabelValues.map((v, i) => [labelingKey(v), `labels_${i + 1}`]));

    const rolloutParams = { ...pick(g, ROLLOUT_FIELDS), template: e.template, seed: e.seed };
    const rewardParams = { expression: e.reward as unknown as Json, text: printValue(e.reward), label_ports: labelPorts };
    const advantageParams = pick(g, ADVANTAGE_FIELDS);
    const updateParams = pick(g, UPDATE_FIELDS);
    // Every node of the loop depends on the whole loop: the policy at step t is shaped by all of it.
    const train = contentHash({
      rollout: rolloutParams,
      reward: rewardParams,
      advantage: advantageParams,
      update: updateParams,
      inputs: [policy.hash, prompts.hash, ...Object.values(labelInputs).map((n) => n.hash)],
    });
    const loop = (kind: NodeKind, label: string, params: Record<string, Json>, inputs: Record<string, GraphNode>) =>
      this.add(kind, label, params, inputs, { pure: false, loop: "train", salt: train });

    const rollout = loop("rollout", `rollout G=${g["group_size"]} × ${g["prompts_per_step"]} prompts`, rolloutParams, { policy, prompts, ...labelInputs });
    const reward = loop("reward", `reward ${rewardParams.text}`, rewardParams, { rollout, ...labelInputs });
    const advantage = loop("advantage", g["std_norm"] ? "advantage (r − mean) / (std + ε)" : "advantage r − mean", advantageParams, { rewards: reward });
    const update = loop("policy_update", `GRPO update ${describeClip(g)}`, updateParams, { rollout, advantages: advantage, reference: policy });
    this.edge(update, rollout, "policy", true);

    const tracks = e.tracks.map((t) => ({ name: t.name, expression: t.value as unknown as Json, text: printValue(t.value) }));
    const track = loop("track", `track ${["reward", "accuracy", ...e.tracks.map((t) => t.name)].join(", ")}`, { tracks }, { rollout, rewards: reward, truth });
    const evals = e.evals.map((spec, i) => {
      const rows = this.dataset(spec.data);
      const evalTruth = this.labels(GROUND_TRUTH, rows, policy, sampling);
      const metrics = spec.metrics.map((m) => ({ name: m.name, k: m.k, temperature: m.temperature }));
      const what = spec.metrics.map((m) => `${m.name}@${m.k}`).join(", ");
      const params = { every: spec.every, metrics, max_response_length: g["max_response_length"]!, template: e.template, index: i, data: printValue(spec.data) };
      return loop("eval", `eval ${what} on ${describeData(spec.data)}${spec.every ? ` every ${spec.every} steps` : ""}`, params, { policy: update, rows, labels: evalTruth });
    });
    const checkpoint = loop("checkpoint", `checkpoint every ${e.checkpointEvery} steps`, { every: e.checkpointEvery }, { policy: update });
    const report = loop("report", `report ${e.name}`, { run: e.name }, {
      track,
      checkpoint,
      ...Object.fromEntries(evals.map((n, i) => [`eval_${i}`, n])),
    });

    return {
      name: e.name,
      file: e.file,
      sweep: e.sweep ? { name: e.sweep.sweep, cell: e.sweep.id, bindings: e.sweep.bindings } : null,
      seed: e.seed,
      steps: g["steps"] as number,
      nodes: [...this.runNodes],
      report: report.id,
    };
  }

  private model(value: Value): GraphNode {
    const v = unref(value);
    if (v.kind === "call" && v.fn === "tiny") {
      const organism = constantJson(v.args["organism"]!) as string;
      const seed = constantJson(v.args["seed"]!) as number;
      const weights = this.add("pretrain", `pretrain tiny("${organism}")`, { organism, seed }, {}, { pure: true, loop: null });
      return this.add("init_policy", `policy tiny("${organism}")`, { model: "tiny", organism }, { weights }, { pure: true, loop: null });
    }
    const path = v.kind === "call" ? (constantJson(v.args["path"]!) as string) : printValue(v);
    return this.add("init_policy", `policy hf("${path}")`, { model: "hf", path }, {}, { pure: true, loop: null });
  }

  /** A data source and its stages, one node each, so a shared prefix of two pipelines is one chain. */
  private dataset(value: Value): GraphNode {
    const v = unref(value);
    if (v.kind === "pipeline") {
      let node = this.dataset(v.source);
      for (const stage of v.stages) node = this.stage(stage, node);
      return node;
    }
    if (v.kind !== "call") throw new Error(`internal: a dataset is a call or a pipeline, not ${v.kind}`);
    const params = { source: v.fn, ...argsJson(v.args) };
    return this.add("load_dataset", printValue(v), params, {}, { pure: true, loop: null });
  }

  private stage(value: Value, rows: GraphNode): GraphNode {
    const v = unref(value);
    if (v.kind !== "call") throw new Error(`internal: a stage is a call, not ${v.kind}`);
    if (v.fn === "where") {
      const condition = v.args["condition"]!;
      return this.add("filter", `where ${printValue(condition)}`, { condition: condition as unknown as Json, text: printValue(condition) }, { rows }, { pure: true, loop: null });
    }
    return this.add(v.fn as NodeKind, printValue(v), argsJson(v.args), { rows }, { pure: true, loop: null });
  }

  private labels(value: Value, rows: GraphNode, policy: GraphNode, sampling: Record<string, Json>): GraphNode {
    const v = unref(value);
    if (v.kind !== "call") throw new Error(`internal: labels are a call, not ${v.kind}`);
    switch (v.fn) {
      case "majority_vote":
        return this.add("label", printValue(v), { method: "majority_vote", ...argsJson(v.args), ...sampling }, { rows, policy }, { pure: true, loop: null });
      case "incorrect": {
        const of = this.labels(v.args["of"]!, rows, policy, sampling);
        const truth = this.labels(GROUND_TRUTH, rows, policy, sampling);
        return this.add("label", printValue(v), { method: "incorrect" }, { rows, of, truth }, { pure: true, loop: null });
      }
      default:
        return this.add("label", "ground_truth", { method: "ground_truth" }, { rows }, { pure: true, loop: null });
    }
  }

  private add(
    kind: NodeKind,
    label: string,
    params: Record<string, Json>,
    inputs: Record<string, GraphNode>,
    options: { pure: boolean; loop: "train" | null; salt?: string },
  ): GraphNode {
    const inputHashes = Object.fromEntries(Object.entries(inputs).map(([port, n]) => [port, n.hash]));
    const hash = contentHash({ kind, params, inputs: inputHashes, ...(options.salt ? { loop: options.salt } : {}) });
    const id = `${kind}-${hash.slice(0, 12)}`;
    let node = this.table.get(id);
    if (!node) {
      node = {
        id,
        kind,
        hash,
        label,
        params,
        inputs: Object.fromEntries(Object.entries(inputs).map(([port, n]) => [port, n.id])),
        pure: options.pure,
        loop: options.loop,
      };
      this.table.set(id, node);
      for (const [port, input] of Object.entries(inputs)) this.edge(input, node, port, false);
    }
    for (const input of Object.values(inputs)) this.runNodes.add(input.id);
    this.runNodes.add(id);
    return node;
  }

  private edge(from: GraphNode, to: GraphNode, port: string, loop: boolean): void {
    const key = `${from.id}>${to.id}:${port}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edgeList.push({ from: from.id, to: to.id, port, loop });
  }
}

function pick(config: Record<string, Json>, fields: readonly string[]): Record<string, Json> {
  return Object.fromEntries(fields.map((f) => [f, config[f] ?? null]));
}

function argsJson(args: Readonly<Record<string, Value>>): Record<string, Json> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, constantJson(v) as Json]));
}

/** What identifies a labelling a reward names: the runtime finds its input port by this key. */
export function labelingKey(labels: Value): string {
  return contentHash(unref(labels));
}

/** The labellings a reward names explicitly, each once. */
function labelValues(reward: Value): Value[] {
  const found = new Map<string, Value>();
  const visit = (v: Value): void => {
    switch (v.kind) {
      case "ref":
        return visit(v.value);
      case "call":
        if (v.fn === "equals_label" && v.args["labels"]) found.set(labelingKey(v.args["labels"]), v.args["labels"]);
        return Object.values(v.args).forEach(visit);
      case "op":
        return v.args.forEach(visit);
      case "if":
        return [v.cond, v.then, v.otherwise].forEach(visit);
      default:
        return;
    }
  };
  visit(reward);
  return [...found.values()];
}

function describeClip(g: Record<string, Json>): string {
  const low = g["clip_low"];
  const high = g["clip_high"];
  if (low === null && high === null) return "(no clipping)";
  return `(clip ${low === null ? "−∞" : `1−${low}`} … ${high === null ? "∞" : `1+${high}`})`;
}

function describeData(value: Value): string {
  const text = printValue(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
