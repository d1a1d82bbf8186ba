import type { RunEvent, StepMetrics } from "../../src/runtime/executor/events.js";

/** Metrics of one step; tests override what they look at. */
export function metrics(step: number, overrides: Partial<StepMetrics> = {}): StepMetrics {
  return {
    step,
    reward_mean: 0.5,
    accuracy: 0.4,
    tracks: { code_frequency: 0.6 },
    clip_frac_low: 0.01,
    clip_frac_high: 0.02,
    ratio_deviation: 0.015,
    kl: 0,
    entropy: 1.2345,
    response_length: 41.2,
    zero_std_share: 0.125,
    grad_norm: 0.8,
    lr: 1e-4,
    rollout_tokens_per_s: 3140,
    train_tokens_per_s: 9800,
    wall_s: 41,
    ...overrides,
  };
}

export const start: RunEvent = {
  type: "start",
  position: null,
  run: "compound_format_nocode",
  file: "examples/compound_format_nocode.rlx",
  backend: "wasm",
  steps: 60,
  runDir: "runs/compound_format_nocode",
  resumedFrom: null,
  trackNames: ["code_frequency"],
};

const evalData = "arith(test: 500, seed: 1)";

/** A run that pretrains (cached), labels, trains 24 of 60 steps with two evals, and is interrupted. */
export const scriptedRun: readonly RunEvent[] = [
  start,
  { type: "phase", name: 'pretrain tiny("code-prior")', cached: true },
  { type: "phase", name: "label ground_truth", cached: false },
  ...Array.from({ length: 24 }, (_, i): RunEvent => ({
    type: "step",
    metrics: metrics(i + 1, {
      reward_mean: (i + 1) / 24,
      accuracy: 0.3 + 0.005 * i,
      tracks: { code_frequency: 0.6 + 0.01 * i },
      wall_s: 2 * (i + 1),
    }),
    etaSeconds: 2 * (60 - (i + 1)),
  })),
  {
    type: "eval",
    results: [
      { step: 10, data: evalData, metric: "pass@1", value: 0.38, tracks: { code_frequency: 0.65 } },
      { step: 10, data: evalData, metric: "avg@8", value: 0.35, tracks: { code_frequency: 0.66 } },
    ],
  },
  {
    type: "eval",
    results: [
      { step: 20, data: evalData, metric: "pass@1", value: 0.412, tracks: { code_frequency: 0.7 } },
      { step: 20, data: evalData, metric: "avg@8", value: 0.34, tracks: { code_frequency: 0.71 } },
    ],
  },
  { type: "checkpoint", step: 20, path: "runs/compound_format_nocode/checkpoints/step-000020" },
  {
    type: "sample",
    step: 24,
    prompt: "What is 17 + 25?",
    response: "def solve():\n    a = 17\n    b = 25\n    return a + b\n# solve() = 42\nThe answer is \\boxed{42}",
    reward: 0,
    explanation: {
      term: "box_only_format_and_no_python",
      value: 0,
      children: [
        { term: "box_only_format", value: true, children: [{ term: "boxed_count", value: 1, children: [] }] },
        { term: '!contains("python")', value: false, children: [] },
      ],
    },
  },
  { type: "warning", message: "wasm heap at 3.1 GB of 4 GB" },
  {
    type: "done",
    status: "interrupted",
    step: 24,
    runDir: "runs/compound_format_nocode",
    resumeCommand: "rlx run examples/compound_format_nocode.rlx --resume runs/compound_format_nocode",
    message: null,
  },
];
