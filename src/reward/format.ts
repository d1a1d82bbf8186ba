import type { Evidence } from "./types.js";

/**
 * `format(template)`: whether a response has the shape the template asks for. The style is read
 * from the template's text, so user templates in the same style are judged the same way.
 *
 * - chat (the template opens an assistant turn with `<|im_start|>`): the response is the
 *   assistant's turn. It must say something (not blank) and must not run on into another turn
 *   (no `<|im_start|>` inside it). `<|im_end|>` is allowed but not required, since samplers
 *   usually stop on it and strip it; when present, only whitespace may follow it.
 * - r1 (the template ends inside `<think>`): the response must close the thinking with
 *   `</think>` and then give an answer: non-blank text after the last `</think>`. When that
 *   answer opens `<answer>`, it must also close it with `</answer>` around non-blank text.
 * - any other template: the response must not be blank.
 *
 * Whether the answer is boxed is not part of the format: that is `box_only_format`.
 */
export type FormatStyle = "chat" | "r1" | "plain";

export function formatStyle(template: string): FormatStyle {
  if (template.includes("<|im_start|>")) return "chat";
  if (template.includes("<think>")) return "r1";
  return "plain";
}

export interface FormatVerdict {
  readonly ok: boolean;
  readonly evidence: Evidence;
}

const isBlank = (text: string) => text.trim().length === 0;

export function checkFormat(style: FormatStyle, response: string): FormatVerdict {
  const verdict = (ok: boolean, reason: string): FormatVerdict => ({ ok, evidence: { style, reason } });
  if (isBlank(response)) return verdict(false, "the response is blank");
  if (style === "chat") {
    if (response.includes("<|im_start|>")) return verdict(false, "the response starts another turn (<|im_start|>)");
    const end = response.indexOf("<|im_end|>");
    if (end >= 0 && !isBlank(response.slice(end + "<|im_end|>".length))) return verdict(false, "text follows <|im_end|>");
    if (end >= 0 && isBlank(response.slice(0, end))) return verdict(false, "the turn ends without saying anything");
    return verdict(true, end >= 0 ? "one turn, ended by <|im_end|>" : "one turn");
  }
  if (style === "r1") {
    const close = response.lastIndexOf("</think>");
    if (close < 0) return verdict(false, "no </think>: the thinking is never closed");
    const answer = response.slice(close + "</think>".length);
    if (isBlank(answer)) return verdict(false, "nothing after </think>");
    const open = answer.indexOf("<answer>");
    if (open >= 0) {
      const closeAnswer = answer.indexOf("</answer>", open);
      if (closeAnswer < 0) return verdict(false, "<answer> is never closed");
      if (isBlank(answer.slice(open + "<answer>".length, closeAnswer))) return verdict(false, "the <answer> is empty");
    }
    return verdict(true, "</think> followed by an answer");
  }
  return verdict(true, "not blank");
}
