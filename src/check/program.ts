import path from "node:path";
import { Diag } from "../diagnostics/codes.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile, type Range } from "../diagnostics/source.js";
import { parseExpression } from "../syntax/parse.js";
import type * as A from "../syntax/ast.js";
import { CheckContext } from "./context.js";
import { applyClauses, finishExperiment, templateText, type ClauseSet, type ExperimentDeps } from "./experiments.js";
import { ExpressionChecker, type NameResolver, type Typed } from "./expressions.js";
import { resolveGrpoSpec } from "./grpo.js";
import { defaultGrpoConfig, type GrpoConfig } from "./grpoFields.js";
import { nodeHost, type Host } from "./host.js";
import { loadModules, type LoadedModule } from "./modules.js";
import type { ResolvedExperiment, ResolvedSweep } from "./resolved.js";
import { namespaceOf, Scopes, type Symbol } from "./scope.js";
import { expandSweep } from "./sweeps.js";
import { closest } from "../util/didYouMean.js";
import { isRewardType, T, typeName, type Type } from "./types.js";
import { none, type Value } from "../core/values.js";

/** The checked program: what `rlx check` reports and what the graph builder compiles. */
export interface Program {
  /** Every file read, entries first. */
  readonly files: readonly SourceFile[];
  /** The experiments declared in the entry files, in source order. */
  readonly experiments: readonly ResolvedExperiment[];
  /** The sweeps declared in the entry files, in source order. */
  readonly sweeps: readonly ResolvedSweep[];
  readonly diagnostics: readonly Diagnostic[];
}

const SORT_TYPES: Record<A.DefinitionSort, Type> = {
  reward: T.real,
  data: T.dataset,
  labels: T.labels,
  model: T.model,
  template: T.template,
};

/** Loads the files, checks every declaration in every file read, and resolves the entry files' experiments and sweeps. */
export function checkProgram(entryPaths: readonly string[], host: Host = nodeHost()): Program {
  const loaded = loadModules(entryPaths, host);
  const checker = new ProgramChecker(new CheckContext(host));
  checker.ctx.diagnostics.push(...loaded.diagnostics);
  for (const module of loaded.modules.values()) checker.checkModule(module);

  const experiments: ResolvedExperiment[] = [];
  const sweeps: ResolvedSweep[] = [];
  for (const module of new Set(loaded.entries)) {
    for (const item of module.ast.items) {
      // A second experiment or sweep of a name was reported as a duplicate; only the first is resolved.
      if ((item.kind === "ExperimentDecl" || item.kind === "SweepDecl") && checker.scopes.ownSymbols(module, "run").get(item.name.name)?.decl !== item) continue;
      if (item.kind === "ExperimentDecl") {
        const e = checker.experiment(module, item);
        if (e) experiments.push(e);
      } else if (item.kind === "SweepDecl") {
        const s = checker.sweep(module, item);
        if (s) sweeps.push(s);
      }
    }
  }
  const entrySet = new Set(loaded.entries);
  const files = [...loaded.entries, ...[...loaded.modules.values()].filter((m) => !entrySet.has(m))].map((m) => m.file);
  return { files: [...new Set(files)], experiments, sweeps, diagnostics: sortDiagnostics(checker.ctx.diagnostics) };
}

const IN_PROGRESS = Symbol("in progress");

/** Checks declarations lazily and once each, so a definition used in ten places is reported once. */
class ProgramChecker implements NameResolver {
  readonly scopes: Scopes;
  readonly exprs: ExpressionChecker;
  private readonly deps: ExperimentDeps;
  private readonly definitions = new Map<A.Item, Typed | typeof IN_PROGRESS>();
  private readonly presets = new Map<A.Item, GrpoConfig | undefined | typeof IN_PROGRESS>();
  private readonly clauseSets = new Map<A.Item, ClauseSet | undefined | typeof IN_PROGRESS>();
  private readonly experiments = new Map<A.Item, ResolvedExperiment | undefined>();
  private readonly sweeps = new Map<A.Item, ResolvedSweep | undefined>();

  constructor(readonly ctx: CheckContext) {
    this.scopes = new Scopes(ctx);
    this.exprs = new ExpressionChecker(ctx, this);
    this.deps = { ctx, exprs: this.exprs, presets: (module, name) => this.preset(module, name) };
  }

