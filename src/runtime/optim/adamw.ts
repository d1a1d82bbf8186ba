import * as tf from "@tensorflow/tfjs";
import type { NamedWeights } from "../model/parameters.js";

export interface AdamWOptions {
  readonly beta1: number;
  readonly beta2: number;
  /** Decoupled weight decay (AdamW): p ← p − lr·λ·p, apart from the gradient step. */
  readonly weightDecay: number;
  readonly epsilon?: number;
}

/** Everything an optimizer needs to continue exactly where it stopped: a checkpoint's second half. */
export interface AdamWState {
  /** Updates applied so far (the t of the bias corrections). */
  readonly updates: number;
  readonly firstMoment: NamedWeights;
  readonly secondMoment: NamedWeights;
}

/**
 * Adam with decoupled weight decay, written out (tfjs's AdamOptimizer has no weight decay and no
 * exact way to save and restore its state across backends). One update:
 *   m ← β1·m + (1−β1)·g      v ← β2·v + (1−β2)·g²
 *   p ← p − lr·( m/(1−β1^t) / (√(v/(1−β2^t)) + ε) + λ·p )
 */
export class AdamW {
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  private updates = 0;

  constructor(
    private readonly params: ReadonlyMap<string, tf.Variable>,
    private readonly options: AdamWOptions,
  ) {
    for (const [name, p] of params) {
      // tidy releases the zeros each variable is made from (it keeps variables): dispose() frees all.
      this.m.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
      this.v.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
    }
  }

  get updateCount(): number {
    return this.updates;
  }

  /** Applies one update from gradients keyed by parameter name; a parameter without a gradient is left as it is (no step, no decay), as in torch. */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    this.updates++;
    const { beta1, beta2, weightDecay, epsilon = 1e-8 } = this.options;
    const correction1 = 1 - beta1 ** this.updates;
    const correction2 = 1 - beta2 ** this.updates;
    tf.tidy(() => {
      for (const [name, p] of this.params) {
        const g = grads[name];
        if (!g) continue;
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        const nextM = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const nextV = tf.add(tf.mul(v, beta2), tf.mul(tf.mul(g, g), 1 - beta2));
        const step = tf.div(tf.div(nextM, correction1), tf.add(tf.sqrt(tf.div(nextV, correction2)), epsilon));
        const decayed = weightDecay > 0 ? tf.add(step, tf.mul(p, weightDecay)) : step;
        m.assign(nextM);
        v.assign(nextV);
        p.assign(tf.sub(p, tf.mul(decayed, lr)));
      }
    });
  }

  async state(): Promise<AdamWState> {
    const read = async (moments: Map<string, tf.Variable>) => {
      const out: NamedWeights = {};
      for (const [name, t] of moments) out[name] = (await t.data()) as Float32Array;
      return out;
    };
    return { updates: this.updates, firstMoment: await read(this.m), secondMoment: await read(this.v) };
  }

  load(state: AdamWState): void {
    for (const [moments, saved] of [[this.m, state.firstMoment], [this.v, state.secondMoment]] as const) {
      for (const [name, t] of moments) {
        const data = saved[name];
        if (!data || data.length !== t.size) throw new Error(`optimizer state: '${name}' is missing or has the wrong size`);
        tf.tidy(() => t.assign(tf.tensor(data, t.shape, "float32")));
      }
    }
    this.updates = state.updates;
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
  }
}

/**
 * Scales gradients so their global L2 norm is at most maxNorm (torch's clip_grad_norm_, which the
 * study's trainer uses). Returns the clipped gradients and the norm before clipping. null: no clip.
 */
export function clipGradNorm(grads: tf.NamedTensorMap, maxNorm: number | null): { grads: tf.NamedTensorMap; norm: tf.Scalar } {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.mul(g, g))))) as tf.Scalar;
    const scale = maxNorm === null ? null : tf.minimum(tf.div(maxNorm, tf.add(norm, 1e-6)), 1);
    const clipped: tf.NamedTensorMap = {};
    for (const [name, g] of Object.entries(grads)) clipped[name] = scale === null ? tf.clone(g) : tf.mul(g, scale);
    return { grads: clipped, norm };
  });
}
