import { describe, expect, it } from "vitest";
import { evaluateRewards } from "../../src/reward/evaluate.js";
import { MAX_MATCH_INPUT, regexProblem } from "../../src/core/regex.js";
import { DEFAULT_IMPORTS, prepareReward } from "../../src/scoring/session.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { explained, reward, sample, score } from "./helpers.js";

describe("matches(pattern)", () => {
  // A backtracking engine would never finish these; how long RE2 takes is measured by `npm run bench` (src/bench/bounds.ts).
  it("runs a catastrophic pattern to the end: (a+)+$ on 50,000 a's and a '!'", () => {
    const text = `${"a".repeat(50_000)}!`;
    expect(score('matches("(a+)+$")', text)).toBe(0);
    expect(score('matches("(a|aa)*b")', text)).toBe(0);
  });

  it("finds a match anywhere and reports it with its index", () => {
    const text = "Let's think.\nThe answer is \\boxed{12}.";
    expect(score('matches("\\\\\\\\boxed\\\\{[0-9]+\\\\}")', text)).toBe(1);
    const { explanation } = explained('matches("[0-9]+")', sample(text));
    expect(explanation!.evidence).toEqual({ match: "12", index: text.indexOf("12") });
    expect(explained('matches("xyz")', sample(text)).explanation!.evidence).toEqual({ match: null });
  });

  it("refuses what RE2 cannot express with a clear message and a caret, not a stack trace", () => {
    const prepared = prepareReward('box_only_format & matches("(\\\\d)\\\\1")', { imports: DEFAULT_IMPORTS, definitions: [] });
    expect(prepared.ok).toBe(false);
    const printed = prepared.diagnostics.map((d) => formatDiagnostic(d)).join("\n");
    expect(printed).toContain("<input>:1:27 error RLX0403");
    expect(printed).toContain("backreferences (\\1, \\k<name>) are not supported: matches uses RE2");
    expect(printed).toMatch(/\n +\| +\^{10}$/);
    expect(regexProblem("(?=python)")).toMatch(/^lookahead .* not supported/);
    expect(regexProblem("(?<!`)python")).toMatch(/^lookbehind .* not supported/);
    expect(regexProblem("(?<n>a)\\k<n>")).toMatch(/^backreferences/);
    expect(regexProblem("x{1,5000}")).toMatch(/^invalid regular expression: invalid repeat count/);
    expect(regexProblem("a".repeat(2000))).toMatch(/at most 1000/);
    expect(regexProblem("^\\s*```python")).toBeUndefined();
  });

  it("throws a RewardCompileError from the runtime too, for values built without the session", () => {
    const value = reward('matches("a")');
    const bad = JSON.parse(JSON.stringify(value).replace('"a"', '"(?=a)"'));
    expect(() => evaluateRewards(bad, [sample("a")])).toThrow(/lookahead/);
  });

  it("reads at most MAX_MATCH_INPUT characters of a response", () => {
    const text = `${"x".repeat(MAX_MATCH_INPUT)}needle`;
    expect(score('matches("needle")', text)).toBe(0);
    expect(score('contains("needle")', text)).toBe(1);
  });
});
