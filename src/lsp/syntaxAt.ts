import type * as A from "../syntax/ast.js";

/** The nodes directly inside `node`, in source order. */
function children(node: A.Node): readonly (A.Node | null)[] {
  switch (node.kind) {
    case "Module":
      return node.items;
    case "ImportDecl":
      return [node.path];
    case "Definition":
    case "GrpoDefinition":
      return [node.name, node.value];
    case "ExperimentDecl":
      return [node.name, node.base, ...node.clauses];
    case "SweepDecl":
      return [node.name, node.base, ...node.axes];
    case "SweepAxis":
      return [...node.path, node.values];
    case "ExprClause":
    case "GrpoClause":
      return [node.value];
    case "GrpoSpec":
      return [node.preset, ...(node.fields ?? [])];
    case "Property":
      return [node.name, node.value];
    case "Schedule":
      return [node.every];
    case "EvalClause":
      return [node.schedule, node.data, ...node.metrics];
    case "Metric":
      return node.args;
    case "TrackClause":
      return [node.name, node.value];
    case "CheckpointClause":
      return [node.schedule];
    case "Call":
      return [node.callee, ...node.args];
    case "Argument":
      return [node.name, node.value];
    case "Unary":
      return [node.operand];
    case "Binary":
      return [node.left, node.right];
    case "IfExpr":
      return [node.condition, node.then, node.otherwise];
    case "ListLit":
      return node.items;
    case "NumberLit":
    case "StringLit":
    case "BoolLit":
    case "NoneLit":
    case "Identifier":
    case "Missing":
      return [];
  }
}

/**
 * The nodes that contain `offset`, outermost (the module) first. A node contains the offsets of
 * its characters and, when no sibling holds that character, the offset just after its end: the
 * cursor right after a name is on that name.
 */
export function nodesAt(module: A.Module, offset: number): A.Node[] {
  const path: A.Node[] = [module];
  for (;;) {
    const inner = children(path.at(-1)!).filter((c): c is A.Node => c !== null && c.range.start < c.range.end);
    const next = inner.find((c) => c.range.start <= offset && offset < c.range.end) ?? inner.find((c) => c.range.end === offset);
    if (!next) return path;
    path.push(next);
  }
}
