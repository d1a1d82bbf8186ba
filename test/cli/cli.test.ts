import { readFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { rlx } from "../support/rlx.js";
import { tempDir, tempFile } from "../support/tempDir.js";

describe("rlx CLI", () => {
  it("checks every example cleanly", async () => {
    const { code, stderr } = await rlx("check", ...["compound_format_nocode", "ground_truth", "random_reward", "incorrect_labels", "format_reward", "clipping_ablation", "cross_model"].map((n) => `examples/${n}.rlx`));
    expect(stderr).toContain("0 errors, 0 warnings");
    expect(code).toBe(0);
  });

  it("counts a file's experiments, sweeps and sweep cells", async () => {
    const { code, stderr } = await rlx("check", "examples/paper_grid.rlx");
    expect(stderr).toContain("ok: 1 experiment, 2 sweeps (21 cells)");
    expect(code).toBe(0);
  });

  it("reports a mistake as file:line:col with a caret and exit 1, without a stack trace", async () => {
    const file = tempFile("typo.rlx", 'import "stdlib/rewards"\nexperiment e {\n  model tiny("code-prior")\n  data arith(train: 10)\n  reward maht\n}\n');
    const { code, stderr } = await rlx("check", file);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:5:10 error RLX0203 unknown name 'maht' (did you mean 'math'?)`);
    expect(stderr).toMatch(/\n +\| +\^\^\^\^\n/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a missing file without a stack trace", async () => {
    const { code, stderr } = await rlx("check", "does/not/exist.rlx");
    expect(code).toBe(1);
    expect(stderr).toContain("RLX0001");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("compiles to byte-identical JSON and YAML twice", async () => {
    const a = await rlx("compile", "examples/cross_model.rlx");
    const b = await rlx("compile", "examples/cross_model.rlx");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).runs).toHaveLength(16);
    const y1 = await rlx("compile", "examples/cross_model.rlx", "--emit", "yaml");
    const y2 = await rlx("compile", "examples/cross_model.rlx", "--emit", "yaml");
    expect(y1.stdout).toBe(y2.stdout);
    expect(y1.stdout).toContain("format: rlx.graph/1");
  });

  it("writes the graph to --out and prints canonical rlx with --emit rlx", async () => {
    const out = path.join(tempDir("rlx-out-"), "g.json");
    expect((await rlx("compile", "examples/ground_truth.rlx", "--out", out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).format).toBe("rlx.graph/1");
    const printed = await rlx("compile", "examples/ground_truth.rlx", "--emit", "rlx");
    expect(printed.stdout).toContain("experiment ground_truth {");
  });

  it("refuses to compile a file with errors", async () => {
    const file = tempFile("bad.rlx", "experiment e { model tiny(\"nope\") }\n");
    const { code, stdout, stderr } = await rlx("compile", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("RLX0404");
  });

  it("ends quietly when the reader of its output goes away (| head)", async () => {
    const errors = path.join(tempDir("rlx-cli-"), "stderr.txt");
    const piped = await execa("sh", ["-c", `"${process.execPath}" bin/rlx.js compile examples/cross_model.rlx 2>"${errors}" | head -c 20`], { reject: false });
    expect(piped.stdout).toBe('{\n  "format": "rlx.g');
    expect(readFileSync(errors, "utf8")).toBe("");
  });

  it("answers --help, --version and unknown commands", async () => {
    expect((await rlx("--help")).stdout).toContain("Commands:");
    expect((await rlx("check", "--help")).stdout).toContain("rlx check FILE");
    expect((await rlx("--version")).stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const unknown = await rlx("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const usage = await rlx("compile", "examples/ground_truth.rlx", "--emit", "xml");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--emit must be one of");
  });
});
