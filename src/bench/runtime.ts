import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { execa } from "execa";
import { grpoLoss } from "../runtime/grpo/loss.js";
import { type BackendRequest, BackendUnavailableError, selectBackend } from "../runtime/backend.js";
import { MASKED } from "../runtime/model/attention.js";
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from "../runtime/model/config.js";
import { type NamedWeights, parameterSpecs } from "../runtime/model/parameters.js";
import { PolicyModel } from "../runtime/model/policy.js";
import { AdamW } from "../runtime/optim/adamw.js";
import { trainStep } from "../runtime/optim/trainStep.js";
import { Rng } from "../runtime/random.js";
import { BOS, encode, EOS, PAD } from "../runtime/tokenizer.js";

/**
 * The runtime section of `npm run bench`: the local runtime (tfjs, every available backend) against
 * PyTorch on CPU in the same run, for the default model (DEFAULT_MODEL_CONFIG), on one rollout and
 * one GRPO update of the sizes a run uses. The PyTorch side (reference/tiny_policy.py) loads the
 * weights and batches written here and first proves it computes the same thing: logits of a fixed
 * batch, the first update's loss and gradient norm, and the tokens sampled from the same uniforms.
 */

/** Debian's interpreter, which has python3-torch (the `python3` first on PATH may not); RLX_BENCH_PYTHON overrides it. */
const PYTHON = process.env.RLX_BENCH_PYTHON ?? "/usr/bin/python3";
const INSTALL_TORCH = "apt-get install python3-torch libopenblas0-pthread";

const ROLLOUT = { prompts: 16, samplesPerPrompt: 8, maxNewTokens: 64, temperature: 1, seed: 0 } as const;
const TRAIN = { batch: 32, time: 80, lr: 1e-5, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01, clip: 0.2, gradClip: 1 } as const;

interface Repetitions {
  readonly rolloutWarmup: number;
  readonly rollout: number;
  readonly trainWarmup: number;
  readonly train: number;
}

/** wasm (and a native backend, if any): medians of several runs. The pure-JS cpu backend takes ~15 s per rollout: one timed run. */
const FULL: Repetitions = { rolloutWarmup: 1, rollout: 3, trainWarmup: 2, train: 5 };
const SLOW: Repetitions = { rolloutWarmup: 0, rollout: 1, trainWarmup: 0, train: 1 };

function runsLabel(reps: Repetitions, phase: "rollout" | "train"): string {
  if (reps === SLOW) return phase === "rollout" ? "1 run, after a 4-token warm-up" : "1 run, after a 4-row warm-up";
  const [runs, warmups] = phase === "rollout" ? [reps.rollout, reps.rolloutWarmup] : [reps.train, reps.trainWarmup];
  return `median of ${runs}, ${warmups} warm-up${warmups === 1 ? "" : "s"}`;
}

/** Backends in measuring order; absent ones get a one-line reason. */
const BACKENDS: readonly Exclude<BackendRequest, "auto">[] = ["wasm", "node", "node-gpu", "cpu"];

export interface RuntimeRow {
  readonly phase: "rollout" | "train";
  readonly backend: string;
  readonly runs: string;
  readonly tokensPerSecond: number;
  readonly msPerBatch: number;
  /** Torch tokens/s for the same phase at 1 and 2 threads, null when torch did not run. */
  readonly torch1: number | null;
  readonly torch2: number | null;
}

export interface BreakdownRow {
  readonly part: string;
  readonly rlxMs: number;
  readonly torchMs: number | null;
}

export interface KernelProfileRow {
  readonly phase: string;
  readonly kernels: number;
  readonly wallMs: number;
  readonly kernelMs: number;
  readonly top: string;
  /** tf.profile's peak of live tensor bytes during the run. */
  readonly peakBytes: number;
}

export interface RuntimeBench {
  /** Lines to print before the tables: what was skipped and why, the same-model check, torch's BLAS. */
  readonly header: string[];
  readonly rows: RuntimeRow[];
  /** Prefill vs decode step, forward vs backward (first measured backend vs torch 1 thread). */
  readonly breakdownBackend: string;
  readonly breakdown: BreakdownRow[];
  /** Where the first backend's time goes, by kernel (tf.profile of one rollout and one update). */
  readonly kernelProfile: KernelProfileRow[];
  readonly notes: string[];
  readonly seconds: number;
}

