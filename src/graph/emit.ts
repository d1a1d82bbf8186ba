import { stringify } from "yaml";
import type { GraphDocument } from "./ir.js";

export type EmitFormat = "graph" | "yaml";

/** The graph as text: JSON (`graph`) or YAML. Deterministic: the same program gives the same bytes. */
export function emitGraph(doc: GraphDocument, format: EmitFormat): string {
  if (format === "yaml") return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  return `${JSON.stringify(doc, null, 2)}\n`;
}
