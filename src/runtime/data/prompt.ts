/** The prompt text of a problem under an experiment's template (`{problem}` stands for it); null: the bare problem. */
export function promptText(template: string | null, problem: string): string {
  return template === null ? problem : template.replaceAll("{problem}", problem);
}
