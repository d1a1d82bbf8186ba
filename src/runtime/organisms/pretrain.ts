import * as tf from "@tensorflow/tfjs";
import { epochBatches } from "../batches.js";
import type { ModelConfig } from "../model/config.js";
import type { NamedWeights } from "../model/parameters.js";
import { PolicyModel } from "../model/policy.js";
import { AdamW } from "../optim/adamw.js";
import { learningRate } from "../optim/schedule.js";
import { trainStep } from "../optim/trainStep.js";
import { PAD } from "../tokenizer.js";
import { type CorpusExample, pretrainingCorpus } from "./corpus.js";
import type { OrganismName } from "../../core/organisms.js";
import { ORGANISMS } from "./organisms.js";
import { yieldToEventLoop } from "../../util/yieldToEventLoop.js";

/**
 * How a built-in organism is pretrained: supervised next-token training on its corpus. Part of
 * every pretrained checkpoint's identity: shipped weights record the recipe they were made with,
 * and are used only while it is this one.
 */
export interface PretrainRecipe {
  readonly steps: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly warmupSteps: number;
  readonly weightDecay: number;
  /** Distinct training problems in the corpus. */
  readonly problems: number;
  readonly difficulty: number;
  readonly model: Partial<ModelConfig>;
}

export const PRETRAIN_RECIPE: PretrainRecipe = {
  steps: 3000,
  batchSize: 64,
  lr: 2e-3,
  warmupSteps: 100,
  weightDecay: 0.01,
  problems: 12000,
  difficulty: 2,
  model: {},
};

export interface PretrainProgress {
  readonly step: number;
  readonly steps: number;
  readonly loss: number;
}

/**
 * Pretrains organism `name` from initial weights seeded by `seed`. Deterministic: the same recipe,
 * seed and backend give the same weights. `onProgress` hears every step's loss; `shouldStop`
 * aborts between steps (returns null then).
 */
export async function pretrain(
  name: OrganismName,
  seed: number,
  recipe: PretrainRecipe = PRETRAIN_RECIPE,
  hooks: { onProgress?: (p: PretrainProgress) => void; shouldStop?: () => boolean } = {},
): Promise<NamedWeights | null> {
  const corpus = pretrainingCorpus(ORGANISMS[name], { problems: recipe.problems, seed, difficulty: recipe.difficulty });
  const model = PolicyModel.create({ ...recipe.model, seed });
  const optimizer = new AdamW(model.variables, { beta1: 0.9, beta2: 0.98, weightDecay: recipe.weightDecay });
  const order = epochBatches(corpus.length, recipe.batchSize, seed);
  try {
    for (let step = 1; step <= recipe.steps; step++) {
      await yieldToEventLoop();
      if (hooks.shouldStop?.()) return null;
      const batch = order(step).map((i) => corpus[i]!);
      const lr = learningRate(step, { lr: recipe.lr, schedule: "cosine", warmupSteps: recipe.warmupSteps, totalSteps: recipe.steps });
      const loss = supervisedStep(model, optimizer, batch, lr);
      hooks.onProgress?.({ step, steps: recipe.steps, loss: await loss });
    }
    return await model.getWeights();
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/** One update on a batch: token-mean cross-entropy of the traces (the prompts are context only). */
async function supervisedStep(model: PolicyModel, optimizer: AdamW, batch: readonly CorpusExample[], lr: number): Promise<number> {
  const { tokens, mask } = packBatch(batch);
  const { loss, gradNorm } = trainStep(
    model.variables,
    optimizer,
    () => {
      const { logProbs } = model.logProbs(tokens, mask);
      return tf.div(tf.neg(tf.sum(logProbs)), tf.sum(mask)) as tf.Scalar;
    },
    { lr, gradClip: 1 },
  );
  const [value] = await loss.data();
  tf.dispose([tokens, mask, loss, gradNorm]);
  return value!;
}

/** Right-padded tokens [B, T] and the mask of the trace tokens (EOS included). */
export function packBatch(batch: readonly CorpusExample[]): { tokens: tf.Tensor2D; mask: tf.Tensor2D } {
  const width = Math.max(...batch.map((e) => e.tokens.length));
  const tokens = new Int32Array(batch.length * width).fill(PAD);
  const mask = new Float32Array(batch.length * width);
  batch.forEach((e, row) => {
    tokens.set(e.tokens, row * width);
    mask.fill(1, row * width + e.responseStart, row * width + e.tokens.length);
  });
  return { tokens: tf.tensor2d(tokens, [batch.length, width], "int32"), mask: tf.tensor2d(mask, [batch.length, width]) };
}
