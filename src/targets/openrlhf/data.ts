import { writeFileSync } from "node:fs";
import { type PromptLayout, promptMessages, promptString } from "../shared/prompt.js";
import type { ExportRow } from "../shared/rows.js";

/**
 * OpenRLHF's prompt data: JSON Lines with the prompt under --data.input_key (chat messages when
 * --data.apply_chat_template is on, else the finished prompt text) and, under --data.label_key,
 * one JSON string the reward module reads: the label, the ground truth, the labels under the
 * reward's own labellings and the row's coordinates for random(p).
 */
export function openRlhfRow(row: ExportRow, layout: PromptLayout): { prompt: unknown; label: string } {
  return {
    prompt: layout.kind === "chat" ? promptMessages(layout, row.problem) : promptString(layout, row.problem),
    label: JSON.stringify({
      label: row.label,
      truth: row.truth,
      ...row.ports,
      split: row.split,
      index: row.index,
      step: row.step,
      prompt_index: row.promptIndex,
      source: row.source,
    }),
  };
}

export function writeOpenRlhfJsonl(file: string, rows: readonly ExportRow[], layout: PromptLayout): void {
  writeFileSync(file, rows.map((r) => JSON.stringify(openRlhfRow(r, layout))).join("\n") + (rows.length > 0 ? "\n" : ""));
}
