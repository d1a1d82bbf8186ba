import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/source.js";
import { parse } from "../../src/syntax/parse.js";
import { print, printExpr } from "../../src/syntax/printer.js";
import type { Module } from "../../src/syntax/ast.js";

/** Tricky sources covering every construct; the examples and stdlib files are added below. */
const INLINE: Record<string, string> = {
  "imports and definitions": `
    import "stdlib/rewards.rlx"
    import "a \\"quoted\\" path\\\\x"
    reward exact = match(answer, normalize: true)
    data gsm = dataset("gsm8k", split: "train")
    labels gold = field("answer")
    model base = tiny("code-prior")
    template chat = "System: {q}\\nAnswer:"`,
  "grpo presets": `
    grpo paper = default { group_size: 8, lr: 1e-6, clip: 0.2, kl: 0.0 }
    grpo bare = default
    grpo only = { steps: 200, seed: 1 }
    grpo empty = paper {}
    grpo long = paper { group_size: 16, learning_rate: 0.000001, clip_low: 0.2, clip_high: 0.28, kl_coef: 0.001, max_len: 1024 }`,
  "experiment with every clause": `
    experiment main from base {
      model tiny("code-prior", layers: 4,)
      data gsm | filter(len < 512) | take(1000)
      labels gold
      reward exact & format_ok | partial
      template chat
      seed 3
      grpo paper { group_size: 8 }
      grpo { lr: 2e-6 }
      grpo paper
      eval every 20 steps on gsm_test { pass@1(temperature: 0), avg@8 }
      eval on held_out { pass@1, }
      eval on held_out {}
      track acc = mean(score)
      checkpoint every 100 steps
    }
    experiment empty {}`,
  "sweeps": `
    sweep lr_sweep from main {
      grpo.clip in [0.2, none]
      grpo.lr in [1e-6, 3e-6, 1e-5,]
      model in [tiny("a"), tiny("b")]
      seed in []
      data.in.steps in [1]
    }
    sweep nothing from main {}`,
  "subtraction associativity": `model m = a - (b - c) - d + (e + f)`,
  "division associativity": `model m = a / (b * c) / d * (e / f)`,
  "not of and": `reward r = !(a & b) & !c | !!d`,
  "or inside and": `reward r = (a | b) & c | (d & e)`,
  "unary minus": `model m = [-(-1), -1, - -x, -(a + b), a - -1, a * -b, -a * b, !(x < 1)]`,
  "if in tail position": `model m = if p then 1 else 0 + 2`,
  "if as left operand": `model m = [(if p then 1 else 0) + 2, (if p then 1 else 0) * 3, 1 + (if p then 2 else 3) + 4, -(if p then 1 else 2) + 3, (1 + if p then 2 else 3) * 4]`,
  "nested ifs": `model m = if if a then b else c then if d then e else f else if g then h else i
    model n = [if a then b else c, f(if a then b else c), (if a then b else c) | d, x | if a then b else c & d]`,
  "comparisons": `reward r = [(a < b) == c, a == (b < c), a + 1 >= b * 2, a != b & c <= d | e > f, (a == b) != (c == d)]`,
  "calls with named args": `reward r = f(g(h(1), x: 2), if: 3, steps: k(seed: 4), data: [1, 2,],)`,
  "strings and numbers": `template t = ["tab\\there", "nl\\n cr\\r", "nul\\0", "q\\" bs\\\\", "\\u{1}\\u0007\\u{7f}", "é ✓ 😀 \\u{1F600}", "", 1e-6, 1E+3, .5, 1., 0.25e2, 42, true, false, none]`,
  "comments": `// line comment
    /* block
       comment */ model m = 1 /* inline */ + 2 // trailing`,
  "empty file": ``,
};

/** Every .rlx file of the examples and standard library that exists right now. */
function corpus(): [string, string][] {
  const sources: [string, string][] = Object.entries(INLINE);
  for (const dir of ["examples", "stdlib"]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".rlx")).sort()) {
      const path = join(dir, name);
      sources.push([path, readFileSync(path, "utf8")]);
    }
  }
  return sources;
}

