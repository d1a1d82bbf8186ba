import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { verlArguments } from "../../src/targets/verl/command.js";
import { planVerl } from "../../src/targets/verl/export.js";
import { parseModelChoice } from "../../src/targets/shared/run.js";
import { jsonl, read, waitForLine } from "../runtime/executor/helpers.js";
import { tempDir } from "../support/tempDir.js";
import { compiled } from "./helpers.js";

/**
 * `rlx run --engine verl` as a user starts it (a subprocess of bin/rlx.js, plain lines), against a
 * stand-in `python3` first on PATH (test/fixtures/targets/fake-verl): it records the arguments it
 * gets, scores responses with the exported reward module, prints verl-style console lines, and
 * with RLX_FAKE_VERL_WAIT waits for a signal. A real verl run needs GPUs and verl installed.
 */
const FILE = "test/fixtures/targets/engine_run.rlx";
const FAKE = path.resolve("test/fixtures/targets/fake-verl");
let realPython = "";

beforeAll(async () => {
  realPython = (await execa("python3", ["-c", "import sys; print(sys.executable)"])).stdout.trim();
});

function rlxRun(args: string[], env: Record<string, string> = {}, withFakes = true): ResultPromise {
  return execa(process.execPath, ["bin/rlx.js", "run", FILE, "--engine", "verl", "--gpus", "2", ...args], {
    reject: false,
    env: { CI: "1", NO_COLOR: "1", RLX_REAL_PYTHON: realPython, PATH: withFakes ? `${FAKE}${path.delimiter}${process.env["PATH"]}` : (process.env["PATH"] ?? ""), ...env },
    buffer: { stdout: true },
  });
}

