import { promptText } from "../../runtime/data/prompt.js";

/**
 * How an experiment's prompt template reaches an engine. Both engines build prompts from chat
 * messages with the model's own chat template, so a template written in ChatML (rlx's `chat`,
 * Qwen2.5-Math's format) becomes its messages — identical text for Qwen models, the model's own
 * format for others. Any other template (`r1_only`, `plain`, none) is not a conversation: its text
 * is passed through verbatim, exactly the prompt `rlx run` builds.
 */
export type PromptLayout =
  | { readonly kind: "chat"; readonly system: string | null; readonly user: string }
  | { readonly kind: "raw"; readonly template: string | null };

export interface Message {
  readonly role: "system" | "user";
  readonly content: string;
}

const CHATML = /^(?:<\|im_start\|>system\n([\s\S]*?)<\|im_end\|>\n)?<\|im_start\|>user\n([\s\S]*?)<\|im_end\|>\n<\|im_start\|>assistant\n$/;

export function promptLayout(template: string | null): PromptLayout {
  const m = template === null ? null : CHATML.exec(template);
  if (m && m[2]!.includes("{problem}") && !m[2]!.includes("<|im_") && !(m[1] ?? "").includes("<|im_")) {
    return { kind: "chat", system: m[1] ?? null, user: m[2]! };
  }
  return { kind: "raw", template };
}

/** The prompt as messages: the chat turns, or one user message holding the whole rendered text. */
export function promptMessages(layout: PromptLayout, problem: string): Message[] {
  if (layout.kind === "raw") return [{ role: "user", content: promptText(layout.template, problem) }];
  const user: Message = { role: "user", content: layout.user.replaceAll("{problem}", problem) };
  return layout.system === null ? [user] : [{ role: "system", content: layout.system }, user];
}

/** The prompt as one text: what `rlx run` gives the model. */
export function promptString(layout: PromptLayout, problem: string): string {
  if (layout.kind === "raw") return promptText(layout.template, problem);
  const system = layout.system === null ? "" : `<|im_start|>system\n${layout.system}<|im_end|>\n`;
  return `${system}<|im_start|>user\n${layout.user.replaceAll("{problem}", problem)}<|im_end|>\n<|im_start|>assistant\n`;
}

/** A Jinja chat template that emits the messages' text and nothing else: the raw layout on verl. */
export const PASS_THROUGH_CHAT_TEMPLATE = "{% for m in messages %}{{ m.content }}{% endfor %}";
