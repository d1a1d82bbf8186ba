import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parquetMetadata, parquetReadObjects, parquetSchema, type SchemaTree } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { describe, expect, it } from "vitest";
import type { GraphDocument } from "../../src/graph/ir.js";
import { epochBatches } from "../../src/runtime/batches.js";
import { ResultCache } from "../../src/runtime/executor/cache.js";
import { runPlan } from "../../src/runtime/executor/plan.js";
import { NodeEvaluator } from "../../src/runtime/executor/prepare.js";
import { exportOpenRlhf } from "../../src/targets/openrlhf/export.js";
import type { TargetOptions } from "../../src/targets/shared/plan.js";
import { parseModelChoice } from "../../src/targets/shared/run.js";
import { exportVerl } from "../../src/targets/verl/export.js";
import { tempDir } from "../support/tempDir.js";
import { compiled, withModule } from "./helpers.js";

/**
 * The data an export writes, read back by an independent reader (hyparquet, not the writer that
 * wrote it): verl's nested layout, and rows and labels equal to what rlx's own data pipeline (the
 * graph's nodes, evaluated as `rlx run` evaluates them) gives.
 */
const OPTIONS: TargetOptions = {
  models: parseModelChoice(["code-prior=Qwen/Qwen2.5-Math-7B", "Qwen/Qwen2.5-Math-1.5B"]),
  steps: null,
  eval: null,
  cluster: { gpus: 2, nodes: 1, tensorParallel: 1 },
};
const quiet = { onPhase: () => {}, onProgress: () => {}, shouldStop: () => false };

async function readParquet(file: string): Promise<{ schema: SchemaTree; rows: Record<string, unknown>[] }> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const schema = parquetSchema(parquetMetadata(buffer));
  return { schema, rows: await parquetReadObjects({ file: buffer, compressors }) };
}

/** A schema node as `name: TYPE` / `name<LIST>{…}` / `name{…}` with its repetition, for comparison. */
function shape(tree: SchemaTree): unknown {
  const e = tree.element;
  const kind = e.type ?? (e.converted_type === "LIST" ? "LIST" : "GROUP");
  const label = [e.name, e.repetition_type, kind, e.converted_type === "UTF8" ? "UTF8" : undefined].filter(Boolean).join(" ");
  return tree.children.length === 0 ? label : { [label]: tree.children.map(shape) };
}

/** What the pipeline gives for the training prompts: rows with a label under every labelling, in step order. */
async function pipeline(graph: GraphDocument, cacheDir: string | null) {
  const plan = runPlan(graph, graph.runs[0]!);
  const evaluator = new NodeEvaluator(graph, new ResultCache(cacheDir), quiet);
  const labels = Object.fromEntries(await Promise.all(Object.entries(plan.labelPorts).map(async ([port, id]) => [port, await evaluator.labels(id)] as const)));
  const truth = await evaluator.labels(plan.truth);
  const rows = (await evaluator.rows(plan.rollout.inputs["prompts"]!)).rows.filter((r) => Object.values(labels).every((l) => l.has(r.index)));
  const order = epochBatches(rows.length, plan.rollout.params.prompts_per_step, graph.runs[0]!.seed, true);
  const steps = Array.from({ length: graph.runs[0]!.steps }, (_, i) => order(i + 1).map((k) => rows[k]!));
  return { plan, labels, truth, steps, evaluator };
}

