import * as tf from "@tensorflow/tfjs";
import { type ModelConfig, modelConfig } from "./config.js";
import { tokenLogProbs, type TokenLogProbs } from "./logProbs.js";
import { checkWeights, createVariables, initialWeights, type NamedWeights, parameterSpecs } from "./parameters.js";
import { type SampleOptions, type SampleResult, sampleSequences } from "./sampling.js";
import { forwardSequences, head } from "./transformer.js";

/**
 * The built-in policy: a small pre-LN decoder-only transformer over the character vocabulary,
 * trainable on every tfjs backend (wasm included). Its parameters are tf.Variables, so
 * `tf.train.adam(lr).minimize(loss, false, [...model.variables.values()])` trains it.
 */
export class PolicyModel {
  private constructor(
    readonly config: ModelConfig,
    /** Trainable parameters by stable name, in a fixed order. */
    readonly variables: ReadonlyMap<string, tf.Variable>,
  ) {}

  /** A freshly initialised model; the initial weights depend only on `config.seed`. */
  static create(overrides: Partial<ModelConfig> = {}): PolicyModel {
    const config = modelConfig(overrides);
    return new PolicyModel(config, createVariables(config, initialWeights(config)));
  }

  /** A model with given weights (a checkpoint), checked against the configuration. */
  static fromWeights(config: ModelConfig, weights: NamedWeights): PolicyModel {
    checkWeights(config, weights);
    return new PolicyModel(config, createVariables(config, weights));
  }

  get parameterCount(): number {
    return parameterSpecs(this.config).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
  }

  /** Logits [B, T, V] for int32 tokens [B, T]; PAD marks padding (left or right). */
  forward(tokens: tf.Tensor2D): tf.Tensor3D {
    return tf.tidy(() => {
      const [batch, time] = tokens.shape;
      return tf.reshape(head(this.variables, forwardSequences(this.variables, this.config, tokens).hidden), [batch, time, this.config.vocabSize]);
    });
  }

  /** Per-token log-probs and entropies of the given tokens, masked; differentiable (see logProbs.ts). */
  logProbs(tokens: tf.Tensor2D, mask: tf.Tensor2D, options: { temperature?: number } = {}): TokenLogProbs {
    return tf.tidy(() => tokenLogProbs(this.variables, this.config, tokens, mask, options.temperature ?? 1));
  }

  /** Samples answers to int-token prompts (each should start with BOS); see sampling.ts. */
  sample(prompts: readonly (readonly number[])[], options: SampleOptions): Promise<SampleResult> {
    return sampleSequences(this.variables, this.config, prompts, options);
  }

  /** A copy of every parameter, by stable name: the data of a checkpoint. */
  async getWeights(): Promise<NamedWeights> {
    const weights: NamedWeights = {};
    for (const [name, variable] of this.variables) weights[name] = (await variable.data()) as Float32Array;
    return weights;
  }

  /** Replaces every parameter (all must be given, with the right sizes). */
  setWeights(weights: NamedWeights): void {
    checkWeights(this.config, weights);
    for (const [name, variable] of this.variables) {
      tf.tidy(() => variable.assign(tf.tensor(weights[name]!, variable.shape, "float32")));
    }
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
  }
}
