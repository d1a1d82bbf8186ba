import { T } from "../types.js";
import { num } from "../../core/values.js";
import { INT, type BuiltinSpec } from "./spec.js";

/** Where the labels a reward grades against come from. */
export const labelBuiltins: BuiltinSpec[] = [
  {
    name: "ground_truth",
    category: "labels",
    params: [],
    result: T.labels,
    doc: "the dataset's own answers",
  },
  {
    name: "majority_vote",
    category: "labels",
    params: [
      { name: "k", type: T.number, default: num(64), min: 1, ...INT, doc: "samples per prompt from the initial policy" },
      { name: "temperature", type: T.number, default: num(1), min: 0, minExclusive: true, doc: "sampling temperature" },
    ],
    result: T.labels,
    doc: "the most frequent answer among k samples of the initial policy",
  },
  {
    name: "incorrect",
    category: "labels",
    params: [{ name: "of", type: T.labels, doc: "the labelling to keep the wrong labels of" }],
    result: T.labels,
    doc: "the labels of `of` that disagree with the ground truth; rows where it is right are dropped",
  },
];
