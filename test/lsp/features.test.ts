import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/lsp/diagnostics.js";
import { completionsAt } from "../../src/lsp/completion.js";
import { definitionAt } from "../../src/lsp/definition.js";
import { viewDocument } from "../../src/lsp/document.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { EXAMPLES_DIR, memoryHost, REPO_ROOT, rlxFiles, STDLIB_DIR } from "../check/helpers.js";

const MAIN = "/mem/main.rlx";
const uriOf = (p: string) => `file://${p}`;

/** The document `text` with its cursor where `|` is, plus other files of the workspace. */
function cursor(text: string, files: Record<string, string> = {}) {
  const offset = text.indexOf("|");
  const host = memoryHost({ [MAIN]: text.replace("|", ""), ...files });
  return { doc: viewDocument(MAIN, host), offset, host };
}

function hoverText(text: string, files?: Record<string, string>): string {
  const { doc, offset } = cursor(text, files);
  const contents = hoverAt(doc, offset)?.contents;
  return contents && typeof contents === "object" && "value" in contents ? contents.value : "";
}

function labels(text: string): string[] {
  const { doc, offset } = cursor(text);
  return completionsAt(doc, offset).map((c) => c.label);
}

const EXPERIMENT = `import "stdlib/rewards"
import "stdlib/grpo"
reward fmt = boxed_count >= 1
experiment base {
  model tiny("code-prior")
  data arith(train: 100)
  reward fmt & math
  grpo tiny { group_size: 4 }
  eval on arith(test: 10) { pass@1 }
}
`;

describe("diagnostics", () => {
  it("are rlx check's, with code and range, for the document only", () => {
    const host = memoryHost({ [MAIN]: 'import "./lib"\nexperiment e {\n  model tiny("code-prior")\n  data arith(train: 10)\n  reward maht\n}\n', "/mem/lib.rlx": "reward r = nope\n" });
    const diagnostics = checkDocument(MAIN, host, uriOf);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "RLX0203",
      severity: 1,
      source: "rlx",
      message: "unknown name 'maht'",
      range: { start: { line: 4, character: 9 }, end: { line: 4, character: 13 } },
    });
  });

  it("point at the related location in the file", () => {
    const host = memoryHost({ [MAIN]: "reward a = length\nreward a = length\n" });
    const [duplicate] = checkDocument(MAIN, host, uriOf);
    expect(duplicate?.code).toBe("RLX0204");
    expect(duplicate?.relatedInformation).toEqual([
      { location: { uri: "file:///mem/main.rlx", range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } } }, message: "first defined here" },
    ]);
  });

  it("add the hint to the message", () => {
    const host = memoryHost({ [MAIN]: 'reward r = contains("a)\n' });
    const [unterminated] = checkDocument(MAIN, host, uriOf);
    expect(unterminated?.code).toBe("RLX0102");
    expect(unterminated?.message).toBe('string is not closed before the end of the line\nadd the closing "');
  });
});

describe("hover", () => {
  it("shows a built-in's signature, doc and parameters", () => {
    const text = hoverText('reward r = cont|ains("python", ignore_case: true)');
    expect(text).toContain("contains(text, ignore_case?) → predicate");
    expect(text).toContain("1 when the response contains the text");
    expect(text).toContain("- `ignore_case`: boolean = false — compare case-insensitively");
  });

  it("shows a parameter's type and doc on its name in a call", () => {
    expect(hoverText("data d = arith(tr|ain: 10)")).toContain("train: whole number ≥ 1, optional\n```\n\nthis many training problems (a parameter of `arith`)");
  });

  it("shows a GRPO field's type, default and doc in a grpo block and a sweep axis", () => {
    expect(hoverText(EXPERIMENT.replace("group_size", "group_|size"))).toContain("group_size: whole number ≥ 2 = 8\n```\n\nresponses sampled per prompt (G)");
    expect(hoverText('import "stdlib/grpo"\ngrpo g = tiny { cl|ip: none }')).toContain("sets both `clip_low` and `clip_high`");
    const sweep = `${EXPERIMENT}sweep s from base { grpo.lr_sch|edule in [constant, cosine] }\n`;
    expect(hoverText(sweep)).toContain("lr_schedule: constant | cosine | linear = constant");
  });

  it("shows a stdlib definition's source, comment and file", () => {
    const text = hoverText(EXPERIMENT.replace("fmt & math", "fmt & ma|th"));
    expect(text).toContain("```rlx\nreward math = equals_label\n```");
    expect(text).toContain("Mathematical equivalence of the final answer");
    expect(text).toContain("*stdlib/rewards.rlx*");
  });

  it("shows a metric's doc and a local definition without a file line", () => {
    expect(hoverText(EXPERIMENT.replace("pass@1", "pa|ss@1"))).toContain("share of problems solved by at least one of k samples");
    const local = hoverText(EXPERIMENT.replace("fmt & math", "f|mt & math"));
    expect(local).toBe("```rlx\nreward fmt = boxed_count >= 1\n```");
  });

  it("has nothing to say on punctuation or a tracked metric's new name", () => {
    expect(hoverText("reward r = length |+ 1")).toBe("");
    expect(hoverText(EXPERIMENT.replace("seed", "").replace("}\n", '  track co|de = contains("python")\n}\n'))).toBe("");
  });
});

