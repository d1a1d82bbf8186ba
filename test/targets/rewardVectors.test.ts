import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { printValue } from "../../src/core/printValue.js";
import { compiledExperiment, type RewardModuleSpec, rewardModuleSource } from "../../src/targets/python/module.js";
import { tempDir } from "../support/tempDir.js";
import { type RewardVector, typescriptValues, vectorExpressions, vectorInputs, vectorLabelPorts } from "./vectors/build.js";
import { CORE_EXPECTATIONS } from "./vectors/core.js";

/**
 * The shared reward vectors: every standard-library reward and every example's compound reward
 * on realistic responses, computed by the TypeScript engine and by the generated Python module
 * (run with the system python3), which must agree value for value.
 *
 * test/fixtures/reward_vectors.jsonl holds the vectors with their expected values. It is generated
 * by vectorInputs() and the TypeScript engine; RLX_UPDATE_VECTORS=1 rewrites it after a deliberate
 * change of the reward semantics (review the diff).
 *
 * test/fixtures/reward_vectors_experiment.py is the part of the generated module that scores them
 * (every expression compiled, served to the runtime): the Python package's own tests
 * (src/targets/python/tests/) run it on the vectors without Node. RLX_UPDATE_VECTORS=1 rewrites it too.
 */
const FIXTURE = path.resolve("test/fixtures/reward_vectors.jsonl");
const EXPERIMENT = path.resolve("test/fixtures/reward_vectors_experiment.py");
const DRIVER = path.resolve("test/fixtures/targets/score_vectors.py");

const expressions = vectorExpressions();
const ports = vectorLabelPorts(expressions);
const computed: RewardVector[] = vectorInputs().map((input) => ({ ...input, expected: typescriptValues(input, expressions, ports) }));
const names = [...expressions.keys()];
const spec: RewardModuleSpec = {
  origin: "the shared reward vectors",
  reward: { value: expressions.get("math")!, text: "math" },
  tracks: names.map((name) => ({ name, value: expressions.get(name)!, text: printValue(expressions.get(name)!) })),
  labelPorts: ports,
  seed: 0,
};

if (process.env["RLX_UPDATE_VECTORS"] === "1" || !existsSync(FIXTURE)) {
  writeFileSync(FIXTURE, computed.map((v) => JSON.stringify(v)).join("\n") + "\n");
}
if (process.env["RLX_UPDATE_VECTORS"] === "1" || !existsSync(EXPERIMENT)) writeFileSync(EXPERIMENT, compiledExperiment(spec));
const fixture: RewardVector[] = readFileSync(FIXTURE, "utf8").trim().split("\n").map((l) => JSON.parse(l) as RewardVector);

describe("shared reward vectors", () => {
  it("are at least 200, with unique ids, every expression and realistic coordinates", () => {
    expect(fixture.length).toBeGreaterThanOrEqual(200);
    expect(new Set(fixture.map((v) => v.id)).size).toBe(fixture.length);
    for (const v of fixture) expect(Object.keys(v.expected).sort()).toEqual([...expressions.keys(), "accuracy"].sort());
    // Both outcomes occur for every predicate: a vector set where one never fires would prove little.
    for (const name of expressions.keys()) {
      const values = new Set(fixture.map((v) => v.expected[name]));
      expect(values.size, name).toBeGreaterThan(1);
    }
  });

  it("the TypeScript engine gives the hand-written expectations of the core vectors", () => {
    const byId = new Map(computed.map((v) => [v.id, v]));
    for (const [id, expected] of Object.entries(CORE_EXPECTATIONS)) {
      const vector = byId.get(id);
      expect(vector, `no vector '${id}'`).toBeDefined();
      for (const [name, value] of Object.entries(expected)) expect(vector!.expected[name], `${id}: ${name}`).toBe(value);
    }
    // accuracy is math against the case's first label
    for (const v of computed) if (v.label === v.truth) expect(v.expected["accuracy"]).toBe(v.expected["math"]);
  });

  it("random(p) in the vectors is the counter-based hash, recomputed independently", () => {
    for (const v of fixture) {
      const u = (term: number) => independentUniform(v.seed, v.step, v.prompt_index, v.sample_index, term);
      expect(v.expected["random_half"], v.id).toBe(u(0) < 0.5 ? 1 : 0);
      expect(v.expected["random_reward"], v.id).toBe(u(0) < 0.5 ? 1 : 0);
      expect(v.expected["two_draws"], v.id).toBe(u(0) < 0.3 || u(1) < 0.3 ? 1 : 0);
    }
    const halves = fixture.filter((v) => v.expected["random_half"] === 1).length / fixture.length;
    expect(halves).toBeGreaterThan(0.35);
    expect(halves).toBeLessThan(0.65);
  });

  it("the committed fixture is what the TypeScript engine computes now", () => {
    expect(fixture).toEqual(computed);
  });

  it("the committed compiled experiment, which the Python tests score, is what the compiler writes now", () => {
    expect(readFileSync(EXPERIMENT, "utf8")).toBe(compiledExperiment(spec));
  });

  it("the generated Python module computes every expected value", async () => {
    const dir = tempDir("rlx-vectors-");
    writeFileSync(path.join(dir, "reward.py"), rewardModuleSource(spec));
    writeFileSync(path.join(dir, "vectors.jsonl"), fixture.map((v) => JSON.stringify(v)).join("\n"));
    const { stdout } = await execa("python3", [DRIVER, path.join(dir, "reward.py"), path.join(dir, "vectors.jsonl")], { env: { RLX_METRICS: "0" } });
    const results = stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; values: Record<string, number> });
    expect(results.length).toBe(fixture.length);
    const mismatches: string[] = [];
    results.forEach((r, i) => {
      const v = fixture[i]!;
      expect(r.id).toBe(v.id);
      expect(r.values["score"]).toBe(v.expected["math"]);
      for (const [name, value] of Object.entries(v.expected)) {
        if (r.values[name] !== value) mismatches.push(`${v.id}: ${name} = ${r.values[name]} in Python, ${value} in TypeScript`);
      }
    });
    expect(mismatches).toEqual([]);
  });
});

/** lowbias32 over (seed, step, prompt, sample, term), each as two 32-bit halves, in BigInt: not src/reward/random.ts. */
function independentUniform(...coordinates: number[]): number {
  const M = 0xffffffffn;
  const mix = (x: bigint): bigint => {
    x &= M;
    x ^= x >> 16n;
    x = (x * 0x7feb352dn) & M;
    x ^= x >> 15n;
    x = (x * 0x846ca68bn) & M;
    x ^= x >> 16n;
    return x;
  };
  let h = 0x524c5831n;
  for (const c of coordinates) {
    const v = BigInt(c);
    h = mix(h ^ (v & M));
    h = mix(h ^ (v >> 32n));
  }
  return Number(h) / 2 ** 32;
}
