import * as tf from "@tensorflow/tfjs";
import { shuffled } from "../../util/prng.js";
import type { PolicyModel } from "../model/policy.js";
import type { AdamW } from "../optim/adamw.js";
import { trainStep } from "../optim/trainStep.js";
import { PAD } from "../tokenizer.js";
import { grpoLoss, type LossAggregation } from "./loss.js";
import { promptOf, type Rollout } from "./rollout.js";

export interface UpdateConfig {
  readonly miniBatchSize: number;
  readonly epochs: number;
  readonly clipLow: number | null;
  readonly clipHigh: number | null;
  readonly klCoef: number;
  readonly entropyCoef: number;
  readonly aggregation: LossAggregation;
  readonly gradClip: number | null;
  /** The rollout's sampling temperature: log-probs are scored under the distribution sampled from. */
  readonly temperature: number;
}

export interface UpdateStats {
  readonly updates: number;
  readonly loss: number;
  readonly gradNorm: number;
  readonly clipFracLow: number;
  readonly clipFracHigh: number;
  readonly ratioDeviation: number;
  /** KL(π_θ‖π_ref), k3 estimate per token. */
  readonly kl: number;
  readonly entropy: number;
  /** Tokens through forward and backward passes (prompts included), for throughput. */
  readonly tokens: number;
  readonly seconds: number;
}

/**
 * The policy-update half of a GRPO step: `epochs` passes over the rollout batch in shuffled
 * mini-batches, one optimizer update each. π_old is the sampler's recorded log-probs (the same
 * policy's, up to float rounding; the tests check the agreement), so the first update sees ρ = 1
 * and later ones see how far π_θ has moved: where clipping acts.
 *
 * The reference policy's log-probs are computed for every mini-batch when β > 0; with β = 0 only
 * for the first one, to report KL at a quarter of the cost (an unbiased estimate on its responses).
 * Statistics are token-weighted means over the mini-batches that measured them.
 */
export async function grpoUpdate(
  policy: PolicyModel,
  reference: PolicyModel | null,
  optimizer: AdamW,
  batch: Rollout,
  advantages: ArrayLike<number>,
  config: UpdateConfig,
  options: { lr: number; shuffleSeed: number },
): Promise<UpdateStats> {
  const started = performance.now();
  const rows = Array.from({ length: batch.responses.length }, (_, i) => i);
  const sums = { loss: 0, gradNorm: 0, clipFracLow: 0, clipFracHigh: 0, ratioDeviation: 0, entropy: 0, responseTokens: 0, kl: 0, klTokens: 0, tokens: 0 };
  let updates = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const order = shuffled(rows, options.shuffleSeed + epoch);
    for (let start = 0; start < order.length; start += config.miniBatchSize) {
      const members = order.slice(start, start + config.miniBatchSize);
      const packed = pack(batch, members, advantages);
      const withReference = reference !== null && (config.klCoef > 0 || updates === 0);
      const refLogProbs = withReference ? tf.tidy(() => reference.logProbs(packed.tokens, packed.mask, { temperature: config.temperature }).logProbs) : undefined;
      let kept: tf.NamedTensorMap = {};
      const { loss, gradNorm } = trainStep(
        policy.variables,
        optimizer,
        () => {
          const { logProbs, entropy } = policy.logProbs(packed.tokens, packed.mask, { temperature: config.temperature });
          const { loss: surrogate, stats } = grpoLoss({
            logProbs,
            oldLogProbs: packed.oldLogProbs,
            ...(refLogProbs ? { refLogProbs } : {}),
            advantages: packed.advantages,
            mask: packed.mask,
            clipLow: config.clipLow,
            clipHigh: config.clipHigh,
            klCoef: config.klCoef,
            aggregation: config.aggregation,
          });
          const meanEntropy = tf.div(tf.sum(entropy), tf.maximum(tf.sum(packed.mask), 1)) as tf.Scalar;
          kept = { ...stats, entropy: meanEntropy };
          for (const t of Object.values(kept)) tf.keep(t);
          return config.entropyCoef > 0 ? tf.sub(surrogate, tf.mul(meanEntropy, config.entropyCoef)) : surrogate;
        },
        { lr: options.lr, gradClip: config.gradClip },
      );
      const read = async (t: tf.Tensor) => (await t.data())[0]!;
      const n = packed.responseTokens;
      sums.loss += (await read(loss)) * n;
      sums.gradNorm += (await read(gradNorm)) * n;
      sums.clipFracLow += (await read(kept["clipFracLow"]!)) * n;
      sums.clipFracHigh += (await read(kept["clipFracHigh"]!)) * n;
      sums.ratioDeviation += (await read(kept["meanAbsRatioDeviation"]!)) * n;
      sums.entropy += (await read(kept["entropy"]!)) * n;
      sums.responseTokens += n;
      if (refLogProbs) {
        sums.kl += (await read(kept["kl"]!)) * n;
        sums.klTokens += n;
      }
      sums.tokens += packed.allTokens;
      tf.dispose([loss, gradNorm, ...Object.values(kept), packed.tokens, packed.mask, packed.oldLogProbs, packed.advantages]);
      if (refLogProbs) refLogProbs.dispose();
      updates++;
    }
  }
  const mean = (sum: number, n = sums.responseTokens) => (n === 0 ? 0 : sum / n);
  return {
    updates,
    loss: mean(sums.loss),
    gradNorm: mean(sums.gradNorm),
    clipFracLow: mean(sums.clipFracLow),
    clipFracHigh: mean(sums.clipFracHigh),
    ratioDeviation: mean(sums.ratioDeviation),
    kl: mean(sums.kl, sums.klTokens),
    entropy: mean(sums.entropy),
    tokens: sums.tokens,
    seconds: (performance.now() - started) / 1000,
  };
}

interface PackedBatch {
  /** Prompt then response per row, right-padded: [B, T]. */
  readonly tokens: tf.Tensor2D;
  /** 1 on response tokens. */
  readonly mask: tf.Tensor2D;
  /** The sampler's log-probs, aligned with the response tokens. */
  readonly oldLogProbs: tf.Tensor2D;
  readonly advantages: tf.Tensor1D;
  readonly responseTokens: number;
  readonly allTokens: number;
}

function pack(batch: Rollout, members: readonly number[], advantages: ArrayLike<number>): PackedBatch {
  const sequences = members.map((i) => ({ prompt: promptOf(batch, i).tokens, response: batch.responses[i]! }));
  const width = Math.max(...sequences.map((s) => s.prompt.length + s.response.tokens.length));
  const tokens = new Int32Array(members.length * width).fill(PAD);
  const mask = new Float32Array(members.length * width);
  const old = new Float32Array(members.length * width);
  let responseTokens = 0;
  let allTokens = 0;
  sequences.forEach((s, row) => {
    const offset = row * width;
    tokens.set(s.prompt, offset);
    tokens.set(s.response.tokens, offset + s.prompt.length);
    mask.fill(1, offset + s.prompt.length, offset + s.prompt.length + s.response.tokens.length);
    old.set(s.response.logProbs, offset + s.prompt.length);
    responseTokens += s.response.tokens.length;
    allTokens += s.prompt.length + s.response.tokens.length;
  });
  return {
    tokens: tf.tensor2d(tokens, [members.length, width], "int32"),
    mask: tf.tensor2d(mask, [members.length, width]),
    oldLogProbs: tf.tensor2d(old, [members.length, width]),
    advantages: tf.tensor1d(members.map((i) => advantages[i]!)),
    responseTokens,
    allTokens,
  };
}
