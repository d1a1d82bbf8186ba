import { BUILTINS, type BuiltinSpec, type ParamSpec } from "../check/builtins/index.js";
import { CLIP_SHORTHAND, GRPO_FIELD_BY_NAME } from "../check/grpoFields.js";
import { METRICS, type MetricSpec } from "../check/metrics.js";
import type { LoadedModule } from "../check/modules.js";
import type { Namespace, Symbol } from "../check/scope.js";
import type { Range } from "../diagnostics/source.js";
import type * as A from "../syntax/ast.js";
import type { DocumentView } from "./document.js";
import { nodesAt } from "./syntaxAt.js";

/** What a position in a document names: the subject of hover and go-to-definition. */
export type Target =
  | { readonly kind: "symbol"; readonly symbol: Symbol; readonly range: Range }
  | { readonly kind: "builtin"; readonly spec: BuiltinSpec; readonly range: Range }
  | { readonly kind: "parameter"; readonly spec: BuiltinSpec; readonly param: ParamSpec; readonly range: Range }
  /** A field of a `grpo { … }` block, or the `clip` shorthand. */
  | { readonly kind: "grpoField"; readonly name: string; readonly range: Range }
  | { readonly kind: "metric"; readonly spec: MetricSpec; readonly range: Range }
  | { readonly kind: "import"; readonly target: LoadedModule; readonly range: Range };

export function targetAt(doc: DocumentView, offset: number): Target | undefined {
  const path = nodesAt(doc.module.ast, offset);
  const node = path.at(-1)!;
  const parent = path.at(-2);
  if (node.kind === "StringLit" && parent?.kind === "ImportDecl") {
    const target = doc.module.imports.find((i) => i.decl === parent)?.target;
    return target ? { kind: "import", target, range: node.range } : undefined;
  }
  if (node.kind === "Metric") {
    const spec = METRICS.get(node.name);
    const onName = node.nameRange.start <= offset && offset <= node.nameRange.end;
    return spec && onName ? { kind: "metric", spec, range: node.nameRange } : undefined;
  }
  if (node.kind === "Identifier" && parent) return identifierTarget(doc, node, parent, path.at(-3));
  return undefined;
}

/** An identifier means something different as a callee, an argument name, a field, a base experiment… */
function identifierTarget(doc: DocumentView, id: A.Identifier, parent: A.Node, grandparent: A.Node | undefined): Target | undefined {
  const { range } = id;
  const symbol = (namespace: Namespace): Target | undefined => {
    const found = doc.scopes.lookup(doc.module, id.name, namespace);
    return found ? { kind: "symbol", symbol: found, range } : undefined;
  };
  const builtin = (): Target | undefined => {
    const spec = BUILTINS.get(id.name);
    return spec ? { kind: "builtin", spec, range } : undefined;
  };
  const grpoField = (): Target | undefined =>
    GRPO_FIELD_BY_NAME.has(id.name) || id.name === CLIP_SHORTHAND ? { kind: "grpoField", name: id.name, range } : undefined;

  switch (parent.kind) {
    case "Definition":
    case "GrpoDefinition":
      return parent.name === id ? { kind: "symbol", symbol: { decl: parent, module: doc.module }, range } : symbol("value") ?? builtin();
    case "ExperimentDecl":
    case "SweepDecl":
      return parent.name === id ? { kind: "symbol", symbol: { decl: parent, module: doc.module }, range } : symbol("run");
    case "GrpoSpec":
      return symbol("value");
    case "Call":
      // As the checker does: a call names a built-in first, a bare name a definition first.
      return parent.callee === id ? builtin() ?? symbol("value") : symbol("value") ?? builtin();
    case "Argument": {
      if (parent.name !== id) return symbol("value") ?? builtin();
      const spec = grandparent?.kind === "Call" ? BUILTINS.get(grandparent.callee.name) : undefined;
      const param = spec?.params.find((p) => p.name === id.name);
      return spec && param ? { kind: "parameter", spec, param, range } : undefined;
    }
    case "Property":
      if (parent.name !== id) return symbol("value") ?? builtin();
      return grandparent?.kind === "GrpoSpec" ? grpoField() : undefined;
    case "SweepAxis":
      return parent.path[0]?.name === "grpo" && parent.path[1] === id ? grpoField() : undefined;
    case "TrackClause":
      return parent.name === id ? undefined : symbol("value") ?? builtin();
    default:
      return symbol("value") ?? builtin();
  }
}
