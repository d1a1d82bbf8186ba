import { describe, expect, it } from "vitest";
import { gradeResponse, mathEqual } from "../../../src/reward/math/index.js";

describe("mathEqual: methods and verdict shape", () => {
  it("reports exact, normalized, numeric, structure and symbolic matches", () => {
    expect(mathEqual("5", "5")).toMatchObject({ equal: true, method: "exact" });
    expect(mathEqual("\\dfrac{1}{2}", "\\frac{1}{2}")).toMatchObject({ equal: true, method: "normalized" });
    expect(mathEqual("0.5", "\\frac{1}{2}")).toMatchObject({ equal: true, method: "numeric" });
    expect(mathEqual("(1, 2)", "\\left(1,2\\right)")).toMatchObject({ equal: true, method: "normalized" });
    expect(mathEqual("(1, 2)", "(1, \\frac{4}{2})")).toMatchObject({ equal: true, method: "structure" });
    expect(mathEqual("2x+2", "2(x+1)")).toMatchObject({ equal: true, method: "symbolic" });
  });

  it("returns the normalised strings it compared and a reason", () => {
    const v = mathEqual("$\\dfrac{3}{4}$.", "\\frac{3}{4} \\text{ cm}");
    expect(v.prediction).toBe("\\frac{3}{4}");
    expect(v.gold).toBe("\\frac{3}{4}");
    expect(v.reason).toMatch(/\w/);
  });

  it("is deterministic (the caches do not change a verdict)", () => {
    const first = mathEqual("x^2+2x+1", "(x+1)^2");
    for (let i = 0; i < 3; i++) expect(mathEqual("x^2+2x+1", "(x+1)^2")).toEqual(first);
  });
});

describe("mathEqual: documented decisions", () => {
  it("compares exact values exactly and approximations with a 1e-6 relative tolerance", () => {
    expect(mathEqual("1000000001", "1000000000").equal).toBe(false);
    expect(mathEqual("0.333", "\\frac13").equal).toBe(false);
    // Decision: seven correct digits are accepted for a non-terminating value.
    expect(mathEqual("0.3333333", "\\frac13").equal).toBe(true);
    expect(mathEqual("3.1415926536", "\\pi").equal).toBe(true);
    expect(mathEqual("3.1416", "\\pi").equal).toBe(false);
  });

  it("reads a percent sign as /100 only when one side has it", () => {
    expect(mathEqual("50\\%", "50").equal).toBe(true);
    expect(mathEqual("0.5", "50\\%").equal).toBe(true);
    expect(mathEqual("0.5", "50").equal).toBe(false);
    expect(mathEqual("0.5\\%", "50\\%").equal).toBe(false);
  });

  it("treats a removable singularity as equal and a domain restriction as no difference", () => {
    expect(mathEqual("\\frac{x^2-1}{x-1}", "x+1").equal).toBe(true);
    expect(mathEqual("\\sqrt{x^2}", "x").equal).toBe(false); // differs at negative x
  });

  it("reads 1,000 as a number but (1, 000) and 1, 2 as lists", () => {
    expect(mathEqual("1,000", "1000").equal).toBe(true);
    expect(mathEqual("1, 2", "12").equal).toBe(false);
    expect(mathEqual("(1,000)", "1000").equal).toBe(false);
  });
});

describe("mathEqual: bounded work", () => {
  it("reports a timeout when the CAS budget runs out", () => {
    const v = mathEqual("\\sum_{k=1}^{50} \\frac{1}{k^2}", "1.6", { timeoutMs: 1 });
    expect(v.equal).toBe(false);
    expect(v.method).toBe("timeout");
  });

  // How long a refusal takes is measured by `npm run bench` (src/bench/bounds.ts).
  it("refuses runaway inputs up front and says so", () => {
    const v = mathEqual("9^{9^{9}}", "9^{9^{9}}+1");
    expect(v).toMatchObject({ equal: false, method: "timeout" });
    expect(v.reason).toContain("the CAS was not tried");
    const sum = mathEqual("\\sum_{k=1}^{10^{100}} k", "5");
    expect(sum.method).toBe("timeout");
    expect(sum.reason).toContain("the CAS was not tried");
    const factorial = mathEqual("10!^{10!}", "3");
    expect(factorial.equal).toBe(false);
    expect(factorial.reason).toContain("the CAS was not tried");
  });

  it("never throws and stays fast on random junk", () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ["\\frac", "\\sqrt", "{", "}", "(", ")", "[", "]", "^", "_", "1", "x", "-", "+", ",", "\\", "\\pi", "=", "|", "!", "\\{", "\\}", "&", "\\\\", "\\begin{pmatrix}", "\\end{pmatrix}", "e", "i", ".", "%", " "];
    const t0 = performance.now();
    for (let n = 0; n < 500; n++) {
      let a = "";
      let b = "";
      for (let k = 0; k < 1 + rand() * 20; k++) a += alphabet[Math.floor(rand() * alphabet.length)];
      for (let k = 0; k < 1 + rand() * 20; k++) b += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => mathEqual(a, b, { timeoutMs: 20 })).not.toThrow();
      expect(() => gradeResponse(`\\boxed{${a}}`, b)).not.toThrow();
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it("handles deep nesting and long answers without blowing the stack", () => {
    const deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    expect(mathEqual(deep, "1").equal).toBe(false);
    const wide = Array.from({ length: 2000 }, (_, i) => String(i)).join(", ");
    expect(() => mathEqual(wide, wide)).not.toThrow();
    expect(mathEqual("x".repeat(100_000), "x").equal).toBe(false);
  });
});