interface BackendResult {
  readonly backend: string;
  readonly detail: string;
  readonly reps: Repetitions;
  readonly rolloutMs: number;
  readonly rolloutTokens: number;
  readonly prefillMs: number;
  readonly trainMs: number;
  readonly forwardMs: number;
  readonly trainTokens: number;
  readonly tensorBytes: number;
  readonly leftoverTensors: number;
  readonly maxRssMb: number;
  readonly wasmHeapMb: number | null;
  readonly profile: KernelProfileRow[];
  readonly matMul: MatMulTimes | null;
}

/** ms per call of the two matMul shapes that dominate: a plain 2-D one and attention's batched one. */
interface MatMulTimes {
  readonly square512Ms: number;
  readonly attentionScoresMs: number;
}

interface TorchResult {
  readonly torch: string;
  readonly threads: number;
  readonly blas: { declared: string; loaded: string[]; kind: string };
  readonly rollout: { medianMs: number; tokens: number; prefillMs: number; steps: number };
  readonly train: { medianMs: number; forwardMs: number; tokens: number };
  readonly checks: {
    logitsMaxAbsDiff: number;
    logitsMaxAbsDiffUnmasked: number;
    logitsMaxAbs: number;
    logitsShape: number[];
    loss: number;
    lossDiff: number;
    gradNorm: number;
    gradNormRelDiff: number;
    sampledRowsIdentical: number;
    sampledRows: number;
    sampledFirstDivergence: number | null;
    sampledLogProbMaxAbsDiff?: number;
  };
  readonly peakRssKb: number;
  readonly matMul: MatMulTimes;
}

