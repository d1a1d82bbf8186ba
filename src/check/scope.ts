import { Diag } from "../diagnostics/codes.js";
import type { Definition, ExperimentDecl, GrpoDefinition, SweepDecl } from "../syntax/ast.js";
import type { CheckContext } from "./context.js";
import type { LoadedModule } from "./modules.js";

export type TopLevelDecl = Definition | GrpoDefinition | ExperimentDecl | SweepDecl;

export interface Symbol {
  readonly decl: TopLevelDecl;
  readonly module: LoadedModule;
}

/**
 * Values (definitions, GRPO presets) and runs (experiments, sweeps) are separate namespaces:
 * an experiment may be called `ground_truth` without hiding the labels of that name.
 */
export type Namespace = "value" | "run";

export function namespaceOf(decl: TopLevelDecl): Namespace {
  return decl.kind === "ExperimentDecl" || decl.kind === "SweepDecl" ? "run" : "value";
}

/**
 * Names visible in each module: its own top-level declarations, then those of the modules it
 * imports directly (imports are not re-exported). A module's own name shadows an imported one.
 */
export class Scopes {
  private readonly own = new Map<LoadedModule, Record<Namespace, Map<string, Symbol>>>();

  constructor(private readonly ctx: CheckContext) {}

  ownSymbols(module: LoadedModule, namespace: Namespace): ReadonlyMap<string, Symbol> {
    let tables = this.own.get(module);
    if (!tables) {
      tables = { value: new Map(), run: new Map() };
      this.own.set(module, tables);
      this.collect(module, tables);
    }
    return tables[namespace];
  }

  private collect(module: LoadedModule, tables: Record<Namespace, Map<string, Symbol>>): void {
    for (const item of module.ast.items) {
      if (item.kind === "ImportDecl") continue;
      const table = tables[namespaceOf(item)];
      const name = item.name.name;
      const first = table.get(name);
      if (first) {
        const firstPos = module.file.position(first.decl.name.range.start);
        this.ctx.report(Diag.DuplicateDefinition({ name, firstLine: firstPos.line }), module, item.name.range, [
          { file: module.file, range: first.decl.name.range, message: "first defined here" },
        ]);
        continue;
      }
      table.set(name, { decl: item, module });
    }
  }

  /** The symbol a name means in a module; between two imports that both define it, the first import wins. */
  lookup(module: LoadedModule, name: string, namespace: Namespace): Symbol | undefined {
    const local = this.ownSymbols(module, namespace).get(name);
    if (local) return local;
    for (const { target } of module.imports) {
      const s = target && this.ownSymbols(target, namespace).get(name);
      if (s) return s;
    }
    return undefined;
  }

  visibleNames(module: LoadedModule, namespace: Namespace): string[] {
    const names = new Set(this.ownSymbols(module, namespace).keys());
    for (const { target } of module.imports) if (target) for (const n of this.ownSymbols(target, namespace).keys()) names.add(n);
    return [...names];
  }
}
