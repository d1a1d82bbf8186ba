import { T } from "../types.js";
import { bool } from "../../core/values.js";
import type { BuiltinSpec } from "./spec.js";

/**
 * Reward primitives: values over a sampled response. The paper's rewards are defined from these
 * in stdlib/rewards.rlx; the reward runtime implements each one under the same name.
 */
export const rewardBuiltins: BuiltinSpec[] = [
  {
    name: "equals_label",
    category: "reward",
    params: [
      {
        name: "labels",
        type: T.labels,
        optional: true,
        doc: "the labels to grade against; by default the experiment's `labels`",
      },
    ],
    result: T.predicate,
    doc: "1 when the response's final answer (the last \\boxed{}, else the final answer) is mathematically equivalent to the label",
  },
  {
    name: "boxed_count",
    category: "reward",
    params: [],
    result: T.real,
    doc: "how many non-empty \\boxed{} answers the response contains",
  },
  {
    name: "contains",
    category: "reward",
    params: [
      { name: "text", type: T.string, doc: "the substring to look for" },
      { name: "ignore_case", type: T.bool, default: bool(false), doc: "compare case-insensitively" },
    ],
    result: T.predicate,
    doc: "1 when the response contains the text",
  },
  {
    name: "matches",
    category: "reward",
    params: [{ name: "pattern", type: T.string, doc: "a regular expression (JavaScript syntax)" }],
    result: T.predicate,
    doc: "1 when the regular expression matches somewhere in the response",
  },
  {
    name: "random",
    category: "reward",
    params: [{ name: "p", type: T.number, min: 0, max: 1, doc: "the probability of 1" }],
    result: T.predicate,
    doc: "Bernoulli(p), seeded by run seed × step × prompt × sample so a run replays exactly",
  },
  {
    name: "length",
    category: "reward",
    params: [],
    result: T.real,
    doc: "the response's length in characters",
  },
  {
    name: "format",
    category: "reward",
    params: [{ name: "template", type: T.template, doc: "the template whose answer format is expected" }],
    result: T.predicate,
    doc: "1 when the response follows the output format of the template (chat turn end, r1 <think>…</think>)",
  },
  {
    name: "response",
    category: "reward",
    params: [],
    result: T.responseText,
    doc: "the response text",
  },
  {
    name: "label",
    category: "reward",
    params: [],
    result: T.responseText,
    doc: "the label of the prompt the response answers",
  },
];