export async function benchRuntime(root: string): Promise<RuntimeBench> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const config = DEFAULT_MODEL_CONFIG;
  const parameters = parameterSpecs(config).reduce((n, spec) => n + spec.shape.reduce((a, b) => a * b, 1), 0);
  const header: string[] = [
    `model: DEFAULT_MODEL_CONFIG — d ${config.dModel}, ${config.nLayers} layers, ${config.nHeads} heads, MLP ×${config.mlpRatio}, vocabulary ${config.vocabSize}, maxLen ${config.maxLen}: ${parameters.toLocaleString("en-US")} parameters`,
  ];
  const notes: string[] = [];
  const results: BackendResult[] = [];
  const folder = await mkdtemp(path.join(os.tmpdir(), "rlx-bench-runtime-"));
  let exported = false;
  let torch: { one: TorchResult | null; two: TorchResult | null; skipped: string | null } = { one: null, two: null, skipped: null };
  try {
    const inputs = buildInputs();
    for (const kind of BACKENDS) {
      let detail: string;
      try {
        detail = (await selectBackend(kind)).detail;
      } catch (error) {
        if (!(error instanceof BackendUnavailableError)) throw error;
        header.push(`skipped backend ${kind}: ${error.message.replace(/^backend '[^']+' is not available: /, "")}`);
        continue;
      }
      const reps = kind === "cpu" ? SLOW : FULL;
      const first = !exported;
      const result = await quietCpuBanner(() => benchBackend(kind, detail, config, inputs, reps, first ? folder : null));
      results.push(result);
      if (first) {
        exported = true;
        torch = await runTorch(root, folder).catch((error: Error) => ({ one: null, two: null, skipped: `PyTorch columns skipped: ${error.message}` }));
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  if (results.length === 0) throw new Error("runtime bench: no tfjs backend is available");

  const rows: RuntimeRow[] = [];
  for (const phase of ["rollout", "train"] as const) {
    for (const r of results) {
      const ms = phase === "rollout" ? r.rolloutMs : r.trainMs;
      const tokens = phase === "rollout" ? r.rolloutTokens : r.trainTokens;
      const torchRate = (t: TorchResult | null) => (t === null ? null : (t[phase].tokens * 1000) / t[phase].medianMs);
      rows.push({ phase, backend: r.detail, runs: runsLabel(r.reps, phase), tokensPerSecond: Math.round((tokens * 1000) / ms), msPerBatch: ms >= 100 ? Math.round(ms) : ms, torch1: torchRate(torch.one), torch2: torchRate(torch.two) });
    }
  }

  const base = results[0]!;
  const t1 = torch.one;
  const steps = ROLLOUT.maxNewTokens - 1;
  const gflops = (flop: number, ms: number) => `${(flop / ms / 1e6).toFixed(1)}`;
  const breakdown: BreakdownRow[] = [
    { part: `rollout: prefill of ${ROLLOUT.prompts} prompts + first token (${ROLLOUT.prompts * ROLLOUT.samplesPerPrompt} rows)`, rlxMs: base.prefillMs, torchMs: t1?.rollout.prefillMs ?? null },
    { part: `rollout: one decoding step (${ROLLOUT.prompts * ROLLOUT.samplesPerPrompt} rows, mean of ${steps})`, rlxMs: (base.rolloutMs - base.prefillMs) / steps, torchMs: t1 ? (t1.rollout.medianMs - t1.rollout.prefillMs) / steps : null },
    { part: `train: forward + loss (${TRAIN.batch}×${TRAIN.time}, no tape)`, rlxMs: base.forwardMs, torchMs: t1?.train.forwardMs ?? null },
    { part: "train: rest of the update (backward, clip, AdamW)", rlxMs: base.trainMs - base.forwardMs, torchMs: t1 ? t1.train.medianMs - t1.train.forwardMs : null },
  ];
  if (base.matMul !== null) {
    const m = base.matMul;
    const square = 2 * 512 ** 3;
    const scores = 2 * TRAIN.batch * config.nHeads * TRAIN.time * TRAIN.time * (config.dModel / config.nHeads);
    const rate = (flop: number, rlx: number, torchMs: number | undefined) => `${gflops(flop, rlx)}${torchMs === undefined ? "" : ` vs ${gflops(flop, torchMs)}`} GFLOP/s`;
    breakdown.push(
      { part: `kernel: matMul 512×512·512×512, 2-D (${rate(square, m.square512Ms, t1?.matMul.square512Ms)})`, rlxMs: m.square512Ms, torchMs: t1?.matMul.square512Ms ?? null },
      {
        part: `kernel: attention scores ${TRAIN.batch * config.nHeads}×[${TRAIN.time}×${config.dModel / config.nHeads}]·[${config.dModel / config.nHeads}×${TRAIN.time}], batched (${rate(scores, m.attentionScoresMs, t1?.matMul.attentionScoresMs)})`,
        rlxMs: m.attentionScoresMs, torchMs: t1?.matMul.attentionScoresMs ?? null,
      },
    );
  }

  if (torch.skipped !== null) header.push(torch.skipped);
  if (t1 !== null) {
    const c = t1.checks;
    header.push(
      `same model: torch logits vs rlx (${base.backend}) on a [${c.logitsShape.join(", ")}] batch with left and right padding: max |Δ| ${c.logitsMaxAbsDiffUnmasked.toExponential(2)} (logits up to ${c.logitsMaxAbs.toFixed(2)}; PAD/BOS columns exactly −1e9 on both) — ${c.logitsMaxAbsDiff < 1e-4 ? "same" : "DIFFERENT"}`,
      `same update: first GRPO loss ${c.loss.toPrecision(6)} (|Δ| ${c.lossDiff.toExponential(2)}), gradient norm ${c.gradNorm.toPrecision(6)} (relative Δ ${c.gradNormRelDiff.toExponential(2)}) — ${c.lossDiff < 1e-4 && c.gradNormRelDiff < 1e-3 ? "same" : "DIFFERENT"}`,
      `same sampling loop: ${c.sampledRowsIdentical}/${c.sampledRows} rows of ${ROLLOUT.maxNewTokens} tokens identical from the same uniforms` +
        (c.sampledFirstDivergence !== null ? ` (others diverge from token ${c.sampledFirstDivergence} on: a draw within rounding of a CDF boundary)` : "") +
        (c.sampledLogProbMaxAbsDiff !== undefined ? `; their log-probs max |Δ| ${c.sampledLogProbMaxAbsDiff.toExponential(2)}` : ""),
      `torch ${t1.torch}, BLAS: ${t1.blas.kind} (torch.__config__.show() says BLAS_INFO=${t1.blas.declared}; loaded: ${t1.blas.loaded.map((p) => path.basename(p)).join(", ") || "none found"})` +
        (t1.blas.kind === "OpenBLAS" ? "" : ` — docs/architecture.md records the reference BLAS ~15× slower: install ${INSTALL_TORCH}`),
    );
  }

  notes.push(
    `rollout: ${ROLLOUT.prompts} prompts ("What is 37 + 45?"-like, with BOS) × ${ROLLOUT.samplesPerPrompt} samples = ${ROLLOUT.prompts * ROLLOUT.samplesPerPrompt} rows, ${ROLLOUT.maxNewTokens} new tokens, temperature 1, KV cache; the EOS logit is held at −1e9 on both sides, so every row runs the full length and tokens/s counts rows × ${ROLLOUT.maxNewTokens} generated tokens.`,
    `train: one GRPO update = logProbs forward on ${TRAIN.batch} × ${TRAIN.time} tokens (prompt + response, mask on response tokens), grpoLoss token_mean clip ${TRAIN.clip}, backward, gradient-norm clip ${TRAIN.gradClip}, AdamW (trainStep); tokens/s = ${TRAIN.batch}×${TRAIN.time} / median seconds.`,
    `threads: tfjs wasm runs on 1 thread (tfjs 4.22 has no wasm threads in Node); the cpu backend is single-threaded JavaScript; torch columns are separate processes with torch.set_num_threads(n) and OMP/OPENBLAS_NUM_THREADS=n (OpenBLAS ignores set_num_threads alone). The machine has ${os.availableParallelism()} cores, possibly shared with other work while this ran.`,
    "cpu backend: one timed run of each phase at the same shapes as wasm (a rollout takes ~15 s there), so its ratios compare like with like.",
  );
  notes.push(`load: 1-minute load average ${loadAtStart.toFixed(2)} at the start of this section on ${os.availableParallelism()} cores (this bench keeps about one busy; more means other processes competed).`);
  if (torch.one && torch.two && torch.two.rollout.medianMs > torch.one.rollout.medianMs && torch.two.train.medianMs > torch.one.train.medianMs) {
    notes.push(
      "torch 2 threads was slower than 1: with a core taken by another process, OpenMP's spinning workers wait on each other (on this machine a small addmm + gelu loop ran 17× slower with 2 threads while another process used a core; OMP_WAIT_POLICY=PASSIVE brought it back to the 1-thread time). Compare with the 1-thread column.",
    );
  }
  for (const r of results) {
    notes.push(
      `memory after ${r.backend}: process peak RSS ${r.maxRssMb.toFixed(0)} MiB (cumulative); tf.memory().numBytes ${(r.tensorBytes / 2 ** 20).toFixed(1)} MiB with the model and AdamW state alive, ${r.leftoverTensors} tensors left after disposing them` +
        (r.wasmHeapMb !== null ? `; wasm heap ${r.wasmHeapMb.toFixed(0)} MiB (never shrinks)` : "") +
        (r.profile.length > 0 ? `; peak of live tensors (tf.profile): ${r.profile.map((k) => `${(k.peakBytes / 2 ** 20).toFixed(0)} MiB in the ${k.phase.split(" (")[0]}`).join(", ")}` : ""),
    );
  }
  if (t1 !== null) notes.push(`memory of torch (1 thread): peak RSS ${(t1.peakRssKb / 1024).toFixed(0)} MiB`);

  return { header, rows, breakdownBackend: base.detail, breakdown, kernelProfile: base.profile, notes, seconds: (performance.now() - started) / 1000 };
}

// ------------------------------------------------------------------------------------------------
// Inputs

interface Inputs {
  readonly prompts: number[][];
  readonly checkTokens: Int32Array;
  readonly checkShape: [number, number];
  readonly train: { tokens: Int32Array; mask: Float32Array; advantages: Float32Array; noise: Float32Array };
  readonly uniforms: Float32Array;
}

function arithmeticPrompt(i: number): string {
  if (i === 0) return "What is 37 + 45?";
  const a = i % 5 === 0 ? 1 + (i % 9) : 10 + ((i * 37) % 90);
  const b = i % 7 === 0 ? 2 + (i % 8) : 10 + ((i * 53) % 90);
  return `What is ${a} + ${b}?`;
}

const RESPONSES = [
  (a: number, b: number) => `\`\`\`python\nx = ${a} + ${b}\nprint(x)\n\`\`\`\nThe answer is \\boxed{${a + b}}.`,
  (a: number, b: number) => `${a} plus ${b} is ${a + b}. So the answer is \\boxed{${a + b}}.`,
  (a: number, b: number) => `We add the tens and the ones: ${a} + ${b} = ${a + b}.\n\\boxed{${a + b}}`,
];

function buildInputs(): Inputs {
  const prompts = Array.from({ length: ROLLOUT.prompts }, (_, i) => encode(arithmeticPrompt(i), { bos: true }));

  // A fixed batch for the logits check: full rows, left padding (as in prefill), right padding after EOS.
  const width = 24;
  const check = new Int32Array(4 * width).fill(PAD);
  const rowsOfCheck = [
    encode("What is 37 + 45?\n37 + 45 = 82", { bos: true }),
    encode("What is 3 + 4?", { bos: true }),
    encode("What is 12 + 30? 42", { bos: true, eos: true }),
    encode("```python\nx = 12 + 30\nprint(x)", { bos: true }),
  ];
  rowsOfCheck.forEach((r, i) => {
    const row = r.slice(0, width);
    check.set(row, i * width + (i === 1 ? width - row.length : 0));
  });

  // The training mini-batch: prompt + response (+ EOS when it ends before the width), right-padded.
  const { batch, time } = TRAIN;
  const tokens = new Int32Array(batch * time).fill(PAD);
  const mask = new Float32Array(batch * time);
  const lengths = new Rng(7);
  for (let i = 0; i < batch; i++) {
    const prompt = arithmeticPrompt(i + 3);
    const [a, b] = prompt.match(/\d+/g)!.map(Number) as [number, number];
    const promptIds = encode(prompt, { bos: true });
    let responseIds = encode(RESPONSES[i % RESPONSES.length]!(a, b).repeat(3), {});
    const room = time - promptIds.length;
    // A quarter of the rows fill the width (truncated answers); the others end with EOS earlier.
    const keep = i % 4 === 0 ? room : Math.max(8, Math.floor(room * (0.3 + 0.6 * lengths.uniform())) - 1);
    responseIds = i % 4 === 0 ? responseIds.slice(0, keep) : [...responseIds.slice(0, keep), EOS];
    const row = [...promptIds, ...responseIds];
    tokens.set(row, i * time);
    for (let t = promptIds.length; t < row.length; t++) mask[i * time + t] = 1;
  }
  const advantages = new Rng(11).normals(batch, 1);
  const noise = new Rng(13).normals(batch * time, 0.1);

  // The uniforms sampleSequences draws for seed 0 (sampling.ts's drawUniforms), for the torch side.
  const rows = ROLLOUT.prompts * ROLLOUT.samplesPerPrompt;
  const uniforms = Rng.derive(ROLLOUT.seed, "sample").uniforms(ROLLOUT.maxNewTokens * rows);
  const lowest = 2 ** -24;
  for (let i = 0; i < uniforms.length; i++) uniforms[i] = Math.min(Math.max(uniforms[i]!, lowest), 1 - lowest);

  return { prompts, checkTokens: check, checkShape: [4, width], train: { tokens, mask, advantages, noise }, uniforms };
}

// ------------------------------------------------------------------------------------------------
// One backend

async function benchBackend(
  kind: string, detail: string, config: ModelConfig, inputs: Inputs, reps: Repetitions, exportTo: string | null,
): Promise<BackendResult> {
  const arrays = new ArrayFile();
  const trainModel = PolicyModel.create(config);
  const initial = await trainModel.getWeights();
  if (exportTo !== null) {
    for (const spec of parameterSpecs(config)) arrays.add(`weight:${spec.name}`, "float32", spec.shape, initial[spec.name]!);
    const logits = tf.tidy(() => trainModel.forward(tf.tensor2d(inputs.checkTokens, inputs.checkShape, "int32")));
    arrays.add("check.tokens", "int32", inputs.checkShape, inputs.checkTokens);
    arrays.add("check.logits", "float32", logits.shape, (await logits.data()) as Float32Array);
    logits.dispose();
  }

  // ---- training
  const optimizer = new AdamW(trainModel.variables, { beta1: TRAIN.beta1, beta2: TRAIN.beta2, weightDecay: TRAIN.weightDecay, epsilon: TRAIN.epsilon });
  const makeBatch = (rows: number) => {
    const size = rows * TRAIN.time;
    const tokens = tf.tensor2d(inputs.train.tokens.subarray(0, size), [rows, TRAIN.time], "int32");
    const mask = tf.tensor2d(inputs.train.mask.subarray(0, size), [rows, TRAIN.time]);
    // π_old: the initial policy's log-probs, perturbed so that ratios differ from 1 and the clip engages.
    const oldLogProbs = tf.tidy(() => tf.mul(tf.add(trainModel.logProbs(tokens, mask).logProbs, tf.tensor2d(inputs.train.noise.subarray(0, size), [rows, TRAIN.time])), mask)) as tf.Tensor2D;
    const advantages = tf.tensor1d(inputs.train.advantages.subarray(0, rows));
    return { tokens, mask, oldLogProbs, advantages };
  };
  const full = makeBatch(TRAIN.batch);
  if (exportTo !== null) {
    arrays.add("train.tokens", "int32", full.tokens.shape, inputs.train.tokens);
    arrays.add("train.mask", "float32", full.mask.shape, inputs.train.mask);
    arrays.add("train.oldLogProbs", "float32", full.oldLogProbs.shape, (await full.oldLogProbs.data()) as Float32Array);
    arrays.add("train.advantages", "float32", full.advantages.shape, inputs.train.advantages);
  }
  const lossOf = (b: typeof full) => () =>
    grpoLoss({
      logProbs: trainModel.logProbs(b.tokens, b.mask).logProbs, oldLogProbs: b.oldLogProbs, advantages: b.advantages, mask: b.mask,
      clipLow: TRAIN.clip, clipHigh: TRAIN.clip, klCoef: 0, aggregation: "token_mean",
    }).loss;
  const update = (b: typeof full) => () => {
    const { loss, gradNorm } = trainStep(trainModel.variables, optimizer, lossOf(b), { lr: TRAIN.lr, gradClip: TRAIN.gradClip });
    const values = { loss: loss.dataSync()[0]!, gradNorm: gradNorm.dataSync()[0]! };
    tf.dispose([loss, gradNorm]);
    return values;
  };
  const forwardOnly = () => {
    const loss = tf.tidy(lossOf(full));
    loss.dataSync();
    loss.dispose();
  };
  // The exporting backend's first update starts from the initial weights: the torch side checks its loss and norm.
  const first = exportTo !== null ? update(full)() : null;
  if (reps === SLOW) {
    const small = makeBatch(4);
    update(small)();
    tf.dispose(Object.values(small));
  }
  const trainMs = await medianMs(update(full), reps.train, Math.max(0, reps.trainWarmup - (first ? 1 : 0)));
  // The breakdown (forward vs the rest, prefill vs decode) is shown for the first backend only.
  const forwardMs = exportTo !== null ? await medianMs(forwardOnly, reps.train, 1) : Number.NaN;
  const profile: KernelProfileRow[] = [];
  if (exportTo !== null) profile.push(await kernelProfile(`train update (${TRAIN.batch}×${TRAIN.time})`, update(full)));
  const tensorBytes = tf.memory().numBytes;
  tf.dispose(Object.values(full));
  optimizer.dispose();
  trainModel.dispose();

  // ---- rollout, with a model whose EOS never wins
  const rolloutWeights: NamedWeights = { ...initial, "head.bias": Float32Array.from(initial["head.bias"]!) };
  rolloutWeights["head.bias"]![EOS] = MASKED;
  const rolloutModel = PolicyModel.fromWeights(config, rolloutWeights);
  const options = { maxNewTokens: ROLLOUT.maxNewTokens, samplesPerPrompt: ROLLOUT.samplesPerPrompt, temperature: ROLLOUT.temperature, seed: ROLLOUT.seed };
  let generated = 0;
  const rollout = async () => {
    const result = await rolloutModel.sample(inputs.prompts, options);
    generated = result.lengths.reduce((a, b) => a + b, 0);
    return result;
  };
  if (reps === SLOW) await rolloutModel.sample(inputs.prompts.slice(0, 1), { ...options, maxNewTokens: 4, samplesPerPrompt: 4 });
  const rows = ROLLOUT.prompts * ROLLOUT.samplesPerPrompt;
  if (exportTo !== null) {
    // The first (warm-up) rollout's tokens, for the torch side to reproduce from the same uniforms.
    const reference = await rollout();
    arrays.add("sample.uniforms", "float32", [ROLLOUT.maxNewTokens, rows], inputs.uniforms);
    arrays.add("sample.tokens", "int32", [rows, ROLLOUT.maxNewTokens], Int32Array.from(reference.tokens.flat()));
    arrays.add("sample.logProbs", "float32", [rows, ROLLOUT.maxNewTokens], Float32Array.from(reference.logProbs.flat()));
  }
  const rolloutMs = await medianMs(rollout, reps.rollout, Math.max(0, reps.rolloutWarmup - (exportTo !== null ? 1 : 0)));
  if (generated !== rows * ROLLOUT.maxNewTokens) throw new Error(`runtime bench: ${generated} tokens generated, expected ${rows} rows × ${ROLLOUT.maxNewTokens} (EOS is masked)`);
  const prefillMs = exportTo !== null ? await medianMs(() => rolloutModel.sample(inputs.prompts, { ...options, maxNewTokens: 1 }), reps.rollout, 1) : Number.NaN;
  if (exportTo !== null) profile.unshift(await kernelProfile(`rollout (${rows} rows × ${ROLLOUT.maxNewTokens} tokens)`, rollout));
  rolloutModel.dispose();
  const matMul = exportTo !== null ? await matMulTimes(config) : null;

  if (exportTo !== null) {
    await arrays.write(exportTo, {
      config,
      special: { PAD, BOS, EOS },
      masked: MASKED,
      weights: parameterSpecs(config).map((spec) => spec.name),
      reps: { rolloutWarmup: FULL.rolloutWarmup, rollout: FULL.rollout, trainWarmup: FULL.trainWarmup, train: FULL.train },
      sample: { prompts: inputs.prompts, samplesPerPrompt: ROLLOUT.samplesPerPrompt, maxNewTokens: ROLLOUT.maxNewTokens, temperature: ROLLOUT.temperature },
      train: { lr: TRAIN.lr, beta1: TRAIN.beta1, beta2: TRAIN.beta2, epsilon: TRAIN.epsilon, weightDecay: TRAIN.weightDecay, clip: TRAIN.clip, gradClip: TRAIN.gradClip, rlxLoss: first!.loss, rlxGradNorm: first!.gradNorm },
    });
  }
  return {
    backend: kind, detail, reps, rolloutMs, rolloutTokens: generated, prefillMs, trainMs, forwardMs, trainTokens: TRAIN.batch * TRAIN.time,
    tensorBytes, leftoverTensors: tf.memory().numTensors, maxRssMb: process.resourceUsage().maxRSS / 1024, wasmHeapMb: wasmHeapMb(), profile, matMul,
  };
}

/** Median wall time (ms) of `fn` (sync or async) over `runs`, after `warmup` untimed runs. */
async function medianMs(fn: () => unknown, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function matMulTimes(config: ModelConfig): Promise<MatMulTimes> {
  const headDim = config.dModel / config.nHeads;
  const square = tf.randomUniform([512, 512]) as tf.Tensor2D;
  const q = tf.randomUniform([TRAIN.batch * config.nHeads, TRAIN.time, headDim]) as tf.Tensor3D;
  const time = (a: tf.Tensor, b: tf.Tensor, transposeB: boolean) => () => {
    const product = tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D, false, transposeB);
    product.dataSync();
    product.dispose();
  };
  const result = { square512Ms: await medianMs(time(square, square, false), 10, 2), attentionScoresMs: await medianMs(time(q, q, true), 10, 2) };
  tf.dispose([square, q]);
  return result;
}

/** One profiled run: kernels launched, their summed time, and the kernels that take the most. */
async function kernelProfile(phase: string, fn: () => unknown): Promise<KernelProfileRow> {
  const t0 = performance.now();
  const info = await tf.profile(async () => {
    await fn();
    return tf.scalar(0);
  });
  const wallMs = performance.now() - t0;
  info.result instanceof tf.Tensor ? info.result.dispose() : tf.dispose(info.result);
  const byKind = new Map<string, { ms: number; count: number }>();
  let kernelMs = 0;
  // tf.profile also records op and customGrad scopes around the kernels they run: count kernels only.
  const backendName = tf.getBackend();
  const kernels = info.kernels.filter((k) => tf.getKernel(k.name, backendName) !== undefined);
  for (const k of kernels) {
    const ms = Number(k.kernelTimeMs);
    kernelMs += ms;
    const name = k.name === "BatchMatMul" ? (k.inputShapes[0]!.length > 2 && k.inputShapes[0]![0]! > 1 ? "BatchMatMul batched" : "BatchMatMul 2-D") : k.name;
    const entry = byKind.get(name) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count++;
    byKind.set(name, entry);
  }
  const top = [...byKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5)
    .map(([name, e]) => `${name} ${((100 * e.ms) / wallMs).toFixed(0)}% (${e.count})`).join(", ");
  return { phase, kernels: kernels.length, wallMs, kernelMs, top, peakBytes: info.peakBytes };
}

function wasmHeapMb(): number | null {
  if (tf.getBackend() !== "wasm") return null;
  const heap = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8;
  return heap ? heap.byteLength / 2 ** 20 : null;
}

/** tfjs's cpu backend prints a banner (install tfjs-node) on first use; it would break the bench's output. */
async function quietCpuBanner<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("looks like you are running TensorFlow.js in Node.js")) warn(...args);
  };
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

