import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTINS } from "../../src/check/builtins/index.js";
import { GRPO_FIELDS } from "../../src/check/grpoFields.js";
import { checkProgram, type Program } from "../../src/check/program.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { keywords } from "../../src/syntax/tokens.js";
import { diagnosticProblems, EXAMPLES_DIR, memoryHost, rlxFiles, STDLIB_DIR, stdlibSources } from "./helpers.js";

/**
 * Mutation fuzzing of the front end: every example and stdlib file, damaged in small random ways
 * (deletions, insertions of punctuation, keywords and garbage, duplications, truncations), must
 * check without throwing, and every diagnostic must be well-formed (see `diagnosticProblems`).
 *
 * Deterministic: mutant `i` of a source is made from the seed `seedOf(source) + i` alone, so a
 * failure reproduces from the seed printed with it (`mutate(text, seed)` rebuilds the mutant),
 * and the mutant's text is printed too. RLX_FUZZ_MUTANTS changes the total count.
 */
const TOTAL = Number(process.env["RLX_FUZZ_MUTANTS"] ?? 2400);

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a name: each source gets its own stable seed range. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const PUNCTUATION = [..."{}()[],:.=!&|+-*/<>\"\\@#$%^~`';?"];
const WORDS = [
  ...keywords,
  ...BUILTINS.keys(),
  ...GRPO_FIELDS.map((f) => f.name),
  "clip", "pass@1", "avg@8", "pss@1", "problem", "answer", "math", "tiny", "paper", "x",
  "==", "!=", "<=", ">=", "/*", "*/", "//", '"', '"\\', "\\u{110000}", "{problem}",
];
const GARBAGE = [
  "\u0000", "\u0001", "\u0007", "\b", "\u001b", "\u007f", "\t", "\r", "\r\n", "\u000b", "\f",
  "é", "ß", "λ", "中", "😀", "\uFEFF", "\u2028", "\u2029", "\u00a0", "\uD800", "\uDC00", "\uFFFD", "\u0301",
];
const NUMBERS = ["0", "-1", "-0", "0.0", "1e999", "1e-999", "0.5", "1.5", "12abc", "1.2.3", "1e", "1.", ".5", "99999999999999999999", "4097", "NaN", "1_000"];

/** Rough tokens: names, numbers, strings, comments, whitespace, single characters. */
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*(?:@[0-9]+)?|[0-9][0-9.eE+-]*|"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|\s+|[^]/g;

interface Mutant {
  text: string;
  /** What was done, for the failure message. */
  ops: string[];
  /** Raw bytes instead of text: invalid UTF-8 spliced in. */
  bytes?: Uint8Array;
}

