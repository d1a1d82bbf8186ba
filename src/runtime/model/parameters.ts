import * as tf from "@tensorflow/tfjs";
import { Rng } from "../random.js";
import type { ModelConfig } from "./config.js";

/** Weights by stable parameter name ("block0.attn.qkv.weight"), row-major: a checkpoint's data. */
export type NamedWeights = Record<string, Float32Array>;

export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** How the initial values are drawn. */
  readonly init: { readonly normal: number } | "zeros" | "ones";
}

/** Every parameter of the model in a fixed order, GPT-2 style initialisation. */
export function parameterSpecs(config: ModelConfig): ParameterSpec[] {
  const d = config.dModel;
  const hidden = d * config.mlpRatio;
  const std = 0.02;
  // Residual-branch outputs are scaled down so the residual stream's variance does not grow with depth.
  const residualStd = std / Math.sqrt(2 * config.nLayers);
  const specs: ParameterSpec[] = [
    { name: "embed.token", shape: [config.vocabSize, d], init: { normal: std } },
    { name: "embed.position", shape: [config.maxLen, d], init: { normal: std } },
  ];
  for (let l = 0; l < config.nLayers; l++) {
    const p = `block${l}`;
    specs.push(
      { name: `${p}.ln1.gain`, shape: [d], init: "ones" },
      { name: `${p}.ln1.bias`, shape: [d], init: "zeros" },
      { name: `${p}.attn.qkv.weight`, shape: [d, 3 * d], init: { normal: std } },
      { name: `${p}.attn.qkv.bias`, shape: [3 * d], init: "zeros" },
      { name: `${p}.attn.out.weight`, shape: [d, d], init: { normal: residualStd } },
      { name: `${p}.attn.out.bias`, shape: [d], init: "zeros" },
      { name: `${p}.ln2.gain`, shape: [d], init: "ones" },
      { name: `${p}.ln2.bias`, shape: [d], init: "zeros" },
      { name: `${p}.mlp.up.weight`, shape: [d, hidden], init: { normal: std } },
      { name: `${p}.mlp.up.bias`, shape: [hidden], init: "zeros" },
      { name: `${p}.mlp.down.weight`, shape: [hidden, d], init: { normal: residualStd } },
      { name: `${p}.mlp.down.bias`, shape: [d], init: "zeros" },
    );
  }
  specs.push(
    { name: "final_ln.gain", shape: [d], init: "ones" },
    { name: "final_ln.bias", shape: [d], init: "zeros" },
    { name: "head.weight", shape: [d, config.vocabSize], init: { normal: std } },
    { name: "head.bias", shape: [config.vocabSize], init: "zeros" },
  );
  return specs;
}

/** Initial values on the host, each parameter from its own stream of the seed (adding one never shifts another). */
export function initialWeights(config: ModelConfig): NamedWeights {
  const weights: NamedWeights = {};
  for (const spec of parameterSpecs(config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    weights[spec.name] =
      spec.init === "zeros" ? new Float32Array(size)
      : spec.init === "ones" ? new Float32Array(size).fill(1)
      : Rng.derive(config.seed, spec.name).normals(size, spec.init.normal);
  }
  return weights;
}

let modelCounter = 0;

/**
 * The trainable variables, keyed by stable name. tfjs variable names are global to the process,
 * so each model's variables carry a unique prefix ("policy3/…"); the map's keys do not.
 */
export function createVariables(config: ModelConfig, weights: NamedWeights): Map<string, tf.Variable> {
  const prefix = `policy${modelCounter++}/`;
  const variables = new Map<string, tf.Variable>();
  for (const spec of parameterSpecs(config)) {
    const initial = tf.tensor(weights[spec.name]!, [...spec.shape], "float32");
    variables.set(spec.name, tf.variable(initial, true, prefix + spec.name));
    initial.dispose();
  }
  return variables;
}

/** Checks that `weights` has exactly the model's parameters with the right sizes; the message names the first mismatch. */
export function checkWeights(config: ModelConfig, weights: NamedWeights): void {
  const specs = parameterSpecs(config);
  for (const spec of specs) {
    const data = weights[spec.name];
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (!data) throw new Error(`weights: missing parameter '${spec.name}'`);
    if (data.length !== size) throw new Error(`weights: '${spec.name}' has ${data.length} values, expected ${size} (shape ${spec.shape.join("×")})`);
  }
  const known = new Set(specs.map((s) => s.name));
  const extra = Object.keys(weights).find((name) => !known.has(name));
  if (extra !== undefined) throw new Error(`weights: unknown parameter '${extra}'`);
}