describe("rlx run --engine verl (stand-in python3)", () => {
  it("passes the export's settings to python3 -m verl.trainer.main_ppo, streams its log and records its metrics", async () => {
    const root = tempDir("rlx-engine-");
    const dir = path.join(root, "run");
    const record = path.join(root, "record.json");
    const { exitCode, stdout } = await rlxRun(["--out", dir], { RLX_FAKE_VERL_RECORD: record });
    expect(exitCode).toBe(0);

    // Argument passing: exactly the overrides the export plans, with absolute paths into the run directory.
    const recorded = JSON.parse(readFileSync(record, "utf8")) as { argv: string[]; cwd: string };
    const graph = compiled(FILE);
    const options = { models: parseModelChoice([]), steps: null, eval: null, cluster: { gpus: 2, nodes: 1, tensorParallel: 1 } };
    expect(recorded.argv).toEqual(verlArguments(planVerl(graph, graph.runs[0]!, options).config.settings, dir));
    expect(recorded.argv.slice(0, 2)).toEqual(["-m", "verl.trainer.main_ppo"]);
    expect(recorded.argv).toEqual(
      expect.arrayContaining([
        "algorithm.adv_estimator=grpo",
        "actor_rollout_ref.rollout.n=4",
        "data.train_batch_size=4",
        "actor_rollout_ref.actor.ppo_mini_batch_size=2",
        "trainer.total_training_steps=3",
        "trainer.n_gpus_per_node=2",
        "actor_rollout_ref.model.path=Qwen/Qwen2.5-Math-1.5B",
        `data.train_files='${dir}/data/train.parquet'`,
        `++custom_reward_function.path='${dir}/reward.py'`,
        `++reward.custom_reward_function.path='${dir}/reward.py'`,
        "++reward.custom_reward_function.name=compute_score",
      ]),
    );
    expect(recorded.cwd).toBe(dir);

    // Log streaming: every line of verl's output, as it prints it, in the plain log and in engine.log.
    const lines = String(stdout).split("\n");
    expect(lines).toContain("verl | ray init kwargs: {'num_cpus': None, 'runtime_env': {'env_vars': {'TOKENIZERS_PARALLELISM': 'true'}}}");
    expect(lines.filter((l) => /^verl \| \(TaskRunner pid=\d+\) step:\d/.test(l))).toHaveLength(4);
    expect(read(dir, "engine.log")).toMatch(/^rlx-metrics \{.*"step": 3/m);

    // Metric parsing: verl's step lines with the reward module's sums (half the responses are right,
    // half carry python) become step lines, metrics.jsonl rows and evaluation results.
    expect(lines).toContain("step 2/3 reward=0.500 acc=0.500 code_frequency=0.500 clip=0.015 kl=NaN len=321.5 eta=00:13");
    expect(lines).toContain("eval step 0 arith(test: 8, seed: 3, difficulty: 2) pass@1=0.250 code_frequency=0.500");
    const metrics = jsonl(dir, "metrics.jsonl");
    expect(metrics.map((m) => [m["step"], m["reward_mean"], m["accuracy"], m["tracks"], m["responses_scored"], m["clip_frac"]])).toEqual([
      [1, 0.5, 0.5, { code_frequency: 0.5 }, 16, 0.015],
      [2, 0.5, 0.5, { code_frequency: 0.5 }, 16, 0.015],
      [3, 0.5, 0.5, { code_frequency: 0.5 }, 16, 0.015],
    ]);
    expect(metrics.map((m) => (m["engine"] as Record<string, number>)["actor/pg_loss"])).toEqual([0.1, 0.2, 0.30000000000000004]);
    expect(jsonl(dir, "evals.jsonl")).toEqual([{ step: 0, data: "arith(test: 8, seed: 3, difficulty: 2)", metric: "pass@1", value: 0.25, tracks: { code_frequency: 0.5 } }]);
    expect(lines.at(-1)).toBe(`done: completed after 3 steps; run directory ${dir}`);
  });

  it("on Ctrl-C stops verl with SIGINT, waits for it to exit, and exits 130", async () => {
    const root = tempDir("rlx-engine-int-");
    const dir = path.join(root, "run");
    const record = path.join(root, "record.json");
    const child = rlxRun(["--out", dir], { RLX_FAKE_VERL_RECORD: record, RLX_FAKE_VERL_WAIT: "1" });
    await waitForLine(child, /waiting for the next rollout/);
    child.kill("SIGINT");
    const { exitCode, stdout } = await child;
    expect(exitCode).toBe(130);
    const lines = String(stdout).trim().split("\n");
    expect(lines).toContain("warning: stopping verl (Ctrl-C again to kill it)");
    expect(lines).toContain("verl | stand-in verl: interrupted, shutting down");
    expect(lines.at(-1)).toBe(`interrupted after step 3; run directory ${dir}`);
    expect((JSON.parse(readFileSync(record, "utf8")) as { interrupted: boolean }).interrupted).toBe(true);
    expect(jsonl(dir, "metrics.jsonl")).toHaveLength(3);
  });

  it("with --ray submits the run directory as a Ray job, and stops the job on Ctrl-C", async () => {
    const root = tempDir("rlx-engine-ray-");
    const dir = path.join(root, "run");
    const ray = path.join(root, "ray.txt");
    const child = rlxRun(["--out", dir, "--ray", "http://head:8265"], { RLX_FAKE_VERL_RECORD: path.join(root, "record.json"), RLX_FAKE_RAY_RECORD: ray, RLX_FAKE_VERL_WAIT: "1" });
    await waitForLine(child, /waiting for the next rollout/);
    child.kill("SIGINT");
    const { exitCode } = await child;
    expect(exitCode).toBe(130);
    const submitted = readFileSync(ray, "utf8").trim();
    const id = /--submission-id (\S+)/.exec(submitted)![1]!;
    expect(submitted).toBe(`job submit --address http://head:8265 --submission-id ${id} --working-dir ${dir} -- bash run.sh`);
    expect(readFileSync(`${ray}.stop`, "utf8").trim()).toBe(`stop ${id}`);
    expect(jsonl(dir, "metrics.jsonl")).toHaveLength(3);
  });

  it("says so and exits 1 when verl, or the ray command, is not installed", async () => {
    const root = tempDir("rlx-engine-missing-");
    const noVerl = await rlxRun(["--out", path.join(root, "a")], {}, false);
    expect(noVerl.exitCode).toBe(1);
    expect(String(noVerl.stderr)).toContain("rlx run: verl is not installed for python3 (import verl failed): a real verl run needs GPUs and verl");
    expect(existsSync(path.join(root, "a"))).toBe(false);

    const noRay = await rlxRun(["--out", path.join(root, "b"), "--ray", "http://head:8265"], { PATH: "/nonexistent" }, false);
    expect(noRay.exitCode).toBe(1);
    expect(String(noRay.stderr)).toContain("rlx run: Ray is not installed here (no 'ray' command on PATH");
    expect(String(noVerl.stderr) + String(noRay.stderr)).not.toMatch(/\n\s+at /);
  });
});
