import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/program.js";
import { Diag } from "../../src/diagnostics/codes.js";
import { memoryHost, REPO_ROOT } from "../check/helpers.js";

const CORPUS = path.join(REPO_ROOT, "test", "fixtures", "broken");
const CODES = Object.values(Diag).map((k) => k.code);

/** The codes the broken-input corpus expects (see its README); test/check/corpus.test.ts checks each is reported. */
function corpusCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of readdirSync(CORPUS, { recursive: true }) as string[]) {
    if (!f.endsWith(".rlx")) continue;
    for (const line of readFileSync(path.join(CORPUS, f), "utf8").split(/\r?\n/)) {
      if (!line.startsWith("//")) break;
      const code = /^\/\/ expect: (RLX\d{4}) /.exec(line)?.[1];
      if (code) codes.add(code);
    }
  }
  return codes;
}

/** Codes whose input cannot be committed to the corpus, each with an input that gives it. */
const MADE_HERE: Record<string, () => string[]> = {
  // A file that cannot be read: the corpus's files all can.
  RLX0001: () => checkProgram(["missing.rlx"], memoryHost({})).diagnostics.map((d) => d.code),
  // Binary content: a committed binary fixture would be opaque in review.
  RLX0002: () => checkProgram(["blob.rlx"], memoryHost({ "blob.rlx": new Uint8Array([0x80, 0x81, 0xfe, 0xff]) })).diagnostics.map((d) => d.code),
};

describe("the diagnostics catalogue", () => {
  it("gives each code once, in the RLXnnnn form, with a one-line summary", () => {
    expect(new Set(CODES).size).toBe(CODES.length);
    for (const kind of Object.values(Diag)) {
      expect(kind.code).toMatch(/^RLX\d{4}$/);
      expect(kind.summary, kind.code).toMatch(/^[^\n]+$/);
    }
  });

  it("never reuses a retired code", () => {
    expect(CODES.filter((c) => c === "RLX0216" || c === "RLX0304")).toEqual([]);
  });

  it("has every code produced by a test input: the corpus, or an input made here", () => {
    const covered = corpusCodes();
    for (const [code, produce] of Object.entries(MADE_HERE)) {
      expect(covered.has(code), `${code} is in the corpus now: drop it from MADE_HERE`).toBe(false);
      expect(produce(), code).toEqual([code]);
      covered.add(code);
    }
    expect(CODES.filter((c) => !covered.has(c)), "codes no test input produces").toEqual([]);
    expect([...covered].filter((c) => !CODES.includes(c)), "expected codes that are not in the catalogue").toEqual([]);
  });
});
