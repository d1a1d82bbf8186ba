import type { Location } from "vscode-languageserver";
import type { DocumentView } from "./document.js";
import { lspRange } from "./positions.js";
import { targetAt } from "./targets.js";

/** Where a name is defined (in this file or an imported one), or the file an import names. */
export function definitionAt(doc: DocumentView, offset: number, uriOf: (absolutePath: string) => string): Location | null {
  const target = targetAt(doc, offset);
  if (target?.kind === "symbol") {
    const { decl, module } = target.symbol;
    return { uri: uriOf(module.absolutePath), range: lspRange(module.file, decl.name.range) };
  }
  if (target?.kind === "import") {
    const start = { line: 0, character: 0 };
    return { uri: uriOf(target.target.absolutePath), range: { start, end: start } };
  }
  return null;
}
