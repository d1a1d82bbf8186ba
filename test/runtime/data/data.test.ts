import { writeFileSync } from "node:fs";
import path from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../../src/check/program.js";
import { generateArith } from "../../../src/runtime/data/arith.js";
import { loadJsonl } from "../../../src/runtime/data/jsonl.js";
import { buildGraph } from "../../../src/graph/build.js";
import { ResultCache } from "../../../src/runtime/executor/cache.js";
import { runPlan } from "../../../src/runtime/executor/plan.js";
import { NodeEvaluator } from "../../../src/runtime/executor/prepare.js";
import { loadParquet } from "../../../src/runtime/data/parquet.js";
import { DataError } from "../../../src/runtime/data/rows.js";
import { tempDir } from "../../support/tempDir.js";

const dir = tempDir("rlx-data-");
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
const columns = { problem: "problem", answer: "answer", onError: "error" as const };

describe("JSONL", () => {
  it("maps columns, reads nested fields by dotted path and keeps 64-bit integers exact", () => {
    const p = file(
      "verl.jsonl",
      [
        '{"prompt": [{"role": "user", "content": "What is 2+2?"}], "reward_model": {"ground_truth": 4}}',
        "",
        '{"prompt": [{"role": "user", "content": "Big?"}], "reward_model": {"ground_truth": 12345678901234567890}}',
      ].join("\n"),
    );
    const { rows } = loadJsonl({ path: p, problem: "prompt.0.content", answer: "reward_model.ground_truth", onError: "error" });
    expect(rows).toEqual([
      { index: 0, problem: "What is 2+2?", answer: "4" },
      { index: 1, problem: "Big?", answer: "12345678901234567890" },
    ]);
  });

  it("names file and line of a malformed row", () => {
    const p = file("bad.jsonl", '{"problem": "a", "answer": "1"}\n{"problem": "b", "answer": \n');
    expect(() => loadJsonl({ path: p, ...columns })).toThrowError(new RegExp(`^${p}:2: malformed JSON`));
    const q = file("missing.jsonl", '{"problem": "a", "answer": "1"}\n{"problem": "b", "solution": "2"}\n');
    expect(() => loadJsonl({ path: q, ...columns })).toThrowError(`${q}:2: no field 'answer' (fields: problem, solution)`);
  });

  it("skips and counts malformed rows when asked to", () => {
    const p = file("mixed.jsonl", '{"problem": "a", "answer": "1"}\nnot json\n{"problem": "c"}\n{"problem": "d", "answer": 4}\n');
    const { rows, skipped } = loadJsonl({ path: p, ...columns, onError: "skip" });
    expect(rows.map((r) => r.problem)).toEqual(["a", "d"]);
    expect(skipped.map((s) => s.row)).toEqual([2, 3]);
  });

  it("reports a missing file as a data error", () => {
    expect(() => loadJsonl({ path: path.join(dir, "nope.jsonl"), ...columns })).toThrowError(DataError);
  });
});

describe("Parquet", () => {
  it("reads verl's nested layout: a list of messages and a struct, with INT64 answers", async () => {
    const p = path.join(dir, "verl.parquet");
    parquetWriteFile({
      filename: p,
      columnData: [
        { name: "prompt", data: [[{ role: "user", content: "What is 1+1?" }], [{ role: "user", content: "What is 3*3?" }]] },
        { name: "reward_model", data: [{ ground_truth: 2n }, { ground_truth: 9007199254740993n }] },
      ],
      schema: [
        { name: "root", num_children: 2 },
        { name: "prompt", repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", repetition_type: "REQUIRED", num_children: 2 },
        { name: "role", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "content", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "reward_model", repetition_type: "REQUIRED", num_children: 1 },
        { name: "ground_truth", type: "INT64", repetition_type: "REQUIRED" },
      ],
    });
    const { rows } = await loadParquet({ path: p, problem: "prompt.0.content", answer: "reward_model.ground_truth", onError: "error" });
    expect(rows).toEqual([
      { index: 0, problem: "What is 1+1?", answer: "2" },
      { index: 1, problem: "What is 3*3?", answer: "9007199254740993" },
    ]);
  });

  it("names the file when it is not Parquet", async () => {
    const p = file("fake.parquet", "this is not parquet");
    await expect(loadParquet({ path: p, ...columns })).rejects.toThrowError(new RegExp(`^${p}: not a readable Parquet file`));
  });
});

describe("arith", () => {
  it("is deterministic, correct, distinct and never puts a test problem in train", () => {
    const train = generateArith({ split: "train", count: 2000, seed: 1, difficulty: 4 });
    expect(generateArith({ split: "train", count: 2000, seed: 1, difficulty: 4 })).toEqual(train);
    expect(new Set(train.map((r) => r.problem)).size).toBe(2000);
    for (const row of train.slice(0, 200)) {
      const expr = row.problem.replace(/^What is (.*)\?$/, "$1");
      expect(String(Function(`return ${expr}`)())).toBe(row.answer);
    }
    for (const seed of [1, 2]) {
      const test = generateArith({ split: "test", count: 300, seed, difficulty: 4 });
      const trainSet = new Set(train.map((r) => r.problem));
      expect(test.filter((r) => trainSet.has(r.problem))).toEqual([]);
    }
  });

  it("says so when a difficulty has fewer distinct problems than asked", () => {
    expect(() => generateArith({ split: "train", count: 5000, seed: 0, difficulty: 1 })).toThrowError(/only \d+ distinct train problems/);
  });
});

describe("pipelines from checked programs", () => {
  it("run the stages of examples/custom_data.rlx as graph nodes, and split parts are complementary", async () => {
    const graph = buildGraph(checkProgram(["examples/custom_data.rlx"]), ["examples/custom_data.rlx"]);
    const evaluator = new NodeEvaluator(graph, new ResultCache(null), { onPhase: () => {}, onProgress: () => {}, shouldStop: () => false });
    const plan = runPlan(graph, graph.runs[0]!);
    const all = loadJsonl({ path: "examples/data/mini_math.jsonl", ...columns }).rows;
    const train = (await evaluator.rows(plan.rollout.inputs["prompts"]!)).rows;
    const test = (await evaluator.rows(plan.evals[0]!.rows)).rows;
    // train: rows with a problem shorter than 60 characters, then the 80 % part of split(seed: 3)
    expect(train.length).toBeGreaterThan(0);
    expect(train.every((r) => r.problem.length < 60)).toBe(true);
    // test: the 20 % part of the same split over all rows: disjoint from train, together all short rows
    const trainIds = new Set(train.map((r) => r.index));
    expect(test.filter((r) => trainIds.has(r.index))).toEqual([]);
    const short = all.filter((r) => r.problem.length < 60);
    expect(short.filter((r) => !trainIds.has(r.index) && !test.some((t) => t.index === r.index))).toEqual([]);
  });
});
