import type { Position, Range as LspRange } from "vscode-languageserver";
import type { Range, SourceFile } from "../diagnostics/source.js";

/**
 * Offsets in a source file as LSP positions: 0-based lines and UTF-16 columns (SourceFile counts
 * columns in UTF-16 code units too, 1-based).
 */
export function lspPosition(file: SourceFile, offset: number): Position {
  const { line, column } = file.position(offset);
  return { line: line - 1, character: column - 1 };
}

export function lspRange(file: SourceFile, range: Range): LspRange {
  return { start: lspPosition(file, range.start), end: lspPosition(file, range.end) };
}

/** The offset of an LSP position, clamped to its line (a client may send a column past the end). */
export function offsetAt(file: SourceFile, position: Position): number {
  const lineStart = file.lineStarts[position.line];
  if (lineStart === undefined) return file.text.length;
  const lineEnd = file.lineStarts[position.line + 1] ?? file.text.length + 1;
  return lineStart + Math.max(0, Math.min(position.character, lineEnd - 1 - lineStart));
}
