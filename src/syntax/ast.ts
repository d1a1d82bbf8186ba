import type { Range } from "../diagnostics/source.js";

/**
 * The typed syntax tree of one .rlx file. Every node carries its source range; nodes are
 * plain readonly data, so later phases never mutate them and can share them freely.
 */
interface NodeBase {
  readonly range: Range;
}

export interface Module extends NodeBase {
  readonly kind: "Module";
  readonly items: readonly Item[];
}

export type Item = ImportDecl | Definition | GrpoDefinition | ExperimentDecl | SweepDecl;

export interface ImportDecl extends NodeBase {
  readonly kind: "ImportDecl";
  readonly path: StringLit;
}

export type DefinitionSort = "reward" | "data" | "labels" | "model" | "template";

/** `reward name = expr`, `data name = …`; `grpo name = preset { … }` is a {@link GrpoDefinition}. */
export interface Definition extends NodeBase {
  readonly kind: "Definition";
  readonly sort: DefinitionSort;
  readonly name: Identifier;
  readonly value: Expr;
}

export interface GrpoDefinition extends NodeBase {
  readonly kind: "GrpoDefinition";
  readonly name: Identifier;
  readonly value: GrpoSpec;
}

export interface ExperimentDecl extends NodeBase {
  readonly kind: "ExperimentDecl";
  readonly name: Identifier;
  readonly base: Identifier | null;
  readonly clauses: readonly Clause[];
}

export interface SweepDecl extends NodeBase {
  readonly kind: "SweepDecl";
  readonly name: Identifier;
  readonly base: Identifier;
  readonly axes: readonly SweepAxis[];
}

/** `model in [ … ]`, `grpo.clip in [0.2, none]`. */
export interface SweepAxis extends NodeBase {
  readonly kind: "SweepAxis";
  readonly path: readonly Identifier[];
  readonly values: ListLit;
}

export type Clause =
  | ExprClause
  | GrpoClause
  | EvalClause
  | TrackClause
  | CheckpointClause;

export type ExprClauseField = "model" | "data" | "labels" | "reward" | "template" | "seed";

/** The clauses whose value is a single expression: `model tiny("code-prior")`, `seed 3`. */
export interface ExprClause extends NodeBase {
  readonly kind: "ExprClause";
  readonly field: ExprClauseField;
  readonly keyword: Range;
  readonly value: Expr;
}

export interface GrpoClause extends NodeBase {
  readonly kind: "GrpoClause";
  readonly keyword: Range;
  readonly value: GrpoSpec;
}

/** `paper { group_size: 8 }`: a preset, overridden field by field. Either part may be absent. */
export interface GrpoSpec extends NodeBase {
  readonly kind: "GrpoSpec";
  readonly preset: Identifier | null;
  readonly fields: readonly Property[] | null;
}

export interface Property extends NodeBase {
  readonly kind: "Property";
  readonly name: Identifier;
  readonly value: Expr;
}

/** `every 20 steps` */
export interface Schedule extends NodeBase {
  readonly kind: "Schedule";
  readonly every: NumberLit;
}

export interface EvalClause extends NodeBase {
  readonly kind: "EvalClause";
  readonly keyword: Range;
  readonly schedule: Schedule | null;
  readonly data: Expr;
  readonly metrics: readonly Metric[];
}

/** `pass@1(temperature: 0)` */
export interface Metric extends NodeBase {
  readonly kind: "Metric";
  readonly name: string;
  readonly k: number;
  readonly nameRange: Range;
  readonly args: readonly Argument[];
}

export interface TrackClause extends NodeBase {
  readonly kind: "TrackClause";
  readonly keyword: Range;
  readonly name: Identifier;
  readonly value: Expr;
}

export interface CheckpointClause extends NodeBase {
  readonly kind: "CheckpointClause";
  readonly keyword: Range;
  readonly schedule: Schedule;
}

export type Expr =
  | NumberLit
  | StringLit
  | BoolLit
  | NoneLit
  | Identifier
  | Call
  | Unary
  | Binary
  | IfExpr
  | ListLit
  | Missing;

export interface NumberLit extends NodeBase {
  readonly kind: "NumberLit";
  readonly value: number;
  /** As written (`1e-4`), so the printer keeps the author's spelling. */
  readonly raw: string;
}

export interface StringLit extends NodeBase {
  readonly kind: "StringLit";
  readonly value: string;
}

export interface BoolLit extends NodeBase {
  readonly kind: "BoolLit";
  readonly value: boolean;
}

export interface NoneLit extends NodeBase {
  readonly kind: "NoneLit";
}

export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

export interface Argument extends NodeBase {
  readonly kind: "Argument";
  readonly name: Identifier | null;
  readonly value: Expr;
}

export interface Call extends NodeBase {
  readonly kind: "Call";
  readonly callee: Identifier;
  readonly args: readonly Argument[];
}

export type UnaryOp = "!" | "-";
export interface Unary extends NodeBase {
  readonly kind: "Unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export type BinaryOp = "|" | "&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/";
export interface Binary extends NodeBase {
  readonly kind: "Binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface IfExpr extends NodeBase {
  readonly kind: "IfExpr";
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

export interface ListLit extends NodeBase {
  readonly kind: "ListLit";
  readonly items: readonly Expr[];
}

/** Stands where the parser recovered from an error; the checker skips it silently. */
export interface Missing extends NodeBase {
  readonly kind: "Missing";
}

export type Node =
  | Module
  | Item
  | Clause
  | GrpoSpec
  | Property
  | Schedule
  | Metric
  | SweepAxis
  | Argument
  | Expr;
