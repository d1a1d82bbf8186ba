import { describe, expect, it } from "vitest";
import type { Value } from "../../src/core/values.js";
import { evaluateRewards } from "../../src/reward/evaluate.js";
import { fixture, reward, sample, score } from "./helpers.js";

/**
 * Every reward of stdlib/rewards.rlx on responses written like Qwen2.5-Math's, with the value
 * worked out by hand from each reward's definition.
 */
const FIXTURES = {
  code_boxed: { label: "100", math: 1, box: 1, python: 0, boxNoPython: 0 }, // ```python fence, answer 100
  python_no_backticks: { label: "0.875", math: 1, box: 1, python: 1, boxNoPython: 0 }, // "Python" without a fence; 7/8 = 0.875
  several_boxes: { label: "5", math: 1, box: 1, python: 0, boxNoPython: 1 }, // boxes 2, 6, 5: the last one counts
  no_box: { label: "72", math: 0, box: 0, python: 0, boxNoPython: 0 }, // right number, but no \boxed{} and no final-answer phrase
  malformed_latex: { label: "1/6", math: 0, box: 0, python: 0, boxNoPython: 0 }, // \boxed{ never closed
  empty_box: { label: "3", math: 0, box: 0, python: 0, boxNoPython: 0 }, // \boxed{} is empty
  empty: { label: "3", math: 0, box: 0, python: 0, boxNoPython: 0 },
} as const;

describe("stdlib rewards on Qwen2.5-Math-style responses", () => {
  for (const [name, want] of Object.entries(FIXTURES)) {
    it(name, () => {
      const text = fixture(`${name}.txt`);
      expect(score("math", text, want.label)).toBe(want.math);
      expect(score("box_only_format", text, want.label)).toBe(want.box);
      expect(score("contain_python_wo_backticks", text, want.label)).toBe(want.python);
      expect(score("box_only_format_and_no_python", text, want.label)).toBe(want.boxNoPython);
    });
  }

  it("grades the last box, not the first, and by mathematical equivalence", () => {
    const text = fixture("several_boxes.txt");
    expect(score("math", text, "2")).toBe(0);
    expect(score("math", text, "5.0")).toBe(1);
    expect(score("boxed_count", text)).toBe(3);
  });

  it("gives 0 without a label, whatever the answer", () => {
    expect(score("math", fixture("code_boxed.txt"), null)).toBe(0);
  });

  it("grades majority and incorrect against the labels their labelling gives", () => {
    const text = fixture("code_boxed.txt"); // answers 100
    const asked: string[] = [];
    const labelFor = (labels: Value) => {
      asked.push(JSON.stringify(labels));
      // The majority vote says 100; the incorrect labelling keeps only wrong majority answers: 99.
      return labels.kind === "call" && labels.fn === "incorrect" ? "99" : "100";
    };
    const s = sample(text, "100", { labelFor });
    expect(evaluateRewards(reward("majority"), [s])[0]!.value).toBe(1);
    expect(evaluateRewards(reward("incorrect"), [s])[0]!.value).toBe(0);
    expect(evaluateRewards(reward("incorrect"), [{ ...s, response: "so the answer is $\\boxed{99}$" }])[0]!.value).toBe(1);
    expect(asked.some((a) => a.includes('"majority_vote"'))).toBe(true);
    // math still grades against the sample's own label.
    expect(evaluateRewards(reward("math"), [{ ...s, label: "7" }])[0]!.value).toBe(0);
  });

  it("asks labelFor once per labelling and sample, however many terms use it", () => {
    let calls = 0;
    const s = sample(fixture("code_boxed.txt"), "100", { labelFor: () => (calls++, "100") });
    expect(evaluateRewards(reward("majority & majority | !majority"), [s])[0]!.value).toBe(1);
    expect(calls).toBe(1);
  });

  it("gives 0 when the labelling has no label for the prompt", () => {
    const s = sample(fixture("code_boxed.txt"), "100", { labelFor: () => null });
    expect(evaluateRewards(reward("incorrect"), [s])[0]!.value).toBe(0);
  });

  it("draws random_half from the sample's coordinates", () => {
    const values = Array.from({ length: 64 }, (_, i) => score("random_half", "", null, { sampleIndex: i }));
    expect(new Set(values)).toEqual(new Set([0, 1]));
    expect(values).toEqual(Array.from({ length: 64 }, (_, i) => score("random_half", "anything else", "x", { sampleIndex: i })));
  });

  // How long this takes is measured by `npm run bench` (src/bench/bounds.ts).
  it("scores a 200 KB response correctly", () => {
    const filler = "We consider the next case and check it carefully. ".repeat(4000); // 200,000 characters
    const text = `${filler}Using python here would be overkill.\n\nThe answer is $\\boxed{17}$.`;
    expect(text.length).toBeGreaterThan(200_000);
    expect(score("math", text, "17")).toBe(1);
    expect(score("box_only_format_and_no_python", text)).toBe(0);
    expect(score("contain_python_wo_backticks", text)).toBe(1);
    expect(score('matches("boxed\\\\{[0-9]+\\\\}$")', text)).toBe(0);
    expect(score("length", text)).toBe(text.length);
  });
});