  checkModule(module: LoadedModule): void {

    // A file with nothing in it is likely a mistake; one that failed to read or parse was reported already.
    if (module.ast.items.length === 0 && !this.ctx.diagnostics.some((d) => d.file === module.file)) {
      this.ctx.report(Diag.FileEmpty({ path: module.file.path }), module, { start: 0, end: 0 });
    }
    for (const item of module.ast.items) {
      // Duplicates were reported when the scope was built; only the first of a name is checked.
      if (item.kind === "ImportDecl" || this.scopes.ownSymbols(module, namespaceOf(item)).get(item.name.name)?.decl !== item) continue;
      switch (item.kind) {
        case "Definition":
          this.definition({ decl: item, module });
          break;
        case "GrpoDefinition":
          this.preset(module, item.name);
          break;
        case "ExperimentDecl":
          this.experiment(module, item);
          break;
        case "SweepDecl":
          this.sweep(module, item);
          break;
      }
    }
  }

  // NameResolver

  resolve(module: LoadedModule, name: string, range: Range): Typed | undefined {
    const symbol = this.scopes.lookup(module, name, "value");
    if (!symbol) return undefined;
    return symbol.decl.kind === "Definition" ? this.definition(symbol, { module, range }) : { type: T.grpo, value: none };
  }

  visibleNames(module: LoadedModule): string[] {
    return this.scopes.visibleNames(module, "value");
  }

  private definition(symbol: Symbol, use?: { module: LoadedModule; range: Range }): Typed {
    const decl = symbol.decl as A.Definition;
    const known = this.definitions.get(decl);
    if (known === IN_PROGRESS) {
      const at = use ?? { module: symbol.module, range: decl.name.range };
      this.ctx.report(Diag.RecursiveDefinition({ name: decl.name.name }), at.module, at.range);
      return { type: T.error, value: none };
    }
    if (known) return known;
    this.definitions.set(decl, IN_PROGRESS);
    const result = this.checkDefinition(symbol.module, decl);
    this.definitions.set(decl, result);
    return result;
  }

  private checkDefinition(module: LoadedModule, decl: A.Definition): Typed {
    const typed = this.exprs.check(decl.value, { module, row: false });
    const error = { type: T.error, value: none };
    if (typed.type.kind === "error") return error;
    const ref = (value: Value): Value => ({ kind: "ref", name: decl.name.name, value });
    if (decl.sort === "template") {
      const text = templateText(this.ctx, module, decl.value, typed);
      return text === undefined ? error : { type: T.template, value: ref({ kind: "string", value: text }) };
    }
    if (decl.sort === "reward") {
      if (isRewardType(typed.type)) return { type: typed.type, value: ref(typed.value) };
      this.ctx.report(Diag.TypeMismatch({ case: "reward", what: `reward '${decl.name.name}'`, actual: typeName(typed.type) }), module, decl.value.range);
      return error;
    }
    const ok = this.exprs.expectType(typed, SORT_TYPES[decl.sort], decl.value.range, `${decl.sort} '${decl.name.name}'`, module);
    return ok ? { type: typed.type, value: ref(typed.value) } : error;
  }

  private preset(module: LoadedModule, name: A.Identifier): GrpoConfig | undefined {
    const symbol = this.scopes.lookup(module, name.name, "value");
    if (!symbol || symbol.decl.kind !== "GrpoDefinition") {
      const presets = this.scopes.visibleNames(module, "value").filter((n) => this.scopes.lookup(module, n, "value")?.decl.kind === "GrpoDefinition");
      const suggestion = closest(name.name, presets);
      this.ctx.report(Diag.UnknownName({ case: "preset", name: name.name, suggestion, otherKind: symbol !== undefined, presets }), module, name.range);
      return undefined;
    }
    const decl = symbol.decl;
    const known = this.presets.get(decl);
    if (known === IN_PROGRESS) {
      this.ctx.report(Diag.RecursiveDefinition({ name: name.name, preset: true }), module, name.range);
      return undefined;
    }
    if (this.presets.has(decl)) return known;
    this.presets.set(decl, IN_PROGRESS);
    const config = resolveGrpoSpec(this.ctx, this.exprs, this.deps.presets, symbol.module, decl.value, defaultGrpoConfig());
    this.presets.set(decl, config);
    return config;
  }

  /** The clauses of an experiment with its base chain applied. */
  private clauseSet(module: LoadedModule, decl: A.ExperimentDecl): ClauseSet | undefined {
    const known = this.clauseSets.get(decl);
    if (known === IN_PROGRESS) return undefined;
    if (this.clauseSets.has(decl)) return known;
    this.clauseSets.set(decl, IN_PROGRESS);
    let base: ClauseSet | undefined = { tracks: [] };
    if (decl.base) base = this.baseClauses(module, decl.base, decl);
    const set = base ? applyClauses(this.deps, module, decl, base) : undefined;
    this.clauseSets.set(decl, set);
    return set;
  }

