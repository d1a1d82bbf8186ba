import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { generateArith } from "../../../src/runtime/data/arith.js";
import { tempDir } from "../../support/tempDir.js";
import { jsonl, read, runInProcess, TINY_RUN } from "./helpers.js";

/** A complete run of TINY_RUN, trained once for all e2e tests (test/support/referenceRun.ts); read only. */
const reference = inject("referenceRun");

describe("rlx run, in process", () => {
  it("writes a complete run directory, and the same seed and backend give identical metrics", async () => {
    const a = tempDir("rlx-run-a-");
    const first = await runInProcess(TINY_RUN, { dir: a });
    expect(first.outcome).toEqual({ status: "completed", step: 6, dir: a });
    for (const name of ["meta.json", "config.json", "graph.json", "metrics.jsonl", "timings.jsonl", "samples.jsonl", "evals.jsonl", "eval_samples.jsonl", "summary.json", "checkpoints/latest.json"]) {
      expect(existsSync(path.join(a, name)), name).toBe(true);
    }
    // The reference run is another run of the same file, trained in another process.
    for (const name of ["metrics.jsonl", "evals.jsonl", "samples.jsonl", "eval_samples.jsonl"]) expect(read(reference, name), name).toBe(read(a, name));

    const metrics = jsonl(a, "metrics.jsonl");
    expect(metrics.map((m) => m["step"])).toEqual([1, 2, 3, 4, 5, 6]);
    for (const m of metrics) {
      for (const key of ["reward_mean", "accuracy", "clip_frac_low", "clip_frac_high", "ratio_deviation", "kl", "entropy", "response_length", "zero_std_share", "grad_norm", "lr"]) {
        expect(Number.isFinite(m[key]), key).toBe(true);
      }
      expect(Object.keys(m["tracks"] as object)).toEqual(["code_frequency"]);
    }
    // 16 responses a step, each with its reward; evaluations before training, at step 3 and at the end.
    expect(jsonl(a, "samples.jsonl")).toHaveLength(6 * 16);
    expect([...new Set(jsonl(a, "evals.jsonl").map((e) => `${e["step"]} ${e["metric"]}`))]).toEqual(["0 pass@1", "0 avg@2", "3 pass@1", "3 avg@2", "6 pass@1", "6 avg@2"]);
    // Checkpoints every 2 steps; the two newest are kept.
    expect(JSON.parse(read(a, "checkpoints/latest.json"))).toEqual({ step: 6, dir: "step-000006" });
    expect(existsSync(path.join(a, "checkpoints/step-000004"))).toBe(true);
    expect(existsSync(path.join(a, "checkpoints/step-000002"))).toBe(false);
    expect(first.events.filter((e) => e.type === "checkpoint").map((e) => (e as { step: number }).step)).toEqual([2, 4, 6]);
    expect(JSON.parse(read(a, "meta.json"))).toMatchObject({ run: "tiny_run", steps: 6, seed: 5, backend: expect.stringMatching(/^wasm/) });
  });

  it("stops after a step when asked, checkpoints, and resumes to the uninterrupted run's metrics", async () => {
    const dir = tempDir("rlx-run-stop-");
    const stopped = await runInProcess(TINY_RUN, { dir, stopAfter: 3 });
    expect(stopped.outcome).toEqual({ status: "interrupted", step: 3, dir });
    const done = stopped.events.at(-1)!;
    expect(done).toMatchObject({ type: "done", status: "interrupted", step: 3, resumeCommand: `rlx run ${TINY_RUN} --resume ${dir}` });
    expect(JSON.parse(read(dir, "checkpoints/latest.json")).step).toBe(3);

    const resumed = await runInProcess(TINY_RUN, { dir: tempDir("unused-"), resume: dir });
    expect(resumed.events[0]).toMatchObject({ type: "start", resumedFrom: 3 });
    expect(resumed.outcome.status).toBe("completed");
    for (const name of ["metrics.jsonl", "evals.jsonl", "samples.jsonl"]) expect(read(dir, name), name).toBe(read(reference, name));
  });

  it("refuses to resume a directory made by another experiment", async () => {
    await expect(runInProcess("examples/compound_format_nocode.rlx", { dir: tempDir("unused-"), resume: reference })).rejects.toThrowError(/holds a run of 'tiny_run'/);
  });

  it("labels by majority vote of the policy, keeps the wrong labels, trains on those prompts only, and caches the vote", async () => {
    const cache = tempDir("rlx-cache-");
    const dir = tempDir("rlx-run-incorrect-");
    const first = await runInProcess("test/fixtures/runs/incorrect_run.rlx", { dir, cache });
    expect(first.outcome.status).toBe("completed");
    const phase = first.events.find((e) => e.type === "phase" && e.name.startsWith("labels majority_vote"));
    expect(phase).toMatchObject({ cached: false, name: expect.stringContaining("on 64 prompts") });
    expect(first.events).toContainEqual(expect.objectContaining({ type: "warning", message: expect.stringMatching(/^\d+ of 64 prompts have no label under the run's labelling and are left out$/) }));
    // The vote is cached; every prompt trained on has a majority answer, and a wrong one.
    const [voteFile] = readdirSync(cache).filter((f) => f.startsWith("labels-"));
    const votes = new Map(JSON.parse(readFileSync(path.join(cache, voteFile!), "utf8")) as [number, string][]);
    const truth = new Map(generateArith({ split: "train", count: 64, seed: 4, difficulty: 2 }).map((r) => [r.index, r.answer]));
    const samples = jsonl(dir, "samples.jsonl");
    expect(samples.length).toBe(4);
    for (const s of samples) {
      const index = s["prompt"] as number;
      expect(votes.get(index)).toBeDefined();
      expect(votes.get(index)).not.toBe(truth.get(index));
    }

    const again = await runInProcess("test/fixtures/runs/incorrect_run.rlx", { dir: tempDir("rlx-run-incorrect2-"), cache });
    expect(again.events.find((e) => e.type === "phase" && e.name.startsWith("labels majority_vote"))).toMatchObject({ cached: true });
    expect(read(again.outcome.dir, "samples.jsonl")).toBe(read(dir, "samples.jsonl"));
  });
});
