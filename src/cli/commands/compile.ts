import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkProgram } from "../../check/program.js";
import { buildGraph } from "../../graph/build.js";
import { emitGraph } from "../../graph/emit.js";
import { validateGraph } from "../../graph/schema.js";
import { print } from "../../syntax/printer.js";
import { parse } from "../../syntax/parse.js";
import { SourceFile } from "../../diagnostics/source.js";
import { reportDiagnostics, UsageError, type Output } from "../output.js";

export const compileHelp = `rlx compile FILE [--emit graph|yaml|rlx] [--out PATH]

Checks FILE and compiles its experiments and sweeps into one execution graph.
  --emit graph   the graph as JSON (default), validated against its JSON Schema
  --emit yaml    the same graph as YAML
  --emit rlx     the file in canonical rlx formatting (comments are not kept)
  --out PATH     write to PATH instead of standard output
Nodes are content-addressed: nodes that sweep cells share (data, labels, pretraining) appear once.`;

const EMITS = ["graph", "yaml", "rlx"] as const;

export function compileCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { emit: { type: "string", default: "graph" }, out: { type: "string" } },
  });
  const emit = values.emit as (typeof EMITS)[number];
  if (!EMITS.includes(emit)) throw new UsageError(`--emit must be one of ${EMITS.join(", ")}, not '${values.emit}'`);
  if (positionals.length !== 1) throw new UsageError("rlx compile takes exactly one FILE");

  const program = checkProgram(positionals);
  if (reportDiagnostics(io, program.diagnostics, program.files.length, true)) return 1;

  let text: string;
  if (emit === "rlx") {
    const entry = program.files[0]!;
    text = print(parse(new SourceFile(entry.path, entry.text)).module);
  } else {
    const graph = buildGraph(program, positionals);
    const problems = validateGraph(graph);
    if (problems.length > 0) throw new Error(`the compiled graph does not match its schema:\n  ${problems.join("\n  ")}`);
    text = emitGraph(graph, emit);
  }
  if (values.out) writeFileSync(values.out, text);
  else io.out(text);
  return 0;
}
