import type { Value } from "../../../src/core/values.js";
import { labelingKey } from "../../../src/graph/build.js";
import { evaluateRewards } from "../../../src/reward/evaluate.js";
import type { Sample } from "../../../src/reward/types.js";
import { reward } from "../../reward/helpers.js";
import { VECTOR_EXPRESSIONS } from "./expressions.js";
import { RESPONSES } from "./responses.js";

/** One shared test vector: a response, what it is graded against, where random(p) draws, and every expected value. */
export interface RewardVector {
  readonly id: string;
  readonly response: string;
  readonly label: string;
  /** Labels under the labellings the rewards name themselves (majority, incorrect), by port; absent: every labelling reads `label`. */
  readonly labels: Readonly<Record<string, string>> | null;
  /** The ground truth, for accuracy. */
  readonly truth: string;
  readonly seed: number;
  readonly step: number;
  readonly prompt_index: number;
  readonly sample_index: number;
  /** Expression name → value; `accuracy` is math against `truth`. */
  readonly expected: Readonly<Record<string, number>>;
}

export type VectorInput = Omit<RewardVector, "expected">;

const SEEDS = [0, 1, 7, 12345, 2 ** 32 + 5];

/**
 * The vector inputs, deterministically: every (response, label) pair of the bank, then every
 * response once more at other coordinates, some with labels of their own under the majority and
 * incorrect labellings.
 */
export function vectorInputs(): VectorInput[] {
  const out: VectorInput[] = [];
  const add = (caseIndex: number, labelIndex: number, variant: number) => {
    const c = RESPONSES[caseIndex]!;
    const i = out.length;
    const label = c.labels[labelIndex]!;
    const others = c.labels.filter((_, k) => k !== labelIndex);
    const withPorts = i % 3 === 1;
    out.push({
      id: `${c.name} | ${label}${variant > 0 ? ` | variant ${variant}` : ""}`,
      response: c.response,
      label,
      labels: withPorts ? { labels_1: others[0] ?? label, labels_2: others.at(-1) ?? label } : null,
      truth: c.labels[0]!,
      seed: SEEDS[i % SEEDS.length]!,
      step: 1 + ((i * 7) % 300),
      prompt_index: i === 5 ? 2 ** 40 + 3 : (i * 13) % 4000,
      sample_index: (i * 5 + variant) % 16,
    });
  };
  RESPONSES.forEach((c, ci) => c.labels.forEach((_, li) => add(ci, li, 0)));
  RESPONSES.forEach((_, ci) => add(ci, 0, 1));
  return out;
}

/** The checked value of every vector expression, by name. */
export function vectorExpressions(): Map<string, Value> {
  return new Map(Object.entries(VECTOR_EXPRESSIONS).map(([name, text]) => [name, reward(text)]));
}

/** Labelling key → port for the labellings the expressions name (majority_vote(k: 64) → labels_1, incorrect(…) → labels_2). */
export function vectorLabelPorts(expressions: ReadonlyMap<string, Value>): Record<string, string> {
  const ports: Record<string, string> = {};
  const visit = (v: Value): void => {
    if (v.kind === "ref") return visit(v.value);
    if (v.kind === "op") return v.args.forEach(visit);
    if (v.kind === "if") return [v.cond, v.then, v.otherwise].forEach(visit);
    if (v.kind === "call") {
      const labels = v.args["labels"];
      if (v.fn === "equals_label" && labels) {
        const key = labelingKey(labels);
        const isIncorrect = JSON.stringify(labels).includes('"incorrect"');
        ports[key] = isIncorrect ? "labels_2" : "labels_1";
      }
      Object.values(v.args).forEach(visit);
    }
  };
  expressions.forEach(visit);
  return ports;
}

/** The TypeScript engine's value of every expression (and accuracy) on one vector. */
export function typescriptValues(input: VectorInput, expressions: ReadonlyMap<string, Value>, ports: Readonly<Record<string, string>>): Record<string, number> {
  const labels = input.labels;
  const sample: Sample = {
    prompt: "",
    response: input.response,
    label: input.label,
    ...(labels ? { labelFor: (v: Value) => labels[ports[labelingKey(v)] ?? ""] ?? null } : {}),
    seed: input.seed,
    step: input.step,
    promptIndex: input.prompt_index,
    sampleIndex: input.sample_index,
  };
  const values: Record<string, number> = {};
  for (const [name, value] of expressions) values[name] = evaluateRewards(value, [sample])[0]!.value;
  values["accuracy"] = evaluateRewards(expressions.get("math")!, [{ ...sample, label: input.truth }])[0]!.value;
  return values;
}
