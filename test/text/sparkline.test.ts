import { describe, expect, it } from "vitest";
import { sparkline } from "../../src/text/sparkline.js";

describe("sparkline", () => {
  it("scales a series to its own min and max, one bar per value", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([10, 17, 10])).toBe("▁█▁");
  });

  it("rounds to the nearest of the eight heights", () => {
    // 0.5 of the span → 3.5 → rounds up to the fifth bar
    expect(sparkline([0, 0.5, 1])).toBe("▁▅█");
  });

  it("draws a flat series as a flat line at mid height", () => {
    expect(sparkline([0.3, 0.3, 0.3])).toBe("▄▄▄");
    expect(sparkline([2])).toBe("▄");
  });

  it("leaves gaps for missing values without letting them bend the scale", () => {
    expect(sparkline([0, Number.NaN, 1, Number.POSITIVE_INFINITY])).toBe("▁ █ ");
    expect(sparkline([Number.NaN, Number.NaN])).toBe("  ");
  });

  it("draws nothing for an empty series", () => {
    expect(sparkline([])).toBe("");
  });
});
