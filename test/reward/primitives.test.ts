import { describe, expect, it } from "vitest";
import { explained, fixture, sample, score } from "./helpers.js";

describe("reward primitives and operators", () => {
  it("contains is a plain substring test, case-sensitive unless asked", () => {
    expect(score('contains("Python")', "I used python")).toBe(0);
    expect(score('contains("Python", ignore_case: true)', "I used python")).toBe(1);
    expect(score('contains("(a+)+")', "literal (a+)+ here")).toBe(1);
    expect(explained('contains("PY", ignore_case: true)', sample("see Python")).explanation!.evidence).toEqual({ found: "Py", index: 4 });
    expect(explained('contains("zz")', sample("see Python")).explanation!.evidence).toEqual({ found: null });
  });

  it("length counts characters as code points, and len(response) agrees", () => {
    expect(score("length", "")).toBe(0);
    expect(score("length", "x = 1😀")).toBe(6);
    expect(score("len(response) == length", "x = 1😀")).toBe(1);
  });

  it("boxed_count counts the non-empty boxes outside code", () => {
    expect(score("boxed_count", fixture("several_boxes.txt"))).toBe(3);
    expect(score("boxed_count", fixture("empty_box.txt"))).toBe(0);
    expect(score("boxed_count", "```python\nprint('\\\\boxed{1}')\n```\nSo \\boxed{2}.")).toBe(1);
  });

  it("computes arithmetic, comparisons and if as expected", () => {
    const text = fixture("several_boxes.txt");
    expect(score("boxed_count * 2 - 1", text)).toBe(5);
    expect(score("boxed_count / 4", text)).toBe(0.75);
    expect(score("-boxed_count", text)).toBe(-3);
    expect(score("0.5 * math + 0.5 * box_only_format", text, "5")).toBe(1);
    expect(score("0.5 * math + 0.5 * box_only_format", text, "4")).toBe(0.5);
    expect(score("math + box_only_format", text, "4")).toBe(1);
    expect(score("if math then 1 else -0.5", text, "4")).toBe(-0.5);
    expect(score("boxed_count == 3 & boxed_count != 2 & boxed_count >= 3 & boxed_count <= 3 & boxed_count > 2 & boxed_count < 4", text)).toBe(1);
    expect(score("response == label", "42", "42")).toBe(1);
    expect(score("response != label", "42", "42")).toBe(0);
    expect(score("label == \"\"", "42", null)).toBe(1);
  });

  it("gives & and | their values whichever side decides: short-circuits only skip work", () => {
    for (const [a, b] of [["0", "0"], ["0", "1"], ["1", "0"], ["1", "1"]] as const) {
      const p = `random(${a})`;
      const q = `random(${b})`;
      const and = Number(a) * Number(b);
      const or = Math.max(Number(a), Number(b));
      expect(score(`${p} & ${q}`, "")).toBe(and);
      expect(score(`${p} | ${q}`, "")).toBe(or);
      expect(score(`!(${p} & ${q}) == (!${p} | !${q})`, "")).toBe(1);
    }
  });
});

describe("format(template)", () => {
  it("chat: one non-blank assistant turn; <|im_end|> optional, nothing after it, no new turn", () => {
    expect(score("format(chat)", fixture("chat_turn_end.txt"))).toBe(1);
    expect(score("format(chat)", fixture("code_boxed.txt"))).toBe(1);
    expect(score("format(chat)", fixture("chat_runs_on.txt"))).toBe(0);
    expect(score("format(chat)", "<|im_end|>")).toBe(0);
    expect(score("format(chat)", "42<|im_end|> trailing")).toBe(0);
    expect(score("format(chat)", "  \n")).toBe(0);
    expect(explained("format(chat)", sample(fixture("chat_runs_on.txt"))).explanation!.evidence).toEqual({ style: "chat", reason: "the response starts another turn (<|im_start|>)" });
  });

  it("r1: </think> followed by an answer, a closed <answer> when one is opened", () => {
    expect(score("format(r1_only)", fixture("r1_think.txt"))).toBe(1);
    expect(score("format(r1_only)", fixture("r1_unclosed.txt"))).toBe(0);
    expect(score("format(r1_only)", "thinking </think>   ")).toBe(0);
    expect(score("format(r1_only)", "thinking </think> 32")).toBe(1);
    expect(score("format(r1_only)", "thinking </think> <answer>32")).toBe(0);
    expect(score("format(r1_only)", "thinking </think> <answer> </answer>")).toBe(0);
    expect(explained("format(r1_only)", sample(fixture("r1_unclosed.txt"))).explanation!.evidence).toEqual({ style: "r1", reason: "no </think>: the thinking is never closed" });
  });

  it("plain: anything not blank", () => {
    expect(score("format(plain)", "7")).toBe(1);
    expect(score("format(plain)", "")).toBe(0);
  });
});
