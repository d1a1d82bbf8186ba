import { stripVTControlCharacters } from "node:util";
import { cleanup, render } from "ink-testing-library";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/runtime/executor/events.js";
import { createPlainLogger } from "../../src/ui/plainLog.js";
import { RunView } from "../../src/ui/RunView.js";
import { initialRunState, LOG_LINES_KEPT, reduceRun } from "../../src/ui/runState.js";

/** An external engine's log in both views: every line in the plain log, the latest ones in the live view. */
const lines: RunEvent[] = Array.from({ length: 12 }, (_, i) => ({ type: "log", source: "verl", line: `line ${i + 1}` }));

afterEach(cleanup);

describe("an engine's log", () => {
  it("is kept to its latest lines, prefixed with the engine, by the reducer both views share", () => {
    const state = lines.reduce(reduceRun, initialRunState);
    expect(state.log).toEqual(Array.from({ length: LOG_LINES_KEPT }, (_, i) => `verl | line ${12 - LOG_LINES_KEPT + i + 1}`));
  });

  it("prints every line in the plain log", () => {
    const out: string[] = [];
    const log = createPlainLogger((l) => out.push(l));
    lines.forEach(log);
    expect(out).toEqual(lines.map((_, i) => `verl | line ${i + 1}`));
  });

  it("shows the latest lines in the live view", () => {
    const view = render(createElement(RunView, { state: lines.reduce(reduceRun, initialRunState) }));
    const text = stripVTControlCharacters(view.lastFrame() ?? "");
    expect(text).toContain("verl | line 12");
    expect(text).not.toContain("verl | line 4\n");
  });
});