describe("completion", () => {
  it("offers names in scope (stdlib imports included), built-ins and keywords in an expression", () => {
    const got = labels(EXPERIMENT.replace("fmt & math", "fmt & |"));
    expect(got).toEqual(expect.arrayContaining(["fmt", "math", "box_only_format", "contains", "equals_label", "experiment", "if"]));
    // GRPO presets are names in scope too; fields are not.
    expect(got).toContain("paper");
    expect(got).not.toContain("group_size");
  });

  it("offers GRPO fields inside a grpo record, and only there", () => {
    const { doc, offset } = cursor(EXPERIMENT.replace("{ group_size: 4 }", "{ group_size: 4, | }"));
    const items = completionsAt(doc, offset);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["steps", "lr", "clip_high", "clip"]));
    expect(items.map((i) => i.label)).not.toContain("contains");
    expect(items.find((i) => i.label === "lr")).toMatchObject({ insertText: "lr: ", detail: "number > 0" });
    // Commas between fields are optional: after a value, a new field starts.
    expect(labels('import "stdlib/grpo"\ngrpo g = tiny {\n  steps: 10\n  gr|\n}')).toContain("group_size");
    expect(labels("experiment e { grpo { |")).toContain("epochs");
  });

  it("offers a field's choices after its colon", () => {
    expect(labels('import "stdlib/grpo"\ngrpo g = tiny { lr_schedule: | }')).toEqual(["constant", "cosine", "linear"]);
    expect(labels("grpo g = { std_norm: |")).toEqual(["true", "false"]);
    expect(labels("grpo g = { clip: |")).toEqual(["none"]);
  });

  it("offers GRPO fields after grpo. in a sweep axis, without a colon", () => {
    const { doc, offset } = cursor(`${EXPERIMENT}sweep s from base { grpo.| }\n`);
    const lr = completionsAt(doc, offset).find((i) => i.label === "lr");
    expect(lr).toBeDefined();
    expect(lr?.insertText).toBeUndefined();
  });

  it("offers a built-in's parameters first inside its parentheses", () => {
    const got = labels("data d = arith(train: 10, |)");
    expect(got.slice(0, 4)).toEqual(["train", "test", "seed", "difficulty"]);
    expect(got).toContain("length");
  });

  it("offers experiments after from", () => {
    expect(labels(`${EXPERIMENT}experiment other from | {}`)).toEqual(["base"]);
  });

  it("offers nothing inside a comment, a string or a number", () => {
    expect(labels("// reward r = con|")).toEqual([]);
    expect(labels('reward r = contains("py|")')).toEqual([]);
    expect(labels("reward r = /* con| */ length")).toEqual([]);
    expect(labels("reward r = length * 1|")).toEqual([]);
  });
});

describe("definition", () => {
  const definition = (text: string, files?: Record<string, string>) => {
    const { doc, offset } = cursor(text, files);
    return definitionAt(doc, offset, uriOf);
  };

  it("goes from a use to the named reward in the same file", () => {
    expect(definition(EXPERIMENT.replace("fmt & math", "f|mt & math"))).toEqual({
      uri: "file:///mem/main.rlx",
      range: { start: { line: 2, character: 7 }, end: { line: 2, character: 10 } },
    });
  });

  it("goes across imports: stdlib and relative", () => {
    const inStdlib = definition(EXPERIMENT.replace("fmt & math", "fmt & m|ath"));
    expect(inStdlib?.uri).toBe("file:///stdlib/rewards.rlx");
    expect(inStdlib?.range.start.character).toBe(7);
    const relative = definition('import "./lib"\nreward r = my|_reward', { "/mem/lib.rlx": "// mine\nreward my_reward = length\n" });
    expect(relative).toEqual({ uri: "file:///mem/lib.rlx", range: { start: { line: 1, character: 7 }, end: { line: 1, character: 16 } } });
  });

  it("goes to a base experiment, a GRPO preset and an imported file", () => {
    expect(definition(`${EXPERIMENT}sweep s from ba|se { seed in [1, 2] }\n`)?.range.start).toEqual({ line: 3, character: 11 });
    expect(definition(EXPERIMENT.replace("grpo tiny", "grpo ti|ny"))?.uri).toBe("file:///stdlib/grpo.rlx");
    expect(definition(EXPERIMENT.replace('"stdlib/rewards"', '"stdlib/rew|ards"'))).toEqual({
      uri: "file:///stdlib/rewards.rlx",
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  });

  it("has no location for a built-in or an unknown name", () => {
    expect(definition("reward r = len|gth")).toBeNull();
    expect(definition("reward r = nop|e")).toBeNull();
  });
});

describe("every position", () => {
  it("of the examples, the stdlib and the broken fixtures gets an answer, and a hover covers its position", () => {
    const files = [EXAMPLES_DIR, STDLIB_DIR, path.join(REPO_ROOT, "test/fixtures/broken")].flatMap(rlxFiles);
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    let hovers = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const doc = viewDocument(MAIN, memoryHost({ [MAIN]: text, "/mem/lib.rlx": "reward r = length\n" }));
      const offsetOf = (p: { line: number; character: number }) => doc.module.file.lineStarts[p.line]! + p.character;
      for (let offset = 0; offset <= text.length; offset++) {
        const where = `${path.basename(file)} offset ${offset}`;
        try {
          const hover = hoverAt(doc, offset);
          if (hover) hovers++;
          if (hover && !(offsetOf(hover.range!.start) <= offset && offset <= offsetOf(hover.range!.end))) problems.push(`${where}: hover range elsewhere`);
          definitionAt(doc, offset, uriOf);
          completionsAt(doc, offset);
        } catch (error) {
          problems.push(`${where}: ${(error as Error).stack}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(hovers).toBeGreaterThan(1000);
  });
});
