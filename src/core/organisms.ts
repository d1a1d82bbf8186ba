/**
 * The organisms of the built-in model `tiny(organism: …)`: each a different prior over code and
 * language reasoning, mirroring the model families of the study. The checker offers these names;
 * the runtime (src/runtime/organisms) gives each its pretraining corpus.
 *
 *   code-prior  ~65% code traces, code exact, language forgets carries   (Qwen2.5-Math)
 *   no-code     never code, language exact                               (Llama, OLMo)
 *   bad-code    ~80% code traces, code forgets carries, language exact   (Qwen2.5-7B)
 */
export const TINY_ORGANISMS = ["code-prior", "no-code", "bad-code"] as const;

export type OrganismName = (typeof TINY_ORGANISMS)[number];

/** Whether `name` is one of the built-in organisms. */
export function isOrganismName(name: string): name is OrganismName {
  return (TINY_ORGANISMS as readonly string[]).includes(name);
}
