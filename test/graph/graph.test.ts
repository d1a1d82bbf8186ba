import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { checkProgram } from "../../src/check/program.js";
import { buildGraph } from "../../src/graph/build.js";
import { emitGraph } from "../../src/graph/emit.js";
import type { GraphDocument } from "../../src/graph/ir.js";
import { validateGraph } from "../../src/graph/schema.js";

const examples = readdirSync("examples")
  .filter((f) => f.endsWith(".rlx"))
  .map((f) => `examples/${f}`);

function compile(file: string): GraphDocument {
  const program = checkProgram([file]);
  expect(program.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return buildGraph(program, [file]);
}

describe("every example compiles to a valid graph", () => {
  for (const file of examples) {
    it(file, () => {
      const graph = compile(file);
      expect(validateGraph(graph)).toEqual([]);
      expect(graph.runs.length).toBeGreaterThan(0);
      // Byte-identical output from a second, independent compilation.
      expect(emitGraph(compile(file), "graph")).toBe(emitGraph(graph, "graph"));
      expect(emitGraph(compile(file), "yaml")).toBe(emitGraph(graph, "yaml"));
      expect(parseYaml(emitGraph(graph, "yaml"))).toEqual(JSON.parse(emitGraph(graph, "graph")));
    });
  }
});

describe("content hashes", () => {
  it("share the nodes sweep cells have in common", () => {
    const graph = compile("examples/cross_model.rlx");
    const count = (kind: string) => graph.nodes.filter((n) => n.kind === kind).length;
    expect(graph.runs).toHaveLength(16); // the base experiment and 3 models × 5 rewards
    expect(count("pretrain")).toBe(3);
    expect(count("load_dataset")).toBe(2); // train and test, shared by all 16 runs
    expect(count("shuffle")).toBe(1);
    expect(count("policy_update")).toBe(15); // the base run equals the code-prior × math cell
    const cell = graph.runs.find((r) => r.name === "cross_model/tiny-no-code__random-0.5");
    expect(cell?.sweep?.bindings).toEqual({ model: 'tiny("no-code")', reward: "random(0.5)" });
  });

  it("change exactly the nodes downstream of a change", () => {
    const graph = compile("examples/clipping_ablation.rlx");
    const [clipped, unclipped] = graph.runs;
    const nodesOf = (run: typeof clipped) => new Set(run!.nodes);
    const shared = [...nodesOf(clipped)].filter((id) => nodesOf(unclipped).has(id));
    const kinds = shared.map((id) => graph.nodes.find((n) => n.id === id)!.kind).sort();
    expect(kinds).toEqual(["init_policy", "label", "label", "load_dataset", "load_dataset", "pretrain", "shuffle"]);
    const update = graph.nodes.find((n) => n.kind === "policy_update" && unclipped!.nodes.includes(n.id))!;
    expect(update.params["clip_low"]).toBeNull();
    expect(update.params["clip_high"]).toBeNull();
  });

  it("runs list inputs before the nodes that use them, with the policy loop marked", () => {
    const graph = compile("examples/compound_format_nocode.rlx");
    const loops = graph.edges.filter((e) => e.loop);
    expect(loops).toHaveLength(1);
    expect(loops[0]!.from.startsWith("policy_update-")).toBe(true);
    expect(loops[0]!.to.startsWith("rollout-")).toBe(true);
    expect(graph.nodes.find((n) => n.kind === "pretrain")!.pure).toBe(true);
    expect(graph.nodes.find((n) => n.kind === "rollout")!.loop).toBe("train");
  });
});

describe("validateGraph", () => {
  it("rejects a graph whose node names a missing input", () => {
    const graph = compile("examples/ground_truth.rlx");
    const broken = JSON.parse(JSON.stringify(graph)) as { nodes: { inputs: Record<string, string> }[] };
    broken.nodes[1]!.inputs["weights"] = "pretrain-000000000000";
    expect(validateGraph(broken)).toContainEqual(expect.stringContaining("names no node"));
  });

  it("rejects a graph that breaks the schema", () => {
    const graph = compile("examples/ground_truth.rlx");
    expect(validateGraph({ ...graph, format: "other" })[0]).toMatch(/format/);
    expect(validateGraph({ ...graph, nodes: [{ ...graph.nodes[0], kind: "teleport" }] }).length).toBeGreaterThan(0);
  });
});
