import { describe, expect, it } from "vitest";
import { countBoxed, extractAnswer, gradeResponse } from "../../../src/reward/math/index.js";

/** Responses written the way Qwen2.5-Math writes them. */
const CHAIN_OF_THOUGHT = String.raw`To find the value of \(x\) that satisfies \(2x + 3 = 11\), we subtract 3 from both sides:
\[ 2x = 8 \]
Then we divide by 2:
\[ x = 4 \]
Therefore, the value of \(x\) is \(\boxed{4}\).`;

const WITH_CODE = String.raw`Let's compute the sum of the first 100 positive integers using Python.
` + "```python\n" + String.raw`total = sum(range(1, 101))
print(f"\\boxed{{{total}}}")
` + "```\n```output\n5050\n```\n" + String.raw`The sum of the first 100 positive integers is \(\boxed{5050}\).`;

const SEVERAL_BOXES = String.raw`First, the roots are \(\boxed{2}\) and \(\boxed{3}\).
Wait, let me re-check the discriminant: \(b^2 - 4ac = 25 - 24 = 1\). So the larger root is
\[ \boxed{\frac{5 + 1}{2}} = 3. \]
So the final answer is \(\boxed{\frac{1}{2}}\).`;

const NO_BOX = String.raw`We have \(a = 3\) and \(b = 4\), so \(c = \sqrt{a^2 + b^2} = 5\).
The answer is 5.`;

const MINERVA = String.raw`The slope is \(\frac{4-2}{3-1} = 1\).
Final Answer: The final answer is $1$. I hope it is correct.`;

describe("extractAnswer", () => {
  it("takes the box of a chain of thought", () => {
    const e = extractAnswer(CHAIN_OF_THOUGHT);
    expect(e).toEqual({ answer: "4", source: "boxed", boxes: ["4"] });
  });

  it("handles nested braces", () => {
    expect(extractAnswer(String.raw`so \boxed{\frac{1}{2}} it is`).answer).toBe(String.raw`\frac{1}{2}`);
    expect(extractAnswer(String.raw`\boxed{\left\{1, \frac{\sqrt{3}}{2}\right\}}`).answer).toBe(String.raw`\left\{1, \frac{\sqrt{3}}{2}\right\}`);
    expect(extractAnswer(String.raw`\boxed{\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}}`).answer).toBe(
      String.raw`\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}`,
    );
  });

  it("ignores a box inside a python code block", () => {
    const e = extractAnswer(WITH_CODE);
    expect(e.answer).toBe("5050");
    expect(e.boxes).toEqual(["5050"]);
  });

  it("lets the last of several boxes win", () => {
    const e = extractAnswer(SEVERAL_BOXES);
    expect(e.source).toBe("boxed");
    expect(e.boxes).toEqual(["2", "3", String.raw`\frac{5 + 1}{2}`, String.raw`\frac{1}{2}`]);
    expect(e.answer).toBe(String.raw`\frac{1}{2}`);
    expect(countBoxed(SEVERAL_BOXES)).toBe(4);
  });

  it("reads \\boxed without braces and \\fbox", () => {
    expect(extractAnswer(String.raw`the answer is \boxed 5.`).answer).toBe("5.");
    expect(extractAnswer(String.raw`$\boxed 42$`).answer).toBe("42");
    expect(extractAnswer(String.raw`\fbox{7}`).answer).toBe("7");
    expect(extractAnswer(String.raw`\boxed{1} then \fbox{2}`).boxes).toEqual(["1", "2"]);
  });

  it("skips empty boxes", () => {
    const e = extractAnswer(String.raw`\boxed{3} and later \boxed{} and \boxed{  }`);
    expect(e.answer).toBe("3");
    expect(countBoxed(String.raw`\boxed{}`)).toBe(0);
  });

  it("falls back to a final-answer phrase", () => {
    expect(extractAnswer(NO_BOX)).toEqual({ answer: "5", source: "final-answer", boxes: [] });
    expect(extractAnswer(MINERVA)).toEqual({ answer: "1", source: "final-answer", boxes: [] });
    expect(extractAnswer("**Final Answer**\n\\[ \\frac{3}{4} \\]").answer).toBe(String.raw`\frac{3}{4}`);
    expect(extractAnswer("The answer is: $(1, 2)$.").answer).toBe("(1, 2)");
    expect(extractAnswer("Answer: 3.5").answer).toBe("3.5");
  });

  it("returns none when there is no answer", () => {
    expect(extractAnswer("")).toEqual({ answer: null, source: "none", boxes: [] });
    expect(extractAnswer("Let me think about this problem step by step.")).toEqual({ answer: null, source: "none", boxes: [] });
    expect(countBoxed("")).toBe(0);
  });

  it("survives malformed LaTeX without throwing", () => {
    const unclosed = String.raw`so the answer is \boxed{\frac{1}{2} and then nothing`;
    expect(() => extractAnswer(unclosed)).not.toThrow();
    expect(extractAnswer(unclosed).boxes).toEqual([]);
    expect(extractAnswer(String.raw`\boxed{3} but \boxed{\frac{1}{`).answer).toBe("3");
    expect(extractAnswer(String.raw`}}}{{{\boxed{x}}}`).answer).toBe("x");
    expect(extractAnswer("\\boxed").answer).toBeNull();
    expect(extractAnswer("\\").answer).toBeNull();
    expect(() => extractAnswer("```python\nprint('\\boxed{')\n")).not.toThrow();
  });

  it("keeps boxes after an unclosed code fence (a truncated response)", () => {
    expect(extractAnswer("```python\nx = 1\n\\boxed{9}").answer).toBe("9");
  });

  it("uses boxes in a non-code fence when they are the only ones", () => {
    expect(extractAnswer("```latex\n\\boxed{12}\n```").answer).toBe("12");
    expect(extractAnswer("```python\nprint('\\boxed{12}')\n```").answer).toBeNull();
  });

  // The time these two take is measured by `npm run bench` (src/bench/bounds.ts).
  it("extracts from a 200 KB response", () => {
    const filler = "We now consider the next case carefully, noting that \\(x^2 + 1 > 0\\). ";
    const long = filler.repeat(Math.ceil(200_000 / filler.length)) + "\\boxed{17}";
    expect(long.length).toBeGreaterThan(200_000);
    expect(extractAnswer(long).answer).toBe("17");
  });

  it("finds no answer in a 200 KB response full of unclosed boxes and braces", () => {
    const nasty = "\\boxed{\\frac{".repeat(15_000) + "{".repeat(20_000);
    const e = extractAnswer(nasty);
    expect(e.answer).toBeNull();
  });
});

describe("gradeResponse", () => {
  it("grades the extracted answer against the label", () => {
    expect(gradeResponse(CHAIN_OF_THOUGHT, "4").verdict.equal).toBe(true);
    expect(gradeResponse(CHAIN_OF_THOUGHT, "5").verdict.equal).toBe(false);
    expect(gradeResponse(SEVERAL_BOXES, "0.5").verdict.equal).toBe(true);
    expect(gradeResponse(WITH_CODE, "5,050").verdict.equal).toBe(true);
    expect(gradeResponse(MINERVA, "1").verdict.equal).toBe(true);
  });

  it("never rewards a response without an answer", () => {
    const r = gradeResponse("I am not sure.", "5");
    expect(r.extraction.source).toBe("none");
    expect(r.verdict).toMatchObject({ equal: false, method: "unparseable", prediction: null });
    expect(gradeResponse("", "").verdict.equal).toBe(false);
  });
});
