import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inlinePackage, pythonRuntime } from "../../src/targets/python/runtime.js";
import { tempDir } from "../support/tempDir.js";

/** How the export inlines the rlx_reward package into one reward module (src/targets/python/runtime.ts). */
const PACKAGE = path.resolve("src/targets/python/rlx_reward");

function writePackage(files: Record<string, string>): string {
  const dir = path.join(tempDir("rlx-pkg-"), "rlx_reward");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("the inlined Python runtime", () => {
  it("holds every module of rlx_reward once, after the modules it imports from, with no relative import left", () => {
    const { source, imports } = pythonRuntime();
    const modules = readdirSync(PACKAGE).filter((f) => f.endsWith(".py") && f !== "__init__.py").map((f) => f.slice(0, -3));
    const at = new Map(modules.map((m) => [m, source.indexOf(`\n# rlx_reward/${m}.py\n`)]));
    for (const m of modules) {
      expect(at.get(m), m).toBeGreaterThanOrEqual(0);
      expect(source.split(`\n# rlx_reward/${m}.py\n`).length, m).toBe(2);
    }
    expect(at.get("js_compat")).toBeLessThan(at.get("math_extract")!);
    expect(at.get("math_compare")).toBeLessThan(at.get("math_fallback")!);
    expect(at.get("math_grader")).toBeLessThan(at.get("primitives")!);
    expect(source).not.toMatch(/^from \./m);
    expect(source).not.toMatch(/^import /m);
    expect(imports).toEqual(["atexit", "cmath", "json", "math", "os", "re", "sys", "threading", "time"]);
  });

  it("orders modules by their imports, turns docstrings into banners and hoists standard imports", () => {
    const dir = writePackage({
      "__init__.py": '"""The package."""\nfrom .b import B\n',
      "a.py": '"""Module a,\nwhich b uses."""\n\nimport re\nimport math, os\n\nfrom .b import (\n    B,\n)\n\nA = B + 1\n',
      "b.py": '"""Module b."""\nimport re\n\nB = 1\n',
    });
    const { source, imports } = inlinePackage(dir);
    expect(imports).toEqual(["math", "os", "re"]);
    const banner = `# ${"-".repeat(75)}`;
    expect(source).toBe([banner, "# rlx_reward/b.py", "# Module b.", banner, "", "B = 1", "", "", banner, "# rlx_reward/a.py", "# Module a,", "# which b uses.", banner, "", "A = B + 1"].join("\n"));
  });

  it("refuses a module it could not inline faithfully, naming it", () => {
    const refusals: [Record<string, string>, RegExp][] = [
      [{ "a.py": "A = 1\n" }, /rlx_reward\/a\.py: a runtime module starts with its docstring/],
      [{ "a.py": '"""a"""\nA = 1\nimport re\n' }, /rlx_reward\/a\.py: imports come before the code.*'import re'/],
      [{ "a.py": '"""a"""\nfrom math import pi\n' }, /rlx_reward\/a\.py: .*'from math import pi'/],
      [{ "a.py": '"""a"""\nfrom .b import (\n    B,\n' }, /rlx_reward\/a\.py: unclosed import from \.b/],
      [{ "a.py": '"""a"""\nfrom .c import C\n' }, /a\.py imports \.c, which is not a module of the package/],
      [{ "a.py": '"""a"""\nfrom .b import B\n', "b.py": '"""b"""\nfrom .a import A\n' }, /import cycle/],
    ];
    for (const [files, message] of refusals) expect(() => inlinePackage(writePackage(files)), message.source).toThrowError(message);
  });
});
