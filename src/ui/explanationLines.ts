import type { ExplanationNode } from "../runtime/executor/events.js";
import { showValue } from "../reward/explain.js";

/**
 * A reward explanation as an indented tree, `term = value` per line, in the layout `rlx repl`
 * uses. Deep compound rewards are cut after `maxLines` so the view keeps its height.
 */
export function explanationLines(root: ExplanationNode, maxLines: number): string[] {
  const lines: string[] = [];
  const visit = (node: ExplanationNode, lead: string, childLead: string) => {
    lines.push(`${lead}${node.term} = ${showValue(node.value)}`);
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      visit(child, childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "));
    });
  };
  visit(root, "", "");
  if (lines.length <= maxLines) return lines;
  const hidden = lines.length - (maxLines - 1);
  return [...lines.slice(0, maxLines - 1), `… ${hidden} more terms`];
}
