import { describe, expect, it } from "vitest";
import { generateArith } from "../../../src/runtime/data/arith.js";
import { columnAdd, columnMultiply, columnStep, columnSubtract } from "../../../src/runtime/organisms/columns.js";
import { parseArithProblem, steps, writeTrace } from "../../../src/runtime/organisms/traces.js";

describe("column arithmetic", () => {
  it("carries and borrows column by column, ones first", () => {
    expect(columnAdd(37, 45, true)).toEqual({ columns: ["7+5=12", "3+4+1=8"], value: 82 });
    expect(columnAdd(87, 45, true)).toEqual({ columns: ["7+5=12", "8+4+1=13"], value: 132 });
    expect(columnSubtract(52, 38, true)).toEqual({ columns: ["12-8=4", "5-1-3=1"], value: 14 });
    expect(columnSubtract(105, 7, true)).toEqual({ columns: ["15-7=8", "10-1-0=9", "1-1-0=0"], value: 98 });
    expect(columnMultiply(47, 3, true)).toEqual({ columns: ["7*3=21", "4*3+2=14"], value: 141 });
  });

  it("without carries makes the systematic slip: columns on their own, the smaller digit from the larger", () => {
    expect(columnAdd(37, 45, false)).toEqual({ columns: ["7+5=12", "3+4=7"], value: 72 });
    expect(columnAdd(87, 45, false).value).toBe(122);
    expect(columnSubtract(52, 38, false)).toEqual({ columns: ["8-2=6", "5-3=2"], value: 26 });
    expect(columnMultiply(47, 3, false).value).toBe(121);
    expect(columnStep(38, "-", 52, false).value).toBe(-26);
  });

  it("is exact with carries, and without them right exactly when no carry or borrow is needed", () => {
    for (let a = 0; a < 100; a++) {
      for (let b = 0; b < 100; b++) {
        expect(columnStep(a, "+", b, true).value).toBe(a + b);
        expect(columnStep(a, "-", b, true).value).toBe(a - b);
        expect(columnStep(-a, "+", b, true).value).toBe(b - a + 0);
        expect(columnStep(-a, "-", b, true).value).toBe(-a - b + 0); // + 0: the engine writes 0, never -0
        if (b >= 2 && b <= 9) expect(columnStep(a, "*", b, true).value).toBe(a * b);
        // Only a carry out of the ones column is lost: the leading column keeps its overflow.
        const carries = (a % 10) + (b % 10) >= 10 && Math.max(a, b) >= 10;
        expect(columnAdd(a, b, false).value === a + b).toBe(!carries);
      }
    }
  });
});

describe("reasoning traces", () => {
  it("write both styles step by step in columns, multiplications first, ending in the boxed answer", () => {
    const p = parseArithProblem("What is 7 * 2 + 3 * 4?")!;
    expect(writeTrace(p, "code")).toBe("python\nx = 7 * 2  # 7*2=14 -> 14\ny = 3 * 4  # 3*4=12 -> 12\nx = x + y  # 4+2=6 1+1=2 -> 26\nprint(x)\n\\boxed{26}");
    expect(writeTrace(p, "language")).toBe("7 times 2: 7 times 2 is 14, so 14.\n3 times 4: 3 times 4 is 12, so 12.\n14 plus 12: 4 plus 2 is 6, 1 plus 1 is 2, so 26.\n\\boxed{26}");
    expect(writeTrace(parseArithProblem("What is 37 + 45?")!, "language", false)).toBe("37 plus 45: 7 plus 5 is 12, 3 plus 4 is 7, so 72.\n\\boxed{72}");
  });

  it("compute the generator's answer for every problem, and only code traces say python", () => {
    for (const difficulty of [2, 5]) {
      for (const row of generateArith({ split: "train", count: 500, seed: 3, difficulty })) {
        const problem = parseArithProblem(row.problem)!;
        expect(String(steps(problem).value)).toBe(row.answer);
        expect(writeTrace(problem, "code")).toContain("python");
        expect(writeTrace(problem, "language")).not.toContain("python");
        expect(writeTrace(problem, "language").endsWith(`\\boxed{${row.answer}}`)).toBe(true);
      }
    }
  });

  it("do not parse text the generator did not write", () => {
    expect(parseArithProblem("What is the capital of France?")).toBeNull();
  });
});
