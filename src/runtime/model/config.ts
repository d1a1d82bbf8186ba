import { VOCAB_SIZE } from "../tokenizer.js";

/** Shape of the built-in policy: a small pre-LN decoder-only transformer. */
export interface ModelConfig {
  readonly vocabSize: number;
  readonly dModel: number;
  readonly nLayers: number;
  readonly nHeads: number;
  /** Hidden width of the MLP as a multiple of dModel. */
  readonly mlpRatio: number;
  /** Longest sequence (prompt + response) the learned positional embedding covers. */
  readonly maxLen: number;
  /** Seed of the weight initialisation. */
  readonly seed: number;
}

/** See README "Benchmarks" for why d = 128 (not smaller): measured cost vs capacity. */
export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  vocabSize: VOCAB_SIZE,
  dModel: 128,
  nLayers: 2,
  nHeads: 4,
  mlpRatio: 4,
  maxLen: 192,
  seed: 0,
};

export function modelConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  const config = { ...DEFAULT_MODEL_CONFIG, ...overrides };
  for (const [key, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value < (key === "seed" ? 0 : 1)) throw new RangeError(`model config: ${key} must be a positive integer, got ${value}`);
  }
  if (config.dModel % config.nHeads !== 0) throw new RangeError(`model config: dModel ${config.dModel} is not divisible by nHeads ${config.nHeads}`);
  return config;
}
