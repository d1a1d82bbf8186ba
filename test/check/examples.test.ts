import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../src/check/host.js";
import { checkProgram, type Program } from "../../src/check/program.js";
import type { ResolvedExperiment } from "../../src/check/resolved.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { EXAMPLES_DIR, memoryHost, REPO_ROOT, rlxFiles, STDLIB_DIR } from "./helpers.js";

/** The shipped examples and the standard library: they must check cleanly and mean what they say. */
const examples = rlxFiles(EXAMPLES_DIR);
const stdlib = rlxFiles(STDLIB_DIR);
const shown = (p: string) => path.relative(REPO_ROOT, p);

function check(entries: string[]): Program {
  return checkProgram(entries, nodeHost(REPO_ROOT));
}

function clean(program: Program): void {
  expect(program.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
}

function byName(program: Program): Map<string, ResolvedExperiment> {
  return new Map(program.experiments.map((e) => [e.name, e]));
}

/** The experiments each example declares, by name. */
const DECLARED: Record<string, string[]> = {
  "clipping_ablation.rlx": ["random_clipped", "random_unclipped", "random_on_policy"],
  "compound_format_nocode.rlx": ["compound_format_nocode"],
  "cross_model.rlx": ["base"],
  "custom_data.rlx": ["custom_data"],
  "format_reward.rlx": ["format_reward"],
  "ground_truth.rlx": ["ground_truth"],
  "incorrect_labels.rlx": ["incorrect_labels"],
  "paper_grid.rlx": ["paper_base"],
  "random_reward.rlx": ["random_reward"],
  // Its sweep's base comes from paper_grid.rlx, whose experiments an import does not run.
  "random_reward_seeds.rlx": [],
};

describe("examples and stdlib", () => {
  it("has the files this test knows about", () => {
    expect(examples.map((p) => path.basename(p))).toEqual(Object.keys(DECLARED).sort());
    expect(stdlib.map((p) => path.basename(p))).toEqual(["grpo.rlx", "rewards.rlx", "templates.rlx"]);
  });

  for (const file of [...examples, ...stdlib]) {
    it(`${shown(file)} checks with no diagnostics`, () => {
      const program = check([file]);
      clean(program);
      const declared = DECLARED[path.basename(file)] ?? [];
      expect(program.experiments.map((e) => e.name)).toEqual(file.startsWith(STDLIB_DIR) ? [] : declared);
      for (const e of program.experiments) expect(e.file).toBe(shown(file));
    });
  }

  it("checks every file together with no diagnostics", () => {
    const program = check([...examples, ...stdlib]);
    clean(program);
    expect(program.experiments.length).toBe(Object.values(DECLARED).flat().length);
    expect(program.sweeps.map((s) => s.name)).toEqual(["cross_model", "paper_grid", "paper_grid_noclip", "random_reward_seeds"]);
  });

  it("is unaffected by CRLF line ends and a byte-order mark", () => {
    const crlf = Object.fromEntries(examples.map((file) => [path.basename(file), "\uFEFF" + readFileSync(file, "utf8").replace(/\n/g, "\r\n")]));
    const host = memoryHost({ ...crlf, "data/mini_math.jsonl": "" });
    for (const name of Object.keys(crlf)) {
      const program = checkProgram([name], host);
      expect(program.diagnostics.map((d) => formatDiagnostic(d)), name).toEqual([]);
      expect(program.experiments.map((e) => e.name)).toEqual(DECLARED[name]);
    }
  });

  it("paper_grid.rlx crosses 3 models with 6 rewards, and clips at ε 0.1 with 16-sample mini-batches, and removes the clip for random reward", () => {
    const program = check([path.join(EXAMPLES_DIR, "paper_grid.rlx")]);
    const [grid, noclip] = program.sweeps;
    expect(grid!.cells).toHaveLength(18);
    expect(noclip!.cells).toHaveLength(3);
    for (const cell of grid!.cells) expect([cell.grpo["clip_low"], cell.grpo["clip_high"], cell.grpo["mini_batch_size"]]).toEqual([0.1, 0.1, 16]);
    for (const cell of noclip!.cells) {
      expect([cell.grpo["clip_low"], cell.grpo["clip_high"]]).toEqual([null, null]);
      expect(cell.sweep!.bindings["reward"]).toBe("random(0.5)");
    }
  });

  it("cross_model.rlx sweeps 3 models x 5 rewards", () => {
    const program = check([path.join(EXAMPLES_DIR, "cross_model.rlx")]);
    const [sweep] = program.sweeps;
    expect(sweep?.name).toBe("cross_model");
    expect(sweep!.base).toBe("base");
    expect(sweep!.axes.map((a) => [a.path, a.values.length])).toEqual([
      ["model", 3],
      ["reward", 5],
    ]);
    const ids = sweep!.cells.map((c) => c.sweep!.id);
    expect(ids.length).toBe(15);
    expect(new Set(ids).size).toBe(15);
    expect(ids).toContain("tiny-code-prior__math");
    expect(ids).toContain("tiny-no-code__random-0.5");
    expect(ids).toContain("tiny-bad-code__box_only_format-contains-python");
    for (const id of ids) expect(id).toMatch(/^[a-z0-9._-]+__[a-z0-9._-]+$/);

    const first = sweep!.cells[0]!;
    expect(first.name).toBe("cross_model/tiny-code-prior__math");
    expect(first.sweep).toEqual({ sweep: "cross_model", id: "tiny-code-prior__math", bindings: { model: 'tiny("code-prior")', reward: "math" } });
    // Every cell keeps the base's other clauses.
    const base = byName(program).get("base")!;
    for (const cell of sweep!.cells) {
      expect(cell.data).toEqual(base.data);
      expect(cell.grpo).toEqual(base.grpo);
      expect(cell.evals).toEqual(base.evals);
      expect(cell.tracks).toEqual(base.tracks);
    }
    const organisms = sweep!.cells.map((c) => JSON.stringify(c.model));
    expect(new Set(organisms).size).toBe(3);
  });

  it("clipping_ablation.rlx inherits and overrides the GRPO preset", () => {
    const experiments = byName(check([path.join(EXAMPLES_DIR, "clipping_ablation.rlx")]));
    const clipped = experiments.get("random_clipped")!;
    const unclipped = experiments.get("random_unclipped")!;
    const onPolicy = experiments.get("random_on_policy")!;
    expect([clipped.grpo["clip_low"], clipped.grpo["clip_high"]]).toEqual([0.2, 0.2]);
    expect([unclipped.grpo["clip_low"], unclipped.grpo["clip_high"]]).toEqual([null, null]);
    expect(onPolicy.grpo["mini_batch_size"]).toBe(128);
    for (const e of [unclipped, onPolicy]) {
      expect(e.grpo["steps"]).toBe(clipped.grpo["steps"]);
      expect(e.reward).toEqual(clipped.reward);
      expect(e.evals).toEqual(clipped.evals);
      expect(e.tracks).toEqual(clipped.tracks);
    }
    expect(clipped.grpo["prompts_per_step"]! as number * (clipped.grpo["group_size"] as number)).toBe(128);
  });

  it("compound_format_nocode.rlx resolves its clauses", () => {
    const e = byName(check([path.join(EXAMPLES_DIR, "compound_format_nocode.rlx")])).get("compound_format_nocode")!;
    expect(e.seed).toBe(1);
    expect(e.grpo["steps"]).toBe(40);
    expect(e.grpo["group_size"]).toBe(8);
    expect(e.evals).toEqual([
      {
        every: 20,
        data: expect.anything(),
        metrics: [
          { name: "pass", k: 1, temperature: 0 },
          { name: "avg", k: 8, temperature: 0.6 },
        ],
      },
    ]);
    expect(e.tracks.map((t) => t.name)).toEqual(["code_frequency"]);
    expect(JSON.stringify(e.data)).toContain('"fn":"where"');
  });

  it("custom_data.rlx resolves its data file against the .rlx file", () => {
    const e = byName(check([path.join(EXAMPLES_DIR, "custom_data.rlx")])).get("custom_data")!;
    expect(JSON.stringify(e.data)).toContain('"value":"examples/data/mini_math.jsonl"');
    expect(e.evals[0]!.every).toBeNull();
    expect(e.grpo["prompts_per_step"]).toBe(4);
  });

  it("incorrect_labels.rlx and random_reward.rlx resolve labels and tracks", () => {
    const labels = byName(check([path.join(EXAMPLES_DIR, "incorrect_labels.rlx")])).get("incorrect_labels")!;
    expect(labels.labels).toMatchObject({ kind: "call", fn: "incorrect", args: { of: { kind: "call", fn: "majority_vote" } } });
    const random = byName(check([path.join(EXAMPLES_DIR, "random_reward.rlx")])).get("random_reward")!;
    expect(random.tracks.map((t) => t.name)).toEqual(["code_frequency", "boxed"]);
    expect(random.labels).toEqual({ kind: "call", fn: "ground_truth", args: {} });
  });

  it("every stdlib preset, reward and template is usable in an experiment", () => {
    const source = [
      'import "stdlib/rewards"',
      'import "stdlib/grpo"',
      'import "stdlib/templates"',
      "experiment e {",
      '  model tiny("code-prior")',
      "  data arith(train: 100)",
      "  reward math",
      "}",
      "sweep all from e {",
      "  grpo in [paper, paper_noclip, paper_onpolicy, tiny, tiny_noclip]",
      "  reward in [math, box_only_format, contain_python_wo_backticks, majority, incorrect, random_half, box_only_format_and_no_python]",
      "  template in [chat, r1_only, plain]",
      "}",
    ].join("\n");
    const program = checkProgram(["all.rlx"], memoryHost({ "all.rlx": source }));
    expect(program.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    const cells = program.sweeps[0]!.cells;
    expect(cells.length).toBe(5 * 7 * 3);
    const noclip = cells.find((c) => c.sweep!.bindings["grpo"] === "paper_noclip")!;
    expect([noclip.grpo["clip_low"], noclip.grpo["clip_high"], noclip.grpo["prompts_per_step"]]).toEqual([null, null, 64]);
    const onPolicy = cells.find((c) => c.sweep!.bindings["grpo"] === "paper_onpolicy")!;
    expect(onPolicy.grpo["mini_batch_size"]).toBe(1024);
    expect(cells.every((c) => c.template?.includes("{problem}"))).toBe(true);
  });
});
