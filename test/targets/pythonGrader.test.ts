import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mathEqual } from "../../src/reward/math/index.js";
import { BoundedRegex } from "../../src/core/regex.js";
import { pythonRegex, RegexTranslationError } from "../../src/targets/python/regex.js";
import { withModule, writeMathModule } from "./helpers.js";

/**
 * The Python reward module's parts against the TypeScript engine's, beyond the shared vectors:
 * the math grader on the whole labelled corpus, matches() patterns as Python's re runs them, and
 * the JavaScript value semantics (Number(), String()) the operators rely on.
 */
const module = writeMathModule();

describe("the Python math grader", () => {
  it("gives the TypeScript grader's verdict on every case of the labelled corpus", async () => {
    const corpus = readFileSync("test/fixtures/math/corpus.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as { prediction: string; gold: string; expected: boolean; note: string });
    const python = await withModule<boolean[]>(module, "print(json.dumps([m.math_equal(c['prediction'], c['gold']) for c in data]))", corpus);
    const disagreements = corpus.filter((c, i) => python[i] !== mathEqual(c.prediction, c.gold).equal).map((c) => `${c.note}: ${c.prediction} vs ${c.gold}`);
    expect(disagreements).toEqual([]);
    // …and is right where the corpus says what is right.
    expect(corpus.filter((c, i) => python[i] !== c.expected).map((c) => c.note)).toEqual([]);
  });

  it("is Python 3.8 syntax, for the interpreters verl and OpenRLHF run on", async () => {
    const ok = await withModule<boolean>(module, "import ast\nast.parse(open(data).read(), feature_version=(3, 8))\nprint('true')", module);
    expect(ok).toBe(true);
  });

  it("says which grader it uses, and decides complex numbers and repeating decimals without a CAS", async () => {
    const result = await withModule<{ grader: string; verdicts: boolean[] }>(
      module,
      "print(json.dumps({'grader': m.MATH_GRADER, 'verdicts': [m.math_equal(p, g) for p, g in data]}))",
      [["2i", "(1+i)^2"], ["\\frac{1}{i}", "-i"], ["0.\\overline{3}", "\\frac13"], ["1.\\overline{9}", "2"], ["3-4i", "3+4i"], ["0.\\overline{3}", "0.33"]],
    );
    expect(result.grader).toBe("rlx standard-library grader");
    expect(result.verdicts).toEqual([true, true, true, true, false, false]);
  });
});

describe("matches(pattern) in Python", () => {
  const cases: [string, string[]][] = [
    ["\\\\boxed\\{\\d+\\}", ["\\boxed{12}", "\\boxed{x}", "boxed{3}"]],
    ["^answer: \\w+$", ["answer: yes", "answer: yes\n", "answer: oui!", "the answer: yes"]],
    ["\\bpython\\b", ["use python here", "pythonic", "é python"]],
    ["\\s{2,}", ["a  b", "a\u00a0\u00a0b", "a\t\nb"]],
    ["[[:digit:]]+%", ["50%", "x%"]],
    ["(?i)final answer", ["The FINAL Answer", "finalanswer"]],
    ["(?s)begin.*end", ["begin\nend", "begin end"]],
    ["(?m)^\\d+$", ["x\n12\ny", "x12y"]],
    ["a{,2}b", ["a{,2}b", "aab"]],
    ["(?P<n>\\d)\\.\\d", ["3.14", "3,14"]],
    ["\\Qa+b\\E", ["a+b", "aab"]],
    ["[^\\]x]+", ["]]]", "abc"]],
    ["\\d+\\z", ["12", "12\n"]],
  ];
  it("matches what RE2 matches", async () => {
    const inputs = cases.map(([pattern, strings]) => ({ ...pythonRegex(pattern), strings }));
    const python = await withModule<boolean[][]>(module, "import re\nprint(json.dumps([[re.compile(c['pattern'], eval(c['flags'])).search(s) is not None for s in c['strings']] for c in data]))", inputs);
    cases.forEach(([pattern, strings], i) => {
      const re2 = new BoundedRegex(pattern);
      strings.forEach((s, j) => expect(python[i]![j], `${pattern} on ${JSON.stringify(s)}`).toBe(re2.test(s)));
    });
  });

  it("refuses what Python's re cannot run the same way, saying what", () => {
    for (const [pattern, what] of [
      ["\\pL+", "Unicode class"],
      ["(?U)a+", "ungreedy"],
      ["a(?i)b", "flag group"],
      ["[\\D]", "inside a character class"],
      ["[[:^alpha:]]", "negated class"],
      ["(a)\\1", "backreferences"],
    ] as const) {
      expect(() => pythonRegex(pattern), pattern).toThrowError(RegexTranslationError);
      expect(() => pythonRegex(pattern), pattern).toThrowError(what);
    }
  });
});

describe("JavaScript values in Python", () => {
  it("Number() of texts and String() of numbers agree with JavaScript", async () => {
    const texts = ["", " 12 ", "0x1f", "1e3", ".5", "5.", "+7", "-Infinity", "1_000", "abc", "0b101", "\u00a012\u2003", "1e400"];
    const numbers = [0, -0, 1, -1.5, 0.1, 1e21, 1.5e-7, 123456789012345680000, 1e-6, 2 ** 53, 1 / 3, 5e-324];
    const python = await withModule<{ num: (number | string)[]; str: string[] }>(
      module,
      "enc = lambda x: x if x == x and abs(x) != float('inf') else repr(x)\nprint(json.dumps({'num': [enc(m._num(t)) for t in data['texts']], 'str': [m._js_str(float(x)) for x in data['numbers']]}))",
      { texts, numbers },
    );
    const js = (x: number) => (Number.isFinite(x) ? x : Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf");
    expect(python.num).toEqual(texts.map((t) => js(Number(t))));
    expect(python.str).toEqual(numbers.map((n) => String(n)));
  });
});
