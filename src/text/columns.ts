export type ColumnAlign = "left" | "right";

/** How wide each column of `rows` is: its widest cell. */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return widths;
}

/**
 * Rows of cells as aligned lines: each column as wide as its widest cell, two spaces apart, padded
 * on the right unless `align` says `right` for it; no line ends in spaces.
 */
export function alignColumns(rows: readonly (readonly string[])[], align: readonly ColumnAlign[] = []): string[] {
  const widths = columnWidths(rows);
  const pad = (cell: string, i: number) => (align[i] === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!));
  return rows.map((row) => row.map(pad).join("  ").trimEnd());
}

/**
 * A plain-text table under a header and a rule of dashes, for benchmarks and audits: a column
 * whose first row holds a number is formatted as numbers and right-aligned.
 */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const align = header.map((_, i): ColumnAlign => (typeof rows[0]?.[i] === "number" ? "right" : "left"));
  const body = rows.map((r) => r.map((c) => (typeof c === "number" ? tableNumber(c) : c)));
  const rule = columnWidths([header, ...body]).map((w) => "-".repeat(w));
  return alignColumns([header, rule, ...body], align).join("\n");
}

/** Whole numbers with thousands separators; others to a precision that suits their size. */
function tableNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
