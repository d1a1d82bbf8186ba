import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planOpenRlhf } from "../../src/targets/openrlhf/export.js";
import { ExportError } from "../../src/targets/shared/errors.js";
import type { TargetOptions } from "../../src/targets/shared/plan.js";
import { planVerl } from "../../src/targets/verl/export.js";
import { tempDir } from "../support/tempDir.js";
import { compiled, EXAMPLE_OPTIONS } from "./helpers.js";

/**
 * The launch commands generated for every example, as snapshots (one file per example and
 * target, every run and sweep cell of the example in it): a change to any mapping shows up as a
 * reviewed diff. Each built-in organism stands for the model family the study pairs it with.
 */
const EXAMPLES = readdirSync("examples").filter((f) => f.endsWith(".rlx")).sort();
const PLANNERS = { verl: planVerl, openrlhf: planOpenRlhf } as const;

function launchScripts(file: string, target: keyof typeof PLANNERS, options: TargetOptions = EXAMPLE_OPTIONS): string {
  const graph = compiled(file);
  return graph.runs
    .map((run) => {
      try {
        return `# ---- run ${run.name}\n${PLANNERS[target](graph, run, options).script}`;
      } catch (error) {
        if (!(error instanceof ExportError)) throw error;
        return `# ---- run ${run.name}: not exportable\n${error.message}\n`;
      }
    })
    .join("\n");
}

describe.each(Object.keys(PLANNERS) as (keyof typeof PLANNERS)[])("%s launch commands", (target) => {
  it.each(EXAMPLES)("for examples/%s", async (example) => {
    const text = launchScripts(path.join("examples", example), target);
    expect(text).not.toContain("not exportable");
    await expect(text).toMatchFileSnapshot(`__snapshots__/launch/${target}/${example.replace(/\.rlx$/, ".sh")}`);
  });
});

describe("exports that cannot run as written", () => {
  const file = (name: string, text: string) => {
    const p = path.join(tempDir("rlx-export-"), name);
    writeFileSync(p, text);
    return p;
  };

  it("name every field and clause at once: the paper preset, a linear schedule, two sampling settings", () => {
    const p = file(
      "paper.rlx",
      `import "stdlib/rewards"\nimport "stdlib/grpo"\nexperiment study {\n  model hf("Qwen/Qwen2.5-Math-7B")\n  data arith(train: 100)\n  reward math\n  grpo paper { lr_schedule: linear }\n  eval on arith(test: 10) { pass@1, avg@8 }\n}\n`,
    );
    const graph = compiled(p);
    const verl = () => planVerl(graph, graph.runs[0]!, { ...EXAMPLE_OPTIONS, eval: null });
    expect(verl).toThrowError(ExportError);
    try {
      verl();
    } catch (error) {
      expect((error as ExportError).problems.map((x) => x.field)).toEqual(["eval", "grpo.lr_schedule", "grpo.whiten_advantages"]);
      expect((error as Error).message).toMatch(/^run 'study' cannot be exported to verl:\n {2}eval: verl evaluates with one sampling setting per run/);
    }
  });

  it("refuse majority-vote labels of a real checkpoint instead of inventing them", () => {
    const p = file("majority.rlx", `import "stdlib/rewards"\nexperiment m {\n  model hf("Qwen/Qwen2.5-Math-7B")\n  data arith(train: 100)\n  labels incorrect(majority_vote(k: 8))\n  reward math\n}\n`);
    const graph = compiled(p);
    expect(() => planOpenRlhf(graph, graph.runs[0]!, EXAMPLE_OPTIONS)).toThrowError(/labels: majority_vote\(k: 8, temperature: 1\) needs samples of hf\("Qwen\/Qwen2.5-Math-7B"\), and rlx samples only its built-in tiny\(\.\.\.\) models/);
  });

  it("need a checkpoint for a built-in model, and say how to give one", () => {
    const graph = compiled("examples/ground_truth.rlx");
    expect(() => planVerl(graph, graph.runs[0]!, { ...EXAMPLE_OPTIONS, models: { all: null, byOrganism: {} } })).toThrowError(
      /model: tiny\("code-prior"\) is rlx's built-in model, which a distributed engine cannot load; pass --model PATH \(or --model code-prior=PATH\)/,
    );
  });

  it("refuse a regular expression Python would run differently", () => {
    const p = file("regex.rlx", `import "stdlib/rewards"\nexperiment r {\n  model hf("m")\n  data arith(train: 100)\n  reward matches("\\\\p{L}+ is")\n}\n`);
    const graph = compiled(p);
    expect(() => planVerl(graph, graph.runs[0]!, EXAMPLE_OPTIONS)).toThrowError(/reward: matches\(.*\): the Unicode class \\p has no exact equivalent in Python's re module/);
  });
});
