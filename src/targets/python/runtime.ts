import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../util/packageRoot.js";

/**
 * The Python runtime of a generated reward module: the package src/targets/python/rlx_reward/
 * (Python 3.8+, standard library only; one module per part of the reward engine, importing from
 * one another by name), read at export time and inlined into the module, one part after another in
 * the order their imports need.
 *
 * Inlined, not written beside reward.py as a package the module imports: verl loads
 * `custom_reward_function.path` and OpenRLHF `--reward.remote_url` as one file
 * (importlib.util.spec_from_file_location), which a user may copy alone to the cluster; one file
 * needs no sys.path change in the trainer's process, cannot pick up another export's (or another
 * rlx version's) `rlx_reward` already in sys.modules, and keeps each loaded reward module's metric
 * counters its own. Inlining puts every module in one namespace, which the package keeps sound:
 * a module imports what it uses from the others under the same name, and its tests check that no
 * two modules define the same name.
 */
export interface PythonRuntime {
  /** The standard-library modules the runtime imports, for the generated module's import line. */
  readonly imports: readonly string[];
  /** The runtime's modules, each under a banner naming it, with their imports taken out. */
  readonly source: string;
}

const PACKAGE = "rlx_reward";
const BANNER = `# ${"-".repeat(75)}`;

/** One module of the package, as the inliner reads it. */
interface RuntimeModule {
  readonly name: string;
  readonly doc: readonly string[];
  readonly standardImports: readonly string[];
  /** The package's modules it imports from. */
  readonly uses: readonly string[];
  readonly body: string;
}

let cached: PythonRuntime | undefined;

/** The runtime of rlx's own package, read once. */
export function pythonRuntime(): PythonRuntime {
  cached ??= inlinePackage(path.join(packageRoot(), "src", "targets", "python", PACKAGE));
  return cached;
}

/** Inlines the modules of the package in `dir` (every .py file but __init__.py). */
export function inlinePackage(dir: string): PythonRuntime {
  const modules = new Map<string, RuntimeModule>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".py") && f !== "__init__.py").sort()) {
    const module = readModule(dir, file);
    modules.set(module.name, module);
  }
  const ordered = dependencyOrder(modules);
  return {
    imports: [...new Set(ordered.flatMap((m) => m.standardImports))].sort(),
    source: ordered.map((m) => [BANNER, `# ${PACKAGE}/${m.name}.py`, ...m.doc.map((l) => `# ${l}`.trimEnd()), BANNER, "", m.body].join("\n")).join("\n\n\n"),
  };
}

/**
 * Splits a module into its docstring, its imports and the rest. The imports must come first and
 * be of two forms, `import a, b` (standard modules) and `from .module import names`, so that
 * inlining loses none of them.
 */
function readModule(dir: string, file: string): RuntimeModule {
  const fail = (why: string) => new Error(`${PACKAGE}/${file}: ${why}`);
  const text = readFileSync(path.join(dir, file), "utf8");
  const docstring = /^"""([\s\S]*?)"""\n/.exec(text);
  if (!docstring) throw fail("a runtime module starts with its docstring");
  const lines = text.slice(docstring[0].length).split("\n");
  const standardImports: string[] = [];
  const uses: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const standard = /^import (\w+(?:, \w+)*)$/.exec(line);
    const relative = /^from \.(\w+) import (\()?/.exec(line);
    if (standard) {
      standardImports.push(...standard[1]!.split(", "));
    } else if (relative) {
      uses.push(relative[1]!);
      if (relative[2]) {
        while (i < lines.length && !lines[i]!.startsWith(")")) i++;
        if (i === lines.length) throw fail(`unclosed import from .${relative[1]}`);
      }
    } else {
      break;
    }
  }
  const body = lines.slice(i).join("\n").trimEnd();
  const stray = /^(?:import|from) .*/m.exec(body);
  if (stray) throw fail(`imports come before the code, and standard modules are imported whole: '${stray[0]}'`);
  return { name: file.slice(0, -".py".length), doc: docstring[1]!.trim().split("\n"), standardImports, uses, body };
}

/** Every module after the modules it imports from (depth first, by name). */
function dependencyOrder(modules: ReadonlyMap<string, RuntimeModule>): RuntimeModule[] {
  const ordered: RuntimeModule[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, from: string) => {
    const module = modules.get(name);
    if (!module) throw new Error(`${PACKAGE}/${from}.py imports .${name}, which is not a module of the package`);
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`${PACKAGE}/${name}.py is part of an import cycle (through ${from}.py)`);
    state.set(name, "visiting");
    for (const used of module.uses) visit(used, name);
    state.set(name, "done");
    ordered.push(module);
  };
  for (const name of modules.keys()) visit(name, name);
  return ordered;
}
