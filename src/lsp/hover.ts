import { MarkupKind, type Hover } from "vscode-languageserver";
import type { DocumentView } from "./document.js";
import { targetDoc } from "./docs.js";
import { lspRange } from "./positions.js";
import { targetAt } from "./targets.js";

export function hoverAt(doc: DocumentView, offset: number): Hover | null {
  const target = targetAt(doc, offset);
  if (!target) return null;
  return { contents: { kind: MarkupKind.Markdown, value: targetDoc(target, doc.module, doc.host) }, range: lspRange(doc.module.file, target.range) };
}
