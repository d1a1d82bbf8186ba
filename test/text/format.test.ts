import { describe, expect, it } from "vitest";
import { compact, duration, signed, truncate } from "../../src/text/format.js";
import { alignColumns, table } from "../../src/text/columns.js";

describe("shared formats", () => {
  it("durations read mm:ss, h:mm:ss from an hour, --:-- when unknown", () => {
    expect(duration(83)).toBe("01:23");
    expect(duration(0.4)).toBe("00:00");
    expect(duration(3600 + 62)).toBe("1:01:02");
    expect(duration(null)).toBe("--:--");
    expect(duration(Number.NaN)).toBe("--:--");
  });

  it("deltas always carry a sign", () => {
    expect(signed(0.032, 3)).toBe("+0.032");
    expect(signed(-0.01, 3)).toBe("-0.010");
    expect(signed(0, 3)).toBe("+0.000");
    // a tiny negative that rounds to zero is printed as JavaScript rounds it, not as "+-0.000"
    expect(signed(-0.0001, 3)).toBe("-0.000");
  });

  it("throughput is compact, long text is cut with an ellipsis", () => {
    expect([compact(950), compact(3140), compact(12_400_000)]).toEqual(["950", "3.1k", "12.4M"]);
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
  });

  it("columns align to their widest cell", () => {
    expect(alignColumns([["a", "bb", "c"], ["ccc", "d", ""]])).toEqual(["a    bb  c", "ccc  d"]);
    expect(alignColumns([["x", "1"], ["yy", "100"]], ["left", "right"])).toEqual(["x     1", "yy  100"]);
  });

  it("a table rules off its header and right-aligns its columns of numbers", () => {
    expect(table(["name", "n", "note"], [["a", 1234, "x"], ["bb", 0.5, "long note"]]).split("\n")).toEqual([
      "name      n  note",
      "----  -----  ---------",
      "a     1,234  x",
      "bb    0.500  long note",
    ]);
  });
});