/** A copy of the tree without source positions: every `{ start, end }`-valued field is dropped. */
function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!isRange(field)) out[key] = stripRanges(field);
  }
  return out;
}

function isRange(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === "end" && keys[1] === "start";
}

function parseClean(name: string, text: string): Module {
  const { module, diagnostics } = parse(new SourceFile(name, text));
  expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  return module;
}

describe("printer round trip", () => {
  it.each(corpus())("%s", (name, text) => {
    const ast = parseClean(name, text);
    const printed = print(ast);
    const reparsed = parseClean(`${name} (printed)`, printed);
    expect(stripRanges(reparsed)).toEqual(stripRanges(ast));
    expect(print(reparsed)).toBe(printed);
  });
});

describe("printer layout", () => {
  const printExprOf = (src: string) => {
    const item = parseClean("expr", `model m = ${src}`).items[0]!;
    if (item.kind !== "Definition") throw new Error("expected a definition");
    return printExpr(item.value);
  };

  it("prints the fewest parentheses", () => {
    expect(printExprOf("a - (b - c)")).toBe("a - (b - c)");
    expect(printExprOf("(a - b) - c")).toBe("a - b - c");
    expect(printExprOf("!(a & b)")).toBe("!(a & b)");
    expect(printExprOf("(a | b) & c")).toBe("(a | b) & c");
    expect(printExprOf("(a & b) | c")).toBe("a & b | c");
    expect(printExprOf("-(-1)")).toBe("- -1");
    expect(printExprOf("((a * b))")).toBe("a * b");
    expect(printExprOf("(a < b) < c")).toBe("(a < b) < c");
    expect(printExprOf("if p then 1 else 0 + 2")).toBe("if p then 1 else 0 + 2");
    expect(printExprOf("(if p then 1 else 0) + 2")).toBe("(if p then 1 else 0) + 2");
    expect(printExprOf("2 + (if p then 1 else 0)")).toBe("2 + if p then 1 else 0");
    expect(printExprOf("(1 + (if p then 2 else 3)) + 4")).toBe("1 + (if p then 2 else 3) + 4");
  });

  it("escapes strings", () => {
    expect(printExprOf(String.raw`"a\tb\n\"c\"\\\0\u{1b}"`)).toBe(String.raw`"a\tb\n\"c\"\\\0\u{1b}"`);
  });

  it("lays out items, clauses and records", () => {
    const src = `import "lib.rlx" grpo g = paper { lr: 1e-6 } experiment e from b { seed 1 eval every 10 steps on d { pass@1(temperature: 0), avg@8 } checkpoint every 50 steps }
      experiment f from e { grpo paper { group_size: 16, learning_rate: 0.000001, clip_low: 0.2, clip_high: 0.28 } }
      sweep s from e { grpo.clip in [0.2, none] }`;
    expect(print(parseClean("layout", src))).toBe(
      [
        `import "lib.rlx"`,
        ``,
        `grpo g = paper { lr: 1e-6 }`,
        ``,
        `experiment e from b {`,
        `  seed 1`,
        `  eval every 10 steps on d { pass@1(temperature: 0), avg@8 }`,
        `  checkpoint every 50 steps`,
        `}`,
        ``,
        `experiment f from e {`,
        `  grpo paper {`,
        `    group_size: 16`,
        `    learning_rate: 0.000001`,
        `    clip_low: 0.2`,
        `    clip_high: 0.28`,
        `  }`,
        `}`,
        ``,
        `sweep s from e {`,
        `  grpo.clip in [0.2, none]`,
        `}`,
        ``,
      ].join("\n"),
    );
  });

  it("refuses Missing nodes", () => {
    expect(() => printExpr({ kind: "Missing", range: { start: 0, end: 0 } })).toThrow(/Missing/);
  });
});
