import { describe, expect, it } from "vitest";
import { rlx } from "../support/rlx.js";
import { tempFile } from "../support/tempDir.js";

const SAMPLES = "test/fixtures/responses/samples.jsonl";
const CODE_BOXED = "test/fixtures/responses/code_boxed.txt";
const noStackTrace = /\n\s+at /;

describe("rlx reward", () => {
  it("prints the value of one response", async () => {
    expect(await rlx("reward", "math", "--response", CODE_BOXED, "--label", "100")).toMatchObject({ code: 0, stdout: "1" });
    expect(await rlx("reward", "boxed_count * 2", "--response", CODE_BOXED)).toMatchObject({ code: 0, stdout: "2" });
  });

  it("explains: one sub-term per line with its value and evidence", async () => {
    const { code, stdout } = await rlx("reward", 'box_only_format & !contains("python") | math', "--response", CODE_BOXED, "--label", "100", "--explain");
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      'box_only_format & !contains(text: "python") | math = 1',
      '├─ box_only_format & !contains(text: "python") = 0',
      "│  ├─ box_only_format = 1  (boxed_count >= 1)",
      '│  │  └─ boxed_count = 1  — boxes: ["100"]',
      '│  └─ !contains(text: "python") = 0',
      '│     └─ contains(text: "python") = 1  — found: "python", index: 89',
      '└─ math = 1  (equals_label)  — label: "100", answer: "100", source: "boxed", prediction: "100", gold: "100", method: "exact", reason: "the answers are identical"',
    ]);
  });

  it("adds definitions from --import files", async () => {
    const defs = tempFile("defs.rlx", 'import "stdlib/rewards"\nreward boxed_code = box_only_format & contains("```python")\n');
    expect(await rlx("reward", "boxed_code", "--response", CODE_BOXED, "--import", defs)).toMatchObject({ code: 0, stdout: "1" });
  });

  it("summarises a JSONL file: count, mean, share rewarded, agreement with math", async () => {
    const { code, stdout } = await rlx("reward", 'box_only_format & !contains("python")', "--responses", SAMPLES);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      `8 responses from ${SAMPLES} (1 without a label: math counts them wrong)`,
      "  mean reward          0.375",
      "  rewarded             3 (37.5%)",
      "  agreement with math  4 (50.0%)",
    ]);
  });

  it("reads other fields, dotted for nested ones", async () => {
    const file = tempFile("verl.jsonl", `${JSON.stringify({ out: "so \\boxed{2}", reward_model: { ground_truth: "2" } })}\n`);
    const { stdout } = await rlx("reward", "math", "--responses", file, "--response-field", "out", "--label-field", "reward_model.ground_truth");
    expect(stdout).toContain("rewarded             1 (100.0%)");
  });

  it("names file and line of a malformed JSONL line, without a stack trace", async () => {
    const file = tempFile("bad.jsonl", '{"response": "a", "answer": "1"}\n\n{"response": "b", answer: 2}\n');
    const { code, stderr } = await rlx("reward", "math", "--responses", file);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^rlx reward: ${file.replace(/[.\\]/g, "\\$&")}:3: not valid JSON`));
    expect(stderr).not.toMatch(noStackTrace);
    const missing = await rlx("reward", "math", "--responses", tempFile("x.jsonl", '{"text": "a"}\n'));
    expect(missing.stderr).toContain(":1: has no field 'response' (it has text); --response-field names the response field");
  });

  it("prints a bad expression's diagnostics with a caret into <input>, exit 1", async () => {
    const { code, stderr, stdout } = await rlx("reward", "box_only_format & !length", "--response", CODE_BOXED);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("<input>:1:20 error RLX0302 '!' needs a predicate or boolean, but this is a real-valued reward");
    expect(stderr).toMatch(/\n +1 \| box_only_format & !length\n +\| +\^{6}\n/);
    expect(stderr).not.toMatch(noStackTrace);
  });

  it("refuses a pattern RE2 cannot run with a message, not a stack trace", async () => {
    const { code, stderr } = await rlx("reward", 'matches("(?<!`)python")', "--response", CODE_BOXED);
    expect(code).toBe(1);
    expect(stderr).toContain("error RLX0403 matches(\"(?<!`)python\"): lookbehind (?<= …) or (?<! …) is not supported");
    expect(stderr).not.toMatch(noStackTrace);
  });

  it("explains its usage mistakes", async () => {
    expect((await rlx("reward", "math")).stderr).toContain("give either --response FILE or --responses FILE.jsonl");
    expect((await rlx("reward", "math", "--response", "no/such/file.txt")).stderr).toContain("cannot read --response no/such/file.txt: no such file");
    expect((await rlx("reward", "--help")).stdout).toContain("rlx reward EXPR --response FILE");
  });
});

describe("rlx audit", () => {
  it("relates a reward to correctness: 2×2 table, precision, recall, F1, phi", async () => {
    const { code, stdout } = await rlx("audit", "box_only_format", "--responses", SAMPLES);
    expect(code).toBe(0);
    // By hand: rewarded = lines 1,2,3,5,7,8; correct = 1,2,5 → TP 3, FP 3, FN 0, TN 2.
    expect(stdout).toContain(["rewarded            3      3      6", "not rewarded        0      2      2", "total               3      5      8"].join("\n"));
    expect(stdout).toContain("share rewarded                      75.0%");
    expect(stdout).toContain("precision (correct among rewarded)  0.500");
    expect(stdout).toContain("recall (rewarded among correct)     1.000");
    expect(stdout).toContain("F1                                  0.667");
    // phi = (3·2 − 3·0) / √(6·2·3·5) = 6/√180
    expect(stdout).toContain(`correlation (phi)                   ${(6 / Math.sqrt(180)).toFixed(3)}`);
  });

  it("agrees perfectly for math itself, and says n/a where a measure is undefined", async () => {
    const { stdout } = await rlx("audit", "math", "--responses", SAMPLES);
    expect(stdout).toContain("correlation (phi)                   1.000");
    const constant = await rlx("audit", "2 * length", "--responses", SAMPLES);
    expect(constant.stdout).toContain("correlation (Pearson r)");
    const nothing = await rlx("audit", "random(0)", "--responses", SAMPLES);
    expect(nothing.stdout).toContain("correlation (phi)                   n/a");
  });

  it("needs --responses and a good expression", async () => {
    expect((await rlx("audit", "math")).code).toBe(2);
    const bad = await rlx("audit", "box_only_format &", "--responses", SAMPLES);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("<input>:1:");
  });
});