  private baseClauses(module: LoadedModule, name: A.Identifier, from: A.ExperimentDecl | A.SweepDecl): ClauseSet | undefined {
    const symbol = this.scopes.lookup(module, name.name, "run");
    if (!symbol || symbol.decl.kind !== "ExperimentDecl") {
      const experiments = this.scopes.visibleNames(module, "run").filter((n) => this.scopes.lookup(module, n, "run")?.decl.kind === "ExperimentDecl");
      const params = { name: name.name, suggestion: closest(name.name, experiments), experiments };
      this.ctx.report(from.kind === "SweepDecl" ? Diag.NoExperiment(params) : Diag.UnknownExperiment(params), module, name.range);
      return undefined;
    }
    if (this.clauseSets.get(symbol.decl) === IN_PROGRESS) {
      this.ctx.report(Diag.InheritanceCycle({ experiment: from.name.name, through: name.name }), module, name.range);
      return undefined;
    }
    return this.clauseSet(symbol.module, symbol.decl);
  }

  experiment(module: LoadedModule, decl: A.ExperimentDecl): ResolvedExperiment | undefined {
    if (this.experiments.has(decl)) return this.experiments.get(decl);
    const set = this.clauseSet(module, decl);
    const resolved = set ? finishExperiment(this.ctx, module, decl.name, decl.name.name, set, null) : undefined;
    this.experiments.set(decl, resolved);
    return resolved;
  }

  sweep(module: LoadedModule, decl: A.SweepDecl): ResolvedSweep | undefined {
    if (this.sweeps.has(decl)) return this.sweeps.get(decl);
    const base = this.baseClauses(module, decl.base, decl);
    const resolved = base ? expandSweep(this.deps, module, decl, base) : undefined;
    this.sweeps.set(decl, resolved);
    return resolved;
  }
}

/** A reward expression checked on its own, in the scope of a session of definitions (the REPL, `rlx reward`). */
export interface RewardCheck {
  readonly value: Value | undefined;
  readonly type: Type | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export const INPUT_NAME = "<input>";
const SESSION_NAME = "<session>.rlx";

/**
 * Checks `expression` as a reward, where the names are those of `sessionSource` (an rlx text of
 * imports and definitions) and the built-ins. Diagnostics point into `<input>` or `<session>.rlx`.
 */
export function checkReward(expression: string, sessionSource: string, host: Host = nodeHost()): RewardCheck {
  const sessionPath = path.join(host.cwd, SESSION_NAME);
  const overlay: Host = {
    ...host,
    readFile: (p) => (p === sessionPath ? new TextEncoder().encode(sessionSource) : host.readFile(p)),
    isFile: (p) => p === sessionPath || host.isFile(p),
  };
  const loaded = loadModules([sessionPath], overlay);
  const checker = new ProgramChecker(new CheckContext(overlay));
  checker.ctx.diagnostics.push(...loaded.diagnostics);
  for (const module of loaded.modules.values()) checker.checkModule(module);

  const file = new SourceFile(INPUT_NAME, expression);
  const parsed = parseExpression(file);
  const session = loaded.entries[0]!;
  const here = { start: 0, end: 0 };
  const importOf = (target: LoadedModule) => ({
    decl: { kind: "ImportDecl" as const, path: { kind: "StringLit" as const, value: target.file.path, range: here }, range: here },
    target,
  });
  const input: LoadedModule = {
    absolutePath: INPUT_NAME,
    file,
    ast: { kind: "Module", items: [], range: here },
    // The session's own names first, then what the session imports: the input sees both.
    imports: [importOf(session), ...session.imports],
  };
  const errorsBefore = parsed.diagnostics.length;
  let typed: Typed | undefined;
  if (errorsBefore === 0) {
    typed = checker.exprs.check(parsed.expr, { module: input, row: false });
    if (typed.type.kind !== "error" && !isRewardType(typed.type)) {
      checker.ctx.report(Diag.TypeMismatch({ case: "reward", what: "a reward", actual: typeName(typed.type) }), input, parsed.expr.range);
      typed = undefined;
    }
  }
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checker.ctx.diagnostics.filter((d) => d.code !== Diag.FileEmpty.code)]);
  const ok = typed && typed.type.kind !== "error" && !diagnostics.some((d) => d.severity === "error");
  return { value: ok ? typed!.value : undefined, type: ok ? typed!.type : undefined, diagnostics };
}
