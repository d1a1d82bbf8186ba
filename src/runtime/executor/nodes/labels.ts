import type { GraphNode } from "../../../graph/ir.js";
import { extractAnswer, mathEqual } from "../../../reward/math/index.js";
import { hashInts } from "../../../util/prng.js";
import { promptText } from "../../data/prompt.js";
import type { LoadedRows, Row } from "../../data/rows.js";
import { generate } from "../../model/generate.js";
import type { PolicyModel } from "../../model/policy.js";
import { InterruptedError } from "../errors.js";

/** A labelling: row index → label. A row without one is left out of training under that labelling. */
export type Labels = ReadonlyMap<number, string>;

export interface LabelInputs {
  readonly rows: LoadedRows;
  /** `majority_vote` samples from the initial policy. */
  readonly policy?: () => Promise<PolicyModel>;
  /** `incorrect(of)`: the labelling to keep the wrong labels of, and the truth to compare with. */
  readonly of?: Labels;
  readonly truth?: Labels;
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked between sampling calls: a long labelling stops on Ctrl-C too. */
  readonly shouldStop?: () => boolean;
}

/** Runs a `label` node. */
export async function runLabelNode(node: GraphNode, inputs: LabelInputs): Promise<Labels> {
  const method = node.params["method"];
  switch (method) {
    case "ground_truth":
      return new Map(inputs.rows.rows.map((r) => [r.index, r.answer]));
    case "majority_vote":
      return majorityVote(inputs.rows.rows, await inputs.policy!(), {
        k: node.params["k"] as number,
        temperature: node.params["temperature"] as number,
        template: node.params["template"] as string | null,
        maxNewTokens: node.params["max_response_length"] as number,
        seed: hashInts(0x4d414a, Number.parseInt(node.hash.slice(0, 8), 16)),
        onProgress: inputs.onProgress,
        shouldStop: inputs.shouldStop,
      });
    case "incorrect":
      return incorrectLabels(inputs.of!, inputs.truth!);
    default:
      throw new Error(`internal: unknown labelling '${String(method)}'`);
  }
}

/** Prompts per sampling call: progress reports and a bounded batch. */
const PROMPTS_PER_CALL = 32;

/**
 * The most frequent final answer among k samples of the policy per row (answers count as one when
 * `math` finds them equal; a tie goes to the answer seen first). A row none of whose samples has
 * an answer gets no label.
 */
async function majorityVote(
  rows: readonly Row[],
  policy: PolicyModel,
  o: {
    k: number;
    temperature: number;
    template: string | null;
    maxNewTokens: number;
    seed: number;
    onProgress?: ((done: number, total: number) => void) | undefined;
    shouldStop?: (() => boolean) | undefined;
  },
): Promise<Labels> {
  const labels = new Map<number, string>();
  for (let start = 0; start < rows.length; start += PROMPTS_PER_CALL) {
    if (o.shouldStop?.()) throw new InterruptedError();
    const batch = rows.slice(start, start + PROMPTS_PER_CALL);
    const generations = await generate(policy, batch.map((r) => promptText(o.template, r.problem)), {
      samplesPerPrompt: o.k,
      temperature: o.temperature,
      maxNewTokens: o.maxNewTokens,
      seed: o.seed + start,
    });
    batch.forEach((row, i) => {
      const winner = majorityAnswer(generations[i]!.map((g) => extractAnswer(g.text).answer));
      if (winner !== null) labels.set(row.index, winner);
    });
    o.onProgress?.(Math.min(rows.length, start + PROMPTS_PER_CALL), rows.length);
  }
  return labels;
}

/** The answer most answers are equal to (by `math`); null when there is none. */
export function majorityAnswer(answers: readonly (string | null)[]): string | null {
  const clusters: { answer: string; count: number }[] = [];
  for (const answer of answers) {
    if (answer === null || answer.trim() === "") continue;
    const cluster = clusters.find((c) => c.answer === answer || mathEqual(answer, c.answer).equal);
    if (cluster) cluster.count++;
    else clusters.push({ answer, count: 1 });
  }
  let best: { answer: string; count: number } | null = null;
  for (const c of clusters) if (best === null || c.count > best.count) best = c;
  return best?.answer ?? null;
}

/** The labels of `of` that `math` finds different from the truth. */
export function incorrectLabels(of: Labels, truth: Labels): Labels {
  const out = new Map<number, string>();
  for (const [index, label] of of) {
    const gold = truth.get(index);
    if (gold !== undefined && !mathEqual(label, gold).equal) out.set(index, label);
  }
  return out;
}
