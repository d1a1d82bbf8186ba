import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchBounds } from "./bounds.js";
import { benchFrontend } from "./frontend.js";
import { benchMath } from "./math.js";
import { benchRewards } from "./rewards.js";
import { benchRuntime } from "./runtime.js";
import { table } from "../text/columns.js";

/**
 * `npm run bench`: every benchmark of rlx, each as a table with its reference measured in the same
 * run. It exits 1 when a measurement misses one of rlx's speed targets or time budgets.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

console.log(`rlx benchmarks — node ${process.version}, ${process.platform}/${process.arch}\n`);

console.log("Compiler front end (median of 30 runs after warm-up)");
const frontend = benchFrontend(root);
console.log(
  table(
    ["phase", "median ms", "budget ms", "share of budget"],
    frontend.map((t) => [t.phase, t.medianMs, t.budgetMs ?? "-", t.budgetMs ? `${((100 * t.medianMs) / t.budgetMs).toFixed(1)}%` : "-"]),
  ),
);
console.log();

console.log("Rewards on 10,000 synthetic Qwen2.5-Math-like responses, one core (target: math ≥ 5,000/s)");
const rewardRows = [...benchRewards(), ...benchMath()];
console.log(
  table(
    ["reward", "responses/s", "vs target 5,000/s"],
    rewardRows.map((r) => [r.name, r.responsesPerSecond, `${(r.responsesPerSecond / 5000).toFixed(1)}×`]),
  ),
);
console.log();

console.log("Long and hostile inputs, one call each against its time budget");
const bounds = benchBounds();
console.log(table(["input", "ms", "budget ms", "within budget"], bounds.map((b) => [b.input, b.ms, b.budgetMs, b.ms <= b.budgetMs ? "yes" : "NO"])));
console.log();

console.log("Local runtime vs PyTorch on CPU: the default model, one rollout and one GRPO update (timings as measured on a possibly shared machine)");
const runtime = await benchRuntime(root);
for (const line of runtime.header) console.log(line);
const ratio = (rlx: number, torch: number | null) => (torch === null ? "-" : `${(rlx / torch).toFixed(2)}×`);
console.log(
  table(
    ["phase", "backend", "runs", "tokens/s", "ms per batch", "torch 1-thread tokens/s", "rlx/torch 1T", "torch 2-thread tokens/s", "rlx/torch 2T"],
    runtime.rows.map((r) => [r.phase, r.backend, r.runs, r.tokensPerSecond, r.msPerBatch, r.torch1 === null ? "-" : Math.round(r.torch1), ratio(r.tokensPerSecond, r.torch1), r.torch2 === null ? "-" : Math.round(r.torch2), ratio(r.tokensPerSecond, r.torch2)]),
  ),
);
console.log();
console.log(`Breakdown: ${runtime.breakdownBackend} vs torch 1 thread (medians, ms)`);
console.log(
  table(
    ["part", "rlx ms", "torch 1T ms", "rlx / torch time"],
    runtime.breakdown.map((b) => [b.part, b.rlxMs, b.torchMs === null ? "-" : b.torchMs, b.torchMs === null ? "-" : `${(b.rlxMs / b.torchMs).toFixed(1)}×`]),
  ),
);
console.log();
console.log(`Where rlx's time goes: ${runtime.breakdownBackend}, one run under tf.profile (per-kernel timing adds a little)`);
console.log(
  table(
    ["phase", "kernels", "wall ms", "in kernels ms", "outside kernels", "wall µs per kernel", "largest shares of wall time (kernel count)"],
    runtime.kernelProfile.map((k) => [k.phase, k.kernels, k.wallMs, k.kernelMs, `${((100 * (k.wallMs - k.kernelMs)) / k.wallMs).toFixed(0)}%`, (1000 * k.wallMs) / k.kernels, k.top]),
  ),
);
for (const note of runtime.notes) console.log(`- ${note}`);
console.log(`(runtime section: ${runtime.seconds.toFixed(0)} s)`);
console.log();

const missed = [
  ...frontend.filter((t) => t.budgetMs !== null && t.medianMs > t.budgetMs).map((t) => `${t.phase}: ${t.medianMs.toFixed(1)} ms, budget ${t.budgetMs} ms`),
  ...rewardRows.filter((r) => r.targetPerSecond !== null && r.responsesPerSecond < r.targetPerSecond).map((r) => `${r.name}: ${r.responsesPerSecond} responses/s, target ${r.targetPerSecond}`),
  ...bounds.filter((b) => b.ms > b.budgetMs).map((b) => `${b.input}: ${b.ms.toFixed(0)} ms, budget ${b.budgetMs} ms`),
];
for (const m of missed) console.log(`missed: ${m}`);
if (missed.length > 0) process.exitCode = 1;