function mutate(source: string, seed: number): Mutant {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  let text = source;
  const ops: string[] = [];
  const tokens = () => [...text.matchAll(TOKEN)].filter((m) => !/^\s+$/.test(m[0]));
  const splice = (at: number, remove: number, insert: string) => {
    text = text.slice(0, at) + insert + text.slice(at + remove);
  };

  const count = 1 + int(3);
  for (let n = 0; n < count; n++) {
    const at = int(text.length + 1);
    const op = int(14);
    switch (op) {
      case 0: {
        const len = 1 + int(4);
        ops.push(`delete ${len} chars at ${at}`);
        splice(at, len, "");
        break;
      }
      case 1:
      case 2: {
        const ts = tokens();
        if (ts.length === 0) break;
        const t = pick(ts);
        ops.push(`delete token ${JSON.stringify(t[0])} at ${t.index}`);
        splice(t.index!, t[0].length, "");
        break;
      }
      case 3: {
        const p = pick(PUNCTUATION);
        ops.push(`insert ${JSON.stringify(p)} at ${at}`);
        splice(at, 0, p);
        break;
      }
      case 4: {
        const w = pick(WORDS);
        const s = `${pick(["", " ", "\n"])}${w}${pick(["", " ", "\n"])}`;
        ops.push(`insert ${JSON.stringify(s)} at ${at}`);
        splice(at, 0, s);
        break;
      }
      case 5: {
        const g = Array.from({ length: 1 + int(4) }, () => pick(GARBAGE)).join("");
        ops.push(`insert garbage ${JSON.stringify(g)} at ${at}`);
        splice(at, 0, g);
        break;
      }
      case 6: {
        const from = int(text.length + 1);
        const slice = text.slice(from, from + 1 + int(120));
        ops.push(`copy [${from}, +${slice.length}) to ${at}`);
        splice(at, 0, slice);
        break;
      }
      case 7: {
        ops.push(`truncate at ${at}`);
        text = text.slice(0, at);
        break;
      }
      case 8: {
        const ts = tokens();
        if (ts.length < 2) break;
        const [a, b] = [pick(ts), pick(ts)].sort((x, y) => x.index! - y.index!) as [RegExpExecArray, RegExpExecArray];
        if (a.index === b.index || a.index! + a[0].length > b.index!) break;
        ops.push(`swap ${JSON.stringify(a[0])} and ${JSON.stringify(b[0])}`);
        text = text.slice(0, a.index) + b[0] + text.slice(a.index! + a[0].length, b.index) + a[0] + text.slice(b.index! + b[0].length);
        break;
      }
      case 9: {
        const ts = tokens().filter((t) => /^[0-9.]/.test(t[0]));
        if (ts.length === 0) break;
        const t = pick(ts);
        const v = pick(NUMBERS);
        ops.push(`number ${t[0]} -> ${v} at ${t.index}`);
        splice(t.index!, t[0].length, v);
        break;
      }
      case 10:
      case 11: {
        const lines = text.split("\n");
        const i = int(lines.length);
        if (op === 10) {
          ops.push(`duplicate line ${i + 1}`);
          lines.splice(i, 0, lines[i]!);
        } else {
          ops.push(`delete line ${i + 1}`);
          lines.splice(i, 1);
        }
        text = lines.join("\n");
        break;
      }
      case 12: {
        const ts = tokens().filter((t) => /^[A-Za-z_]{3}/.test(t[0]));
        if (ts.length === 0) break;
        const t = pick(ts);
        const i = int(t[0].length - 1);
        const typo = t[0].slice(0, i) + t[0][i + 1] + t[0][i] + t[0].slice(i + 2);
        ops.push(`typo ${t[0]} -> ${typo} at ${t.index}`);
        splice(t.index!, t[0].length, typo);
        break;
      }
      default: {
        const brackets = [...text.matchAll(/[{}()[\]"]/g)];
        if (brackets.length === 0) break;
        const b = pick(brackets);
        ops.push(`delete ${JSON.stringify(b[0])} at ${b.index}`);
        splice(b.index!, 1, "");
        break;
      }
    }
  }
  if (random() < 0.04) {
    const encoded = new TextEncoder().encode(text);
    const at = int(encoded.length + 1);
    const junk = Array.from({ length: 1 + int(3) }, () => 0x80 + int(0x80));
    ops.push(`splice bytes ${junk.map((b) => b.toString(16)).join(" ")} at byte ${at}`);
    const bytes = new Uint8Array(encoded.length + junk.length);
    bytes.set(encoded.subarray(0, at), 0);
    bytes.set(junk, at);
    bytes.set(encoded.subarray(at), at + junk.length);
    return { text, ops, bytes };
  }
  return { text, ops };
}

/** Checks one mutant and returns what went wrong, empty when nothing did. */
function run(mutant: Mutant, place: (content: string | Uint8Array) => { files: Record<string, string | Uint8Array>; entries: string[]; stdlib?: Record<string, string> }): { problems: string[]; program?: Program } {
  const { files, entries, stdlib } = place(mutant.bytes ?? mutant.text);
  let program: Program;
  try {
    program = checkProgram(entries, memoryHost(files, "/fuzz", stdlib));
  } catch (e) {
    return { problems: [`checkProgram threw: ${(e as Error).stack ?? String(e)}`] };
  }
  const problems = program.diagnostics.flatMap(diagnosticProblems);
  const seen = new Set<string>();
  for (const d of program.diagnostics) {
    if (!program.files.includes(d.file)) problems.push(`${d.code} names a file the program did not read: ${d.file.path}`);
    // One report per root cause: the same diagnostic twice means a check ran twice.
    const key = `${d.file.path} ${d.range.start} ${d.range.end} ${d.code} ${d.message}`;
    if (seen.has(key)) problems.push(`reported twice: ${formatDiagnostic(d)}`);
    seen.add(key);
  }
  return { problems, program };
}

const STDLIB = stdlibSources();
/** Uses a name from every stdlib file, so a damaged stdlib file is checked through its importer too. */
const STDLIB_DRIVER = `import "stdlib/rewards"
import "stdlib/grpo"
import "stdlib/templates"
experiment e {
  model tiny("code-prior")
  data arith(train: 100)
  reward box_only_format_and_no_python
  grpo paper_noclip
  template chat
}
sweep s from e {
  grpo in [paper, tiny]
  reward in [math, random_half]
}
`;

interface Source {
  name: string;
  text: string;
  place: (content: string | Uint8Array) => { files: Record<string, string | Uint8Array>; entries: string[]; stdlib?: Record<string, string> };
}

/** Every example as written: a damaged one sits among the others, which it may import. */
const EXAMPLES: Record<string, string> = Object.fromEntries(rlxFiles(EXAMPLES_DIR).map((p) => [`examples/${path.basename(p)}`, readFileSync(p, "utf8")]));

const sources: Source[] = [
  ...Object.entries(EXAMPLES).map(([name, text]): Source => ({
    name,
    text,
    place: (content) => ({ files: { ...EXAMPLES, [name]: content, "examples/data/mini_math.jsonl": "" }, entries: [name] }),
  })),
  ...rlxFiles(STDLIB_DIR).map((p): Source => {
    const base = path.basename(p);
    return {
      name: `stdlib/${base}`,
      text: readFileSync(p, "utf8"),
      // The damaged file replaces the real one in the stdlib, and is an entry itself as well as imported.
      place: (content) => ({
        files: { "driver.rlx": STDLIB_DRIVER, [`/stdlib/${base}`]: content },
        entries: ["driver.rlx", `/stdlib/${base}`],
        stdlib: Object.fromEntries(Object.entries(STDLIB).filter(([n]) => n !== base)),
      }),
    };
  }),
];

describe("mutation fuzzing", () => {
  it("the unmutated sources check cleanly through the in-memory host", () => {
    for (const source of sources) {
      const { problems, program } = run({ text: source.text, ops: [] }, source.place);
      expect(problems).toEqual([]);
      expect(program!.diagnostics.map((d) => formatDiagnostic(d)), source.name).toEqual([]);
    }
  });

  it(`${TOTAL} mutants never crash the checker and give well-formed diagnostics`, () => {
    const perSource = Math.ceil(TOTAL / sources.length);
    const failures: string[] = [];
    let mutants = 0;
    let withErrors = 0;
    const codes = new Set<string>();
    const started = performance.now();
    for (const source of sources) {
      const first = seedOf(source.name);
      for (let i = 0; i < perSource; i++) {
        const seed = (first + i) >>> 0;
        const mutant = mutate(source.text, seed);
        mutants++;
        const { problems, program } = run(mutant, source.place);
        // Every tenth mutant twice: the shared parser must carry nothing over from one run to the next.
        if (program && i % 10 === 0) {
          const again = run(mutant, source.place).program;
          const a = program.diagnostics.map((d) => formatDiagnostic(d));
          const b = again?.diagnostics.map((d) => formatDiagnostic(d));
          if (JSON.stringify(a) !== JSON.stringify(b)) problems.push("a second check of the same text gave other diagnostics");
        }
        if (program?.diagnostics.some((d) => d.severity === "error")) withErrors++;
        for (const d of program?.diagnostics ?? []) codes.add(d.code);
        if (problems.length > 0) {
          failures.push(
            [
              `${source.name} mutant seed=${seed} (mutate(text, ${seed}))`,
              `  ops: ${mutant.ops.join("; ")}`,
              ...problems.map((p) => `  ${p}`),
              `  text: ${JSON.stringify(mutant.text)}`,
            ].join("\n"),
          );
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    expect(failures.slice(0, 5).join("\n\n") + (failures.length > 5 ? `\n\n… and ${failures.length - 5} more` : "")).toBe("");
    expect(mutants).toBeGreaterThanOrEqual(2000);
    // Sanity of the generator: most mutants are broken, and in many different ways.
    expect(withErrors / mutants).toBeGreaterThan(0.5);
    expect(codes.size).toBeGreaterThan(15);
    console.log(`fuzz: ${mutants} mutants in ${seconds.toFixed(1)} s, ${withErrors} with errors, ${codes.size} codes: ${[...codes].sort().join(" ")}`);
  });
});
