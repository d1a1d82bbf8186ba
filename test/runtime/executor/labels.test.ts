import { describe, expect, it } from "vitest";
import { incorrectLabels, majorityAnswer } from "../../../src/runtime/executor/nodes/labels.js";

describe("majority-vote labels", () => {
  it("take the answer most samples agree on, counting equivalent forms as one", () => {
    expect(majorityAnswer(["\\frac{1}{2}", "7", "0.5", "7", "1/2"])).toBe("\\frac{1}{2}");
    expect(majorityAnswer(["3", null, "4", "4", ""])).toBe("4");
  });

  it("break ties by the answer seen first, and give no label when no sample has an answer", () => {
    expect(majorityAnswer(["5", "6", "6", "5"])).toBe("5");
    expect(majorityAnswer([null, null, " "])).toBeNull();
  });
});

describe("incorrect labels", () => {
  it("keep only the labels that math finds different from the truth", () => {
    const votes = new Map([[0, "4"], [1, "0.5"], [2, "10"], [3, "7"]]);
    const truth = new Map([[0, "4"], [1, "\\frac{1}{2}"], [2, "12"]]);
    expect([...incorrectLabels(votes, truth)]).toEqual([[2, "10"]]);
  });
});
