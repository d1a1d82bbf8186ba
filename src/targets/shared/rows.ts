import type { GraphDocument, GraphNode, GraphRun } from "../../graph/ir.js";
import { epochBatches } from "../../runtime/batches.js";
import type { Labels } from "../../runtime/executor/nodes/labels.js";
import type { NodeEvaluator } from "../../runtime/executor/prepare.js";
import type { ExportProblem } from "./errors.js";
import type { ExportedRun } from "./run.js";

/** One prompt of an exported data set, with what the reward module needs to score its responses. */
export interface ExportRow {
  readonly split: "train" | "test";
  /** Position in its file: the engines read the rows in this order. */
  readonly index: number;
  /** The training step that draws this prompt (0 for evaluation rows): random(p)'s step coordinate. */
  readonly step: number;
  /** The row's index in its dataset: random(p)'s prompt coordinate, as in `rlx run`. */
  readonly promptIndex: number;
  readonly problem: string;
  /** The label the reward grades against (the ground truth for evaluation rows). */
  readonly label: string;
  readonly truth: string | null;
  /** Labels under the labellings the reward names itself (`labels_1`, …). */
  readonly ports: Readonly<Record<string, string | null>>;
  /** Where the row comes from: `train`, or `eval-K` for the K-th exported evaluation. */
  readonly source: string;
}

export interface ExportData {
  readonly train: readonly ExportRow[];
  readonly test: readonly ExportRow[];
  /** The label ports besides `labels`, in order. */
  readonly ports: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Majority-vote labels are the policy's own answers: rlx samples them from its built-in models
 * only. For a real checkpoint they would have to come from the engine's model, which rlx does not
 * run; they are refused rather than computed from something else.
 */
export function labelProblems(exp: ExportedRun): ExportProblem[] {
  const { plan } = exp;
  const byId = plan.nodes;
  const problems: ExportProblem[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = byId.get(id) ?? exp.graph.nodes.find((n) => n.id === id);
    if (!node) return;
    if (node.params["method"] === "majority_vote") {
      const policy = byId.get(node.inputs["policy"]!) ?? exp.graph.nodes.find((n) => n.id === node.inputs["policy"]);
      if (policy && policy.params["model"] !== "tiny") {
        problems.push({
          field: "labels",
          reason: `${node.label} needs samples of ${policy.label.replace(/^policy /, "")}, and rlx samples only its built-in tiny(...) models; precompute the majority answers (e.g. with vLLM) into a data column and use them as ground_truth`,
        });
      }
    }
    for (const input of ["of", "truth"]) if (node.inputs[input]) visit(node.inputs[input]);
  };
  Object.values(plan.labelPorts).forEach(visit);
  return problems;
}

/** Whether exporting the run samples the built-in policy (majority-vote labels): then it needs a tfjs backend. */
export function samplesPolicy(graph: GraphDocument, run: GraphRun): boolean {
  const ids = new Set(run.nodes);
  return graph.nodes.some((n) => ids.has(n.id) && n.kind === "label" && n.params["method"] === "majority_vote");
}

/** Notes on labels computed by a built-in model standing in for the engine's checkpoint. */
export function labelNotes(exp: ExportedRun): string[] {
  if (!exp.model?.substituted) return [];
  const majority = [...exp.plan.nodes.values()].filter((n: GraphNode) => n.kind === "label" && n.params["method"] === "majority_vote");
  return majority.map((n) => `${n.label} was computed by the experiment's ${exp.model!.written}, not by ${exp.model!.path}, which the engine trains`);
}

/**
 * The training prompts in the order the steps draw them (rlx run's order: the pipeline's order,
 * reshuffled each later epoch), steps × prompts_per_step rows, and the evaluation rows of `evals`.
 */
export async function exportRows(exp: ExportedRun, evaluator: NodeEvaluator, evals: readonly number[]): Promise<{ data: ExportData | null; problems: ExportProblem[] }> {
  const { plan } = exp;
  const labels: Record<string, Labels> = {};
  for (const [port, id] of Object.entries(plan.labelPorts)) labels[port] = await evaluator.labels(id);
  const truth = await evaluator.labels(plan.truth);
  const loaded = await evaluator.rows(plan.rollout.inputs["prompts"]!);
  const usable = loaded.rows.filter((row) => Object.values(labels).every((l) => l.has(row.index)));
  const notes: string[] = [];
  if (loaded.skipped.length > 0) notes.push(`${loaded.skipped.length} malformed data rows were skipped (on_error: "skip")`);
  if (usable.length < loaded.rows.length) notes.push(`${loaded.rows.length - usable.length} of ${loaded.rows.length} prompts have no label under the run's labelling and are left out`);

  const perStep = exp.grpo["prompts_per_step"] as number;
  if (usable.length < perStep) {
    return { data: null, problems: [{ field: "data", reason: `only ${usable.length} prompts have a label, fewer than prompts_per_step (${perStep})` }] };
  }
  const ports = Object.keys(labels).filter((p) => p !== "labels").sort();
  const order = epochBatches(usable.length, perStep, exp.seed, true);
  const train: ExportRow[] = [];
  for (let step = 1; step <= exp.steps; step++) {
    for (const i of order(step)) {
      const row = usable[i]!;
      train.push({
        split: "train",
        index: train.length,
        step,
        promptIndex: row.index,
        problem: row.problem,
        label: labels["labels"]!.get(row.index)!,
        truth: truth.get(row.index) ?? null,
        ports: Object.fromEntries(ports.map((p) => [p, labels[p]!.get(row.index) ?? null])),
        source: "train",
      });
    }
  }

  const test: ExportRow[] = [];
  for (const [k, i] of evals.entries()) {
    const e = plan.evals[i]!;
    const rows = (await evaluator.rows(e.rows)).rows;
    const evalTruth = await evaluator.labels(e.labels);
    for (const row of rows) {
      const answer = evalTruth.get(row.index);
      if (answer === undefined) continue;
      test.push({ split: "test", index: test.length, step: 0, promptIndex: row.index, problem: row.problem, label: answer, truth: answer, ports: {}, source: `eval-${k}` });
    }
  }
  return { data: { train, test, ports, notes }, problems: [] };
}
