import { describe, expect, it } from "vitest";
import { evaluateRewards } from "../../src/reward/evaluate.js";
import { renderExplanation } from "../../src/reward/explain.js";
import { explained, fixture, reward, sample } from "./helpers.js";

describe("explanations", () => {
  const text = fixture("code_boxed.txt"); // ```python … \boxed{100}

  it("gives every sub-term's value, keeping definition names, with each primitive's evidence", () => {
    const { value, explanation } = explained("box_only_format_and_no_python | math & random(0.5)", sample(text, "100", { seed: 3 }));
    expect(explanation).toEqual({
      term: 'box_only_format_and_no_python | math & random(p: 0.5)',
      value: value === 1,
      children: [
        {
          term: "box_only_format_and_no_python",
          definition: 'box_only_format & !contains(text: "python")',
          value: false,
          children: [
            { term: "box_only_format", definition: "boxed_count >= 1", value: true, children: [{ term: "boxed_count", value: 1, children: [], evidence: { boxes: ["100"] } }] },
            {
              term: '!contains(text: "python")',
              value: false,
              children: [{ term: 'contains(text: "python")', value: true, children: [], evidence: { found: "python", index: text.indexOf("python") } }],
            },
          ],
        },
        {
          term: "math & random(p: 0.5)",
          value: value === 1,
          children: [
            {
              term: "math",
              definition: "equals_label",
              value: true,
              children: [],
              evidence: { label: "100", answer: "100", source: "boxed", prediction: "100", gold: "100", method: "exact", reason: "the answers are identical" },
            },
            { term: "random(p: 0.5)", value: value === 1, children: [], evidence: expect.objectContaining({ seed: 3, step: 0, promptIndex: 0, sampleIndex: 0, term: 0, p: 0.5 }) },
          ],
        },
      ],
    });
  });

  it("agrees with the value computed without explaining, and explains only when asked", () => {
    const samples = ["", text, fixture("several_boxes.txt")].flatMap((r) => [0, 1, 2, 3].map((i) => sample(r, "5", { sampleIndex: i })));
    const r = reward("box_only_format & !contains(\"python\") | math & random(0.5) | length > 300");
    const plain = evaluateRewards(r, samples);
    const why = evaluateRewards(r, samples, { explain: true });
    expect(plain.map((x) => x.value)).toEqual(why.map((x) => x.value));
    expect(plain.every((x) => x.explanation === undefined)).toBe(true);
  });

  it("says why equals_label is 0: no label, no answer", () => {
    expect(explained("math", sample(text, null)).explanation!.evidence).toMatchObject({ label: null, answer: "100", reason: "no label" });
    expect(explained("math", sample(fixture("no_box.txt"), "72")).explanation!.evidence).toMatchObject({ answer: null, source: "none", reason: "no answer found in the response" });
    const wrong = explained("math", sample(fixture("several_boxes.txt"), "6")).explanation!.evidence!;
    expect(wrong).toMatchObject({ answer: "5", prediction: "5", gold: "6" });
    expect(wrong["reason"]).toEqual(expect.any(String));
  });

  it("shows the branch an if took, and leaves constants out", () => {
    const { explanation } = explained("if box_only_format then 1 + length / 1000 else -1", sample("\\boxed{7}"));
    expect(explanation!.value).toBe(1.009);
    expect(explanation!.children.map((c) => c.term)).toEqual(["box_only_format", "1 + length / 1000"]);
    expect(explanation!.children[1]!.children.map((c) => c.term)).toEqual(["length / 1000"]);
  });

  it("renders one sub-term per line, indented as a tree, long texts cut", () => {
    const lines = renderExplanation(explained("box_only_format_and_no_python", sample(text, "100")).explanation!);
    expect(lines).toEqual([
      'box_only_format_and_no_python = 0  (box_only_format & !contains(text: "python"))',
      "├─ box_only_format = 1  (boxed_count >= 1)",
      '│  └─ boxed_count = 1  — boxes: ["100"]',
      '└─ !contains(text: "python") = 0',
      `   └─ contains(text: "python") = 1  — found: "python", index: ${text.indexOf("python")}`,
    ]);
    const long = renderExplanation(explained("response == label", sample("x".repeat(500), "y")).explanation!);
    expect(long[1]).toBe(`├─ response = "${"x".repeat(60)}…" (500 chars)`);
    expect(long[0]).toBe("response == label = 0");
  });
});
