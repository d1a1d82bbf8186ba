import { T } from "../types.js";
import { TINY_ORGANISMS } from "../../core/organisms.js";
import { num } from "../../core/values.js";
import { INT, type BuiltinSpec } from "./spec.js";

export const modelBuiltins: BuiltinSpec[] = [
  {
    name: "tiny",
    category: "model",
    params: [
      { name: "organism", type: T.string, choices: TINY_ORGANISMS, doc: "which prior the pretraining stage gives it" },
      { name: "seed", type: T.number, default: num(0), min: 0, ...INT, doc: "the pretraining seed" },
    ],
    result: T.model,
    doc: "the built-in small transformer, pretrained (and cached) to the organism's prior",
  },
  {
    name: "hf",
    category: "model",
    params: [{ name: "path", type: T.string, doc: "a Hugging Face model id or a local checkpoint directory" }],
    result: T.model,
    doc: "a real checkpoint, for the distributed engines (verl, OpenRLHF)",
  },
];
