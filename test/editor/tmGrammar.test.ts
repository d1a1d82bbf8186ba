import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TOKEN_SCOPES, tmGrammar, tmGrammarJson } from "../../src/editor/tmGrammar.js";
import { rlxLexer } from "../../src/syntax/tokens.js";
import { tokenizeTm } from "./textmate.js";

const grammar = tmGrammar();

/** Each piece of `text` with its scope, as `text: scope`. */
function scopes(text: string): string[] {
  return tokenizeTm(grammar, text).map((t) => `${t.text.trim()}: ${t.scope}`);
}

describe("the TextMate grammar", () => {
  it("editors/vscode/syntaxes/rlx.tmLanguage.json matches the lexer", () => {
    const path = new URL("../../editors/vscode/syntaxes/rlx.tmLanguage.json", import.meta.url);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
    // A plain boolean check, so a stale file fails with the fix rather than a huge text diff.
    expect(committed === tmGrammarJson(), "editors/vscode/syntaxes/rlx.tmLanguage.json is out of date: run npm run tmgrammar").toBe(true);
  });

  it("scopes keywords, names, strings, numbers and operators", () => {
    expect(scopes('import "stdlib/rewards"')).toEqual(['import: keyword.control.import.rlx', '"stdlib/rewards": string.quoted.double.rlx']);
    expect(scopes("reward fmt = boxed_count >= 1 & !contains(\"python\") // no code")).toEqual([
      "reward: storage.type.rlx",
      "fmt: variable.other.rlx",
      "=: keyword.operator.assignment.rlx",
      "boxed_count: variable.other.rlx",
      ">=: keyword.operator.comparison.rlx",
      "1: constant.numeric.rlx",
      "&: keyword.operator.logical.rlx",
      "!: keyword.operator.logical.rlx",
      "contains: variable.other.rlx",
      "(: punctuation.section.parens.begin.rlx",
      '"python": string.quoted.double.rlx',
      "): punctuation.section.parens.end.rlx",
      "// no code: comment.line.double-slash.rlx",
    ]);
  });

  it("tells metrics, keywords and names that start with a keyword apart", () => {
    expect(scopes("eval every 20 steps on d { pass@1, avg@8 } steps_total none_left")).toEqual([
      "eval: keyword.other.rlx",
      "every: keyword.other.rlx",
      "20: constant.numeric.rlx",
      "steps: keyword.other.rlx",
      "on: keyword.other.rlx",
      "d: variable.other.rlx",
      "{: punctuation.section.block.begin.rlx",
      "pass@1: support.function.metric.rlx",
      ",: punctuation.separator.comma.rlx",
      "avg@8: support.function.metric.rlx",
      "}: punctuation.section.block.end.rlx",
      "steps_total: variable.other.rlx",
      "none_left: variable.other.rlx",
    ]);
  });

  it("marks malformed numbers and keeps an unclosed string to its line", () => {
    expect(scopes("seed 12abc")).toEqual(["seed: keyword.other.rlx", "12abc: invalid.illegal.number.rlx"]);
    expect(scopes('"open\nseed 1')).toEqual(['"open: string.quoted.double.rlx', "seed: keyword.other.rlx", "1: constant.numeric.rlx"]);
  });

  it("continues a block comment over lines, and to the end of the file when it is never closed", () => {
    expect(scopes("/* a\n  b */ seed 1")).toEqual(["/* a: comment.block.rlx", "b */: comment.block.rlx", "seed: keyword.other.rlx", "1: constant.numeric.rlx"]);
    expect(scopes("seed /* a\nseed 1")).toEqual(["seed: keyword.other.rlx", "/* a: comment.block.rlx", "seed 1: comment.block.rlx"]);
  });

  it("gives every token of the examples and the stdlib the scope of its token type", () => {
    const dirs = ["../../examples/", "../../stdlib/"].map((d) => new URL(d, import.meta.url));
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".rlx")).map((f) => new URL(f, dir)));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const scoped = new Map(tokenizeTm(grammar, text).map((t) => [t.offset, t]));
      for (const token of rlxLexer.tokenize(text).tokens) {
        const got = scoped.get(token.startOffset);
        const where = `${file.pathname.split("/").slice(-2).join("/")} offset ${token.startOffset}`;
        expect(got?.text, where).toBe(token.image);
        expect(got?.scope, where).toBe(TOKEN_SCOPES[token.tokenType.name]);
      }
    }
  });
});
