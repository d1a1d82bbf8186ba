import { render } from "ink-testing-library";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { App } from "../../src/repl/App.js";
import { ReplSession } from "../../src/repl/session.js";

const UP = "\u001b[A";
const ENTER = "\r";
const tick = () => new Promise((r) => setTimeout(r, 20));

/** The REPL as a user drives it: keys into stdin, everything drawn so far out. */
async function start() {
  const session = new ReplSession();
  const app = render(createElement(App, { session }));
  await tick();
  return {
    async enter(text: string) {
      app.stdin.write(text);
      await tick();
      app.stdin.write(ENTER);
      await tick();
    },
    async key(k: string) {
      app.stdin.write(k);
      await tick();
    },
    output: () => app.frames.join("\n"),
    last: () => app.lastFrame() ?? "",
    app,
    session,
  };
}

describe("rlx repl (Ink)", () => {
  it("takes a definition, a multi-line response, an expression, and shows the explanation", async () => {
    const r = await start();
    await r.enter("reward boxed_no_code = box_only_format & !contains(\"python\")");
    expect(r.output()).toContain("defined boxed_no_code");
    await r.enter(":response");
    await r.enter("Let me compute it.");
    // The rest pasted at once: each line break submits a line.
    await r.enter("print(6 * 7) in python gives 42\nSo the answer is \\boxed{42}.\n.");
    expect(r.output()).toContain("response: 3 lines");
    await r.enter(":label 42");
    await r.enter("boxed_no_code | math");
    const out = r.output();
    expect(out).toContain("boxed_no_code | math = 1");
    expect(out).toContain("├─ boxed_no_code = 0  (box_only_format & !contains(text: \"python\"))");
    expect(out).toContain("│  └─ !contains(text: \"python\") = 0");
    expect(out).toContain('└─ math = 1  (equals_label)  — label: "42", answer: "42", source: "boxed"');
    r.app.unmount();
  });

  it("shows an error with a caret under the mistake", async () => {
    const r = await start();
    await r.enter("box_only_format & maht");
    expect(r.output()).toContain("<input>:1:19 error RLX0203 unknown name 'maht' (did you mean 'math'?)");
    expect(r.output()).toMatch(/1 \| box_only_format & maht\n +\| +\^{4}/);
    await r.enter("reward bad = !length");
    expect(r.output()).toMatch(/<input>:1:15 error RLX0302 .*\n.*reward bad = !length\n +\| +\^{6}/);
    r.app.unmount();
  });

  it("recalls history with the up arrow", async () => {
    const r = await start();
    await r.enter(":label 7");
    await r.enter("length > 3");
    await r.key(UP);
    expect(r.last()).toContain("rlx> length > 3");
    await r.key(UP);
    expect(r.last()).toContain("rlx> :label 7");
    await r.key("\u001b[B");
    expect(r.last()).toContain("rlx> length > 3");
    await r.key(ENTER);
    expect(r.session.history).toEqual([":label 7", "length > 3", "length > 3"]);
    r.app.unmount();
  });
});

describe("ReplSession", () => {
  it("replaces a definition, lists history, loads files, and explains :help", () => {
    const s = new ReplSession();
    expect(s.submit("reward r = length > 3").at(-1)!.text).toBe("defined r");
    expect(s.submit("reward r = length > 5").at(-1)!.text).toBe("redefined r");
    s.submit(":response abcdef");
    expect(s.submit("r").at(-1)!.text).toBe("r = 1  (length > 5)\n└─ length = 6");
    expect(s.submit(":history").at(-1)!.text).toContain("   3  :response abcdef");
    expect(s.submit(":load does/not/exist.rlx").at(-1)).toMatchObject({ kind: "error", text: expect.stringContaining("cannot") });
    expect(s.submit(":help").at(-1)!.text).toContain(":response");
    expect(s.submit(":frob").at(-1)).toEqual({ kind: "error", text: "unknown command :frob (:help lists them)" });
    expect(s.submit(":responses x.jsonl").at(-1)!.text).toContain("x.jsonl");
    s.submit(":quit");
    expect(s.quit).toBe(true);
  });

  it("pastes a response until a lone '.', keeping its lines", () => {
    const s = new ReplSession();
    s.submit(":response");
    expect(s.prompt).toBe("...  ");
    s.submit("line one");
    s.submit("  indented two");
    expect(s.submit(".").at(-1)!.text).toBe("response: 2 lines, 23 characters");
    expect(s.submit("length").at(-1)!.text).toBe("length = 23");
    expect(s.prompt).toBe("rlx> ");
  });
});
