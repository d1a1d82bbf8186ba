import { T, type Type } from "../types.js";
import { num, str } from "../../core/values.js";
import { INT, type BuiltinSpec, type ParamSpec } from "./spec.js";

/** Column mapping and error policy shared by the file sources. */
const fileParams: ParamSpec[] = [
  { name: "path", type: T.string, file: true, doc: "the file, relative to the .rlx file" },
  { name: "problem", type: T.string, default: str("problem"), doc: "the column holding the problem (dotted for nested: `prompt.0.content`)" },
  { name: "answer", type: T.string, default: str("answer"), doc: "the column holding the answer (verl: `reward_model.ground_truth`)" },
  {
    name: "on_error",
    type: T.string,
    default: str("error"),
    choices: ["error", "skip"],
    doc: "a malformed row stops the run naming file and row (`error`), or is skipped and counted (`skip`)",
  },
];

/** Data sources, pipeline stages and the functions usable on a row. */
export const dataBuiltins: BuiltinSpec[] = [
  {
    name: "arith",
    category: "data",
    params: [
      { name: "train", type: T.number, optional: true, min: 1, ...INT, doc: "this many training problems" },
      { name: "test", type: T.number, optional: true, min: 1, ...INT, doc: "this many held-out test problems (disjoint from train)" },
      { name: "seed", type: T.number, default: num(0), min: 0, ...INT, doc: "the generator's seed" },
      { name: "difficulty", type: T.number, default: num(2), min: 1, max: 5, ...INT, doc: "operand size and number of operations" },
    ],
    exactlyOne: ["train", "test"],
    result: T.dataset,
    doc: "the synthetic arithmetic task, deterministic from its seed",
  },
  { name: "jsonl", category: "data", params: fileParams, result: T.dataset, doc: "rows of a JSON Lines file" },
  { name: "parquet", category: "data", params: fileParams, result: T.dataset, doc: "rows of a Parquet file" },

  {
    name: "where",
    category: "stage",
    params: [{ name: "condition", type: T.rowBool, doc: "keep the rows where this holds" }],
    result: T.stage,
    doc: "keep the rows for which the condition holds",
  },
  {
    name: "shuffle",
    category: "stage",
    params: [{ name: "seed", type: T.number, default: num(0), min: 0, ...INT, doc: "the permutation's seed" }],
    result: T.stage,
    doc: "a seeded permutation of the rows",
  },
  {
    name: "take",
    category: "stage",
    params: [{ name: "n", type: T.number, min: 0, ...INT, doc: "how many rows" }],
    result: T.stage,
    doc: "the first n rows",
  },
  {
    name: "skip",
    category: "stage",
    params: [{ name: "n", type: T.number, min: 0, ...INT, doc: "how many rows" }],
    result: T.stage,
    doc: "all but the first n rows",
  },
  {
    name: "sample",
    category: "stage",
    params: [
      { name: "n", type: T.number, min: 0, ...INT, doc: "how many rows" },
      { name: "seed", type: T.number, default: num(0), min: 0, ...INT, doc: "the sample's seed" },
    ],
    result: T.stage,
    doc: "n rows drawn without replacement",
  },
  {
    name: "split",
    category: "stage",
    params: [
      { name: "train", type: T.number, optional: true, min: 0, max: 1, minExclusive: true, doc: "keep this fraction, the training part" },
      { name: "test", type: T.number, optional: true, min: 0, max: 1, minExclusive: true, doc: "keep this fraction, the held-out part" },
      { name: "seed", type: T.number, default: num(0), min: 0, ...INT, doc: "the split's seed: the same seed gives complementary parts" },
    ],
    exactlyOne: ["train", "test"],
    result: T.stage,
    doc: "a seeded split of the rows; train and test parts with the same seed never overlap",
  },

  {
    name: "len",
    category: "value",
    params: [{ name: "text", type: "string-any", doc: "a string, a row column or the response" }],
    result: (args: readonly Type[]): Type => {
      const arg = args[0];
      return arg?.kind === "scalar" ? { kind: "scalar", base: "number", domain: arg.domain } : T.error;
    },
    doc: "the length of a string in characters",
  },
];

/** The columns a row has inside `where(...)`, after the source's column mapping. */
export const ROW_COLUMNS = ["problem", "answer"] as const;
