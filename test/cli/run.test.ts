import { writeFileSync } from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { describe, expect, inject, it } from "vitest";
import { read, TINY_RUN, waitForLine } from "../runtime/executor/helpers.js";
import { tempDir } from "../support/tempDir.js";

/** `rlx run` as a user starts it, in plain mode (CI set): a subprocess of bin/rlx.js. */
function rlxRun(...args: string[]): ResultPromise {
  return execa(process.execPath, ["bin/rlx.js", "run", ...args], { reject: false, env: { CI: "1", NO_COLOR: "1" }, buffer: { stdout: true } });
}

/** A complete run of TINY_RUN, trained once for all e2e tests (test/support/referenceRun.ts); read only. */
const reference = inject("referenceRun");

describe("rlx run (subprocess, plain lines)", () => {
  it("runs an experiment to the end with one line per event", async () => {
    const dir = tempDir("rlx-cli-run-");
    const { exitCode, stdout } = await rlxRun(TINY_RUN, "--steps", "2", "--out", dir, "--no-cache");
    expect(exitCode).toBe(0);
    const lines = String(stdout).split("\n");
    expect(lines[0]).toMatch(new RegExp(`^start tiny_run ${TINY_RUN} backend=wasm \\(SIMD (on|off), 1 thread\\) steps=2 dir=${dir}$`));
    expect(lines).toContainEqual(expect.stringMatching(/^phase pretrain tiny\("code-prior"\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^step 1\/2 reward=\d\.\d{3} acc=\d\.\d{3} code_frequency=\d\.\d{3} clip=\d\.\d{3} kl=\d\.\d{4} len=[\d.]+ eta=/));
    expect(lines).toContainEqual(expect.stringMatching(/^eval step 2 arith\(test: 8, seed: 3, difficulty: 2\) pass@1=\d\.\d{3} \([+-]\d\.\d{3}\) code_frequency=/));
    expect(lines).toContainEqual(`checkpoint step 2 ${dir}/checkpoints/step-000002`);
    expect(lines.at(-1)).toBe(`done: completed after 2 steps; run directory ${dir}`);
  });

  it("survives SIGKILL: resuming from the last checkpoint ends with the uninterrupted run's metrics", async () => {
    const dir = tempDir("rlx-cli-killed-");
    const child = rlxRun(TINY_RUN, "--out", dir, "--no-cache");
    await waitForLine(child, /^checkpoint step 2 /);
    child.kill("SIGKILL");
    await child;
    const logged = read(dir, "metrics.jsonl").trim().split("\n").length;
    expect(logged).toBeGreaterThanOrEqual(2);

    const resumed = await rlxRun(TINY_RUN, "--resume", dir, "--no-cache");
    expect(resumed.exitCode).toBe(0);
    expect(String(resumed.stdout)).toMatch(/ resumed_from=[24]\n/);
    for (const name of ["metrics.jsonl", "evals.jsonl", "samples.jsonl"]) expect(read(dir, name), name).toBe(read(reference, name));
  });

  it("on Ctrl-C finishes the step, checkpoints, prints the resume command and exits 130", async () => {
    const dir = tempDir("rlx-cli-int-");
    const child = rlxRun(TINY_RUN, "--out", dir, "--no-cache");
    await waitForLine(child, /^step 1\/6 /);
    child.kill("SIGINT");
    const { exitCode, stdout } = await child;
    expect(exitCode).toBe(130);
    expect(String(stdout)).toContain("warning: stopping after this step and its checkpoint (Ctrl-C again to stop at once)");
    const last = String(stdout).trim().split("\n").at(-1)!;
    expect(last).toMatch(new RegExp(`^interrupted after step \\d: resume with rlx run ${TINY_RUN} --resume ${dir}$`));
    const step = Number(/after step (\d)/.exec(last)![1]);
    expect(JSON.parse(read(dir, "checkpoints/latest.json")).step).toBe(step);
  });

  it("names a malformed data row's file and line, without a stack trace", async () => {
    const dir = tempDir("rlx-cli-bad-");
    const data = path.join(dir, "bad.jsonl");
    writeFileSync(data, '{"problem": "What is 1 + 1?", "answer": "2"}\n{"problem": "What is 2 + 2?" "answer": "4"}\n');
    const file = path.join(dir, "bad.rlx");
    writeFileSync(file, `import "stdlib/rewards"\nimport "stdlib/grpo"\nexperiment bad {\n  model tiny("code-prior")\n  data jsonl("bad.jsonl")\n  reward math\n  grpo tiny { prompts_per_step: 1, group_size: 2, mini_batch_size: 2, steps: 1 }\n}\n`);
    const { exitCode, stdout, stderr } = await rlxRun(file, "--out", path.join(dir, "run"), "--no-cache");
    expect(exitCode).toBe(1);
    expect(String(stdout)).toContain(`failed after step 0: ${data}:2: malformed JSON`);
    expect(String(stdout) + String(stderr)).not.toMatch(/\n\s+at /);
    const summary = JSON.parse(read(path.join(dir, "run"), "summary.json")) as { status: string; message: string };
    expect([summary.status, summary.message]).toEqual(["failed", expect.stringContaining(`${data}:2: malformed JSON`)]);
  });

  it("explains its usage mistakes", async () => {
    const steps = await rlxRun(TINY_RUN, "--steps", "zero");
    expect(steps.exitCode).toBe(2);
    expect(String(steps.stderr)).toContain("--steps must be a positive whole number, not 'zero'");
    const backend = await rlxRun(TINY_RUN, "--backend", "tpu");
    expect(String(backend.stderr)).toContain("--backend must be one of auto, node-gpu, node, wasm, cpu");
    const jobs = await rlxRun(TINY_RUN, "--jobs", "0");
    expect(String(jobs.stderr)).toContain("--jobs must be a positive whole number, not '0'");
    const resume = await rlxRun(TINY_RUN, "--resume", tempDir("rlx-cli-empty-"));
    expect(String(resume.stderr)).toMatch(/is not an rlx run directory/);
    const mismatch = await rlxRun("examples/ground_truth.rlx", "--resume", reference, "--no-cache");
    expect(mismatch.exitCode).toBe(2);
    expect(String(mismatch.stderr)).toContain(`${reference} holds a run of 'tiny_run' from ${TINY_RUN}, which this file does not define`);
  });

  it("says a real checkpoint needs a distributed engine, without a stack trace", async () => {
    const dir = tempDir("rlx-cli-hf-");
    const file = path.join(dir, "hf.rlx");
    writeFileSync(file, `import "stdlib/rewards"\nexperiment big {\n  model hf("Qwen/Qwen2.5-Math-7B")\n  data arith(train: 10)\n  reward math\n}\n`);
    const { exitCode, stderr } = await rlxRun(file, "--out", path.join(dir, "run"), "--no-cache");
    expect(exitCode).toBe(1);
    expect(String(stderr)).toContain('big: the local runtime runs the built-in tiny(...) models; policy hf("Qwen/Qwen2.5-Math-7B") needs a distributed engine');
    expect(String(stderr)).not.toMatch(/\n\s+at /);
  });

  it("runs every run of a sweep file, computes shared nodes once, and prints and writes their results side by side", async () => {
    const dir = tempDir("rlx-cli-sweep-");
    const { exitCode, stdout } = await rlxRun("test/fixtures/runs/tiny_sweep.rlx", "--out", dir, "--no-cache");
    expect(exitCode).toBe(0);
    const text = String(stdout);
    // The base experiment and the two cells; the pretrained model and the data are loaded once.
    expect(text.match(/^start /gm)).toHaveLength(3);
    expect(text).toMatch(/^start tiny_sweep\/math .* run=2\/3$/m);
    expect(text.match(/^phase pretrain/gm)).toHaveLength(1);
    expect(text.match(/^phase data arith\(train: 32/gm)).toHaveLength(1);
    const summary = JSON.parse(read(dir, "summary.json")) as { runs: { run: string; status: string; dir: string }[] };
    expect(summary.runs.map((r) => [r.run, r.status])).toEqual([
      ["tiny_base", "completed"],
      ["tiny_sweep/math", "completed"],
      ["tiny_sweep/random-0.5", "completed"],
    ]);
    expect(summary.runs[1]!.dir).toBe(path.join(dir, "tiny_sweep", "math"));
    expect(text).toMatch(/^run\s+status\s+steps\s+reward\s+accuracy\s+code_frequency\s+pass@1 before→after$/m);
    expect(text).toMatch(/^tiny_sweep\/random-0\.5\s+completed\s+2\s+\d\.\d{3}/m);
  });

  it("on Ctrl-C with --jobs stops every child after its step, starts no further run and exits 130", async () => {
    const dir = tempDir("rlx-cli-jobs-int-");
    const child = rlxRun("test/fixtures/runs/tiny_sweep.rlx", "--out", dir, "--no-cache", "--jobs", "2");
    await waitForLine(child, /^\[tiny_base\] step 1\/2 /);
    child.kill("SIGINT");
    const { exitCode, stderr } = await child;
    expect(exitCode).toBe(130);
    expect(String(stderr)).toContain("rlx run: stopping each run after its step and checkpoint; no further run starts");
    const summary = JSON.parse(read(dir, "summary.json")) as { runs: { run: string; status: string; step: number }[] };
    expect(summary.runs.map((r) => r.run)).toEqual(["tiny_base", "tiny_sweep/math", "tiny_sweep/random-0.5"]);
    expect(summary.runs.map((r) => r.status)).not.toContain("failed");
    expect(summary.runs[2]).toMatchObject({ status: "interrupted", step: 0 });
  });

  it("runs a sweep's runs in parallel processes with --jobs, with the metrics of runs made one after another", async () => {
    const sequential = tempDir("rlx-cli-sweep-seq-");
    const parallel = tempDir("rlx-cli-sweep-jobs-");
    const [one, two] = await Promise.all([
      rlxRun("test/fixtures/runs/tiny_sweep.rlx", "--out", sequential, "--no-cache"),
      rlxRun("test/fixtures/runs/tiny_sweep.rlx", "--out", parallel, "--no-cache", "--jobs", "2"),
    ]);
    expect([one.exitCode, two.exitCode]).toEqual([0, 0]);
    const text = String(two.stdout);
    expect(text).toMatch(/^\[tiny_sweep\/random-0\.5\] run 3\/3$/m);
    expect(text).toMatch(/^\[tiny_sweep\/math\] step 2\/2 reward=/m);
    expect(text).toMatch(/^tiny_sweep\/random-0\.5\s+completed\s+2\s+\d\.\d{3}/m);
    const summary = JSON.parse(read(parallel, "summary.json")) as { runs: { run: string; status: string }[] };
    expect(summary.runs.map((r) => [r.run, r.status])).toEqual([
      ["tiny_base", "completed"],
      ["tiny_sweep/math", "completed"],
      ["tiny_sweep/random-0.5", "completed"],
    ]);
    for (const cell of ["tiny_base", "tiny_sweep/math", "tiny_sweep/random-0.5"]) {
      expect(read(path.join(parallel, cell), "metrics.jsonl")).toBe(read(path.join(sequential, cell), "metrics.jsonl"));
    }
  });
});