describe("verl data", () => {
  it("is Parquet with verl's nested columns, the pipeline's rows in step order and its labels", async () => {
    const graph = compiled("test/fixtures/targets/engine_run.rlx");
    const { plan, labels, truth, steps, evaluator } = await pipeline(graph, null);
    const dir = tempDir("rlx-verl-data-");
    const { manifest } = await exportVerl(graph, graph.runs[0]!, { ...OPTIONS, dir, evaluator });

    const train = await readParquet(path.join(dir, "data", "train.parquet"));
    expect(shape(train.schema)).toEqual({
      "root GROUP": [
        "data_source REQUIRED BYTE_ARRAY UTF8",
        { "prompt REQUIRED LIST": [{ "list REPEATED GROUP": [{ "element REQUIRED GROUP": ["role REQUIRED BYTE_ARRAY UTF8", "content REQUIRED BYTE_ARRAY UTF8"] }] }] },
        "ability REQUIRED BYTE_ARRAY UTF8",
        { "reward_model REQUIRED GROUP": ["style REQUIRED BYTE_ARRAY UTF8", "ground_truth REQUIRED BYTE_ARRAY UTF8"] },
        {
          "extra_info REQUIRED GROUP": [
            "split REQUIRED BYTE_ARRAY UTF8",
            "index REQUIRED INT64",
            "step REQUIRED INT64",
            "prompt_index REQUIRED INT64",
            "truth OPTIONAL BYTE_ARRAY UTF8",
          ],
        },
      ],
    });
    const expected = steps.flatMap((rows, s) =>
      rows.map((row) => ({
        data_source: "rlx/train",
        // no template: the bare problem, as rlx run prompts it
        prompt: [{ role: "user", content: row.problem }],
        ability: "math",
        reward_model: { style: "rule", ground_truth: labels["labels"]!.get(row.index)! },
        extra_info: { split: "train", step: BigInt(s + 1), prompt_index: BigInt(row.index), truth: truth.get(row.index)! },
      })),
    );
    expect(train.rows.length).toBe(3 * 4);
    expect(train.rows.map(({ extra_info, ...rest }) => ({ ...rest, extra_info: { ...(extra_info as object), index: undefined } }))).toEqual(
      expected.map((r) => ({ ...r, extra_info: { ...r.extra_info, index: undefined } })),
    );
    expect(train.rows.map((r) => (r["extra_info"] as { index: bigint }).index)).toEqual(train.rows.map((_, i) => BigInt(i)));

    const test = await readParquet(path.join(dir, "data", "test.parquet"));
    const evalRows = (await evaluator.rows(plan.evals[0]!.rows)).rows;
    const evalTruth = await evaluator.labels(plan.evals[0]!.labels);
    expect(test.rows.map((r) => [r["data_source"], (r["prompt"] as { content: string }[])[0]!.content, (r["reward_model"] as { ground_truth: string }).ground_truth])).toEqual(
      evalRows.map((row) => ["rlx/eval-0", row.problem, evalTruth.get(row.index)]),
    );
    expect(manifest.rows).toEqual({ train: 12, test: 8 });
    expect(existsSync(path.join(dir, "run.sh"))).toBe(true);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("A real run needs GPUs");
  });

  it("carries majority-vote labels (computed by the built-in model, here from the cache) and the wrong ones only", async () => {
    const graph = compiled("test/fixtures/targets/majority_export.rlx");
    const cache = tempDir("rlx-cache-");
    mkdirSync(cache, { recursive: true });
    // The majority votes rlx would sample: right for even rows, wrong (answer + 1) for odd ones.
    const arith = new NodeEvaluator(graph, new ResultCache(null), quiet);
    const votes = graph.nodes.find((n) => n.kind === "label" && n.params["method"] === "majority_vote")!;
    const rows = (await arith.rows(votes.inputs["rows"]!)).rows;
    const voted = rows.map((r) => [r.index, r.index % 2 === 0 ? r.answer : String(Number(r.answer) + 1)] as const);
    writeFileSync(path.join(cache, `labels-${votes.hash.slice(0, 16)}.json`), JSON.stringify(voted));

    const { labels, truth, steps, evaluator } = await pipeline(graph, cache);
    // incorrect(...) keeps the odd rows; the reward also grades against the votes themselves (labels_1)
    expect([...labels["labels"]!.keys()]).toEqual(rows.filter((r) => r.index % 2 === 1).map((r) => r.index));
    const dir = tempDir("rlx-verl-majority-");
    const { manifest } = await exportVerl(graph, graph.runs[0]!, { ...OPTIONS, dir, evaluator });
    const train = await readParquet(path.join(dir, "data", "train.parquet"));
    expect(train.rows.length).toBe(4 * 2);
    expect(
      train.rows.map((r) => {
        const info = r["extra_info"] as { step: bigint; prompt_index: bigint; truth: string; labels_1: string };
        return [Number(info.step), Number(info.prompt_index), (r["reward_model"] as { ground_truth: string }).ground_truth, info.truth, info.labels_1];
      }),
    ).toEqual(steps.flatMap((rows, s) => rows.map((row) => [s + 1, row.index, labels["labels"]!.get(row.index), truth.get(row.index), labels["labels_1"]!.get(row.index)])));
    expect(manifest.notes).toContainEqual(expect.stringMatching(/^majority_vote\(k: 4, temperature: 1\) was computed by the experiment's tiny\("code-prior"\), not by Qwen\/Qwen2.5-Math-7B/));

    // The exported module grades against each row's own labels: the wrong label, and the votes.
    const row = train.rows[0]!;
    const info = row["extra_info"] as Record<string, unknown>;
    const answer = (row["reward_model"] as { ground_truth: string }).ground_truth;
    const scored = await withModule<Record<string, number>>(
      path.join(dir, "reward.py"),
      "print(json.dumps(m.compute_score('rlx/train', data['response'], data['label'], data['info'])))",
      { response: `So it is \\boxed{${answer}}.`, label: answer, info: { ...info, step: Number(info["step"]), index: Number(info["index"]), prompt_index: Number(info["prompt_index"]) } },
    );
    // math against the incorrect label: 1; equals_label(majority_vote) against the same votes: 1; accuracy against the truth: 0
    expect(scored).toEqual({ score: 2, accuracy: 0 });
  });
});

describe("OpenRLHF data", () => {
  it("is JSON Lines: the prompt as rlx builds it, and a label carrying the row's labels and coordinates", async () => {
    const graph = compiled("test/fixtures/targets/engine_run.rlx");
    const { labels, truth, steps, evaluator } = await pipeline(graph, null);
    const dir = tempDir("rlx-openrlhf-data-");
    const { manifest } = await exportOpenRlhf(graph, graph.runs[0]!, { ...OPTIONS, dir, evaluator });
    const lines = readFileSync(path.join(dir, "data", "train.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { prompt: string; label: string });
    expect(lines.map((l) => ({ prompt: l.prompt, label: JSON.parse(l.label) }))).toEqual(
      steps.flatMap((rows, s) =>
        rows.map((row, k) => ({
          prompt: row.problem,
          label: { label: labels["labels"]!.get(row.index), truth: truth.get(row.index), split: "train", index: s * 4 + k, step: s + 1, prompt_index: row.index, source: "train" },
        })),
      ),
    );
    expect(manifest.rows).toEqual({ train: 12, test: 8 });
    const script = readFileSync(path.join(dir, "run.sh"), "utf8");
    expect(script).toContain("--rollout.n_samples_per_prompt 4");
    expect(script).toContain('--reward.remote_url "$DIR/reward.py"');
  });
});
