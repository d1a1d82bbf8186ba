import { createSyntaxDiagramsCode } from "chevrotain";
import { getParser } from "./parser.js";

/**
 * The HTML page of railroad diagrams for every grammar rule, generated from the parser itself so
 * it can never drift from the real syntax. The page loads Chevrotain's diagram renderer from the
 * unpkg CDN (pinned to the installed Chevrotain version): Chevrotain has no option to inline it.
 */
export function diagramsHtml(): string {
  return createSyntaxDiagramsCode(getParser().getSerializedGastProductions());
}