// ------------------------------------------------------------------------------------------------
// The torch side

async function runTorch(root: string, folder: string): Promise<{ one: TorchResult | null; two: TorchResult | null; skipped: string | null }> {
  const script = path.join(root, "src", "bench", "reference", "tiny_policy.py");
  const probe = await execa(PYTHON, [script, "--probe"], { reject: false, timeout: 60_000 });
  if (probe.failed) {
    const why = (probe.code === "ENOENT" ? `${PYTHON} not found` : `${PYTHON} cannot import torch`) + (probe.stderr ? ` (${lastLine(String(probe.stderr))})` : "");
    return { one: null, two: null, skipped: `PyTorch columns skipped: ${why}; install with: ${INSTALL_TORCH}` };
  }
  const run = async (threads: number): Promise<TorchResult> => {
    const result = await execa(PYTHON, [script, "--dir", folder, "--threads", String(threads)], { reject: false, timeout: 300_000 });
    let parsed: (TorchResult & { error?: string }) | null = null;
    try {
      parsed = JSON.parse(lastLine(String(result.stdout)));
    } catch {
      parsed = null;
    }
    if (result.failed || parsed === null || parsed.error !== undefined) {
      throw new Error(`torch reference (${threads} thread(s)) failed: ${parsed?.error ?? (lastLine(String(result.stderr || result.stdout)) || result.shortMessage)}`);
    }
    return parsed;
  };
  return { one: await run(1), two: await run(2), skipped: null };
}

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1) ?? "";
}

