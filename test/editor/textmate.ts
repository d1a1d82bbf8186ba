import type { TmGrammar, TmRule } from "../../src/editor/tmGrammar.js";

/** A piece of text and the scope a TextMate engine gives it (undefined: no rule matched it). */
export interface Scoped {
  readonly offset: number;
  readonly text: string;
  readonly scope: string | undefined;
}

/**
 * Tokenizes like a TextMate engine for a flat grammar of `match` and `begin`/`end` rules: line by
 * line (each with its "\n", as vscode-textmate feeds Oniguruma), at each position taking the rule
 * whose match starts first and, among those, the first listed; a `begin` rule's scope lasts until
 * its `end` matches, on a later line if need be.
 */
export function tokenizeTm(grammar: TmGrammar, text: string): Scoped[] {
  const rules = grammar.patterns.map((rule) => ({ rule, start: new RegExp("match" in rule ? rule.match : rule.begin, "g") }));
  const out: Scoped[] = [];
  // A begin rule being matched, and where its text on this line starts.
  let open = null as { rule: TmRule; end: RegExp; from: number } | null;
  let lineStart = 0;
  for (const body of text.split("\n")) {
    const line = `${body}\n`;
    let pos = 0;
    if (open) open.from = 0;
    while (open || pos < body.length) {
      if (open) {
        open.end.lastIndex = pos;
        const m = open.end.exec(line);
        const stop = m ? m.index + m[0].length : body.length;
        out.push({ offset: lineStart + open.from, text: line.slice(open.from, stop), scope: open.rule.name });
        if (!m) break;
        pos = stop;
        open = null;
        continue;
      }
      let best: { rule: TmRule; m: RegExpExecArray } | null = null;
      for (const { rule, start } of rules) {
        start.lastIndex = pos;
        const m = start.exec(line);
        if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (!best) break;
      if (best.m.index > pos) out.push({ offset: lineStart + pos, text: line.slice(pos, best.m.index), scope: undefined });
      const end = best.m.index + best.m[0].length;
      if ("begin" in best.rule) open = { rule: best.rule, end: new RegExp(best.rule.end, "g"), from: best.m.index };
      else out.push({ offset: lineStart + best.m.index, text: best.m[0], scope: best.rule.name });
      pos = end;
    }
    lineStart += line.length;
  }
  return out.filter((t) => t.text.trim() !== "");
}
