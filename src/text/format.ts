/**
 * Number and time formats shared by the Ink view, the plain log and the reports, so a value reads
 * the same in a terminal, in a CI log and in a report.
 */

/** A fixed number of decimals; non-finite values print as JavaScript writes them (NaN, Infinity). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** A change with its sign always shown: `+0.032`, `-0.010`, `+0.000`. */
export function signed(delta: number, decimals: number): string {
  const text = fixed(delta, decimals);
  return delta >= 0 && !text.startsWith("-") ? `+${text}` : text;
}

/** `mm:ss`, or `h:mm:ss` from an hour on; `--:--` when unknown. */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return "--:--";
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** Throughput in a few characters: `950`, `3.1k`, `12.4M`. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${fixed(value / 1e6, 1)}M`;
  if (abs >= 1e3) return `${fixed(value / 1e3, 1)}k`;
  return fixed(value, 0);
}

/** `████░░░░`: the share of `done` in `total`, in `width` cells. */
export function progressBar(done: number, total: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, done / total)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** Cuts a line to `width` characters, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}
