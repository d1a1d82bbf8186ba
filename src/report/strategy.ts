import { unref, type Value } from "../core/values.js";

/** How an answer reasons, as the study classifies it: code reasoning or language reasoning. */
export type Strategy = "Code" | "Lang";

/** The study's marker of code reasoning: the answer mentions "python" (case-sensitive, as `contains("python")`). */
export const CODE_MARKER = "python";

export function strategyOf(response: string): Strategy {
  return response.includes(CODE_MARKER) ? "Code" : "Lang";
}

/**
 * The name of the run's tracked expression that measures code frequency exactly as the study
 * does, `contains("python")` (also behind a named definition), or null when no track does.
 */
export function codeFrequencyTrack(tracks: readonly { readonly name: string; readonly expression: Value }[]): string | null {
  const isCodeMarker = (v: Value): boolean => {
    const call = unref(v);
    if (call.kind !== "call" || call.fn !== "contains") return false;
    const text = call.args["text"];
    const ignoreCase = call.args["ignore_case"];
    return text?.kind === "string" && text.value === CODE_MARKER && !(ignoreCase?.kind === "bool" && ignoreCase.value);
  };
  return tracks.find((t) => isCodeMarker(t.expression))?.name ?? null;
}