/** Named arrays for the torch side: manifest.json (names, dtypes, shapes, byte offsets) + arrays.bin. */
class ArrayFile {
  private readonly entries: { name: string; dtype: "float32" | "int32"; shape: readonly number[]; data: Float32Array | Int32Array }[] = [];

  add(name: string, dtype: "float32" | "int32", shape: readonly number[], data: Float32Array | Int32Array): void {
    if (data.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`internal: array '${name}' has ${data.length} values for shape ${shape.join("×")}`);
    this.entries.push({ name, dtype, shape, data });
  }

  async write(folder: string, manifest: Record<string, unknown>): Promise<void> {
    const index: Record<string, { dtype: string; shape: readonly number[]; offset: number }> = {};
    let offset = 0;
    for (const e of this.entries) {
      index[e.name] = { dtype: e.dtype, shape: e.shape, offset };
      offset += e.data.byteLength;
    }
    const bytes = new Uint8Array(offset);
    for (const e of this.entries) bytes.set(new Uint8Array(e.data.buffer, e.data.byteOffset, e.data.byteLength), index[e.name]!.offset);
    await writeFile(path.join(folder, "arrays.bin"), bytes);
    await writeFile(path.join(folder, "manifest.json"), JSON.stringify({ ...manifest, arrays: index }));
  }
}
