import path from "node:path";
import { isRunPath, type Setting, type SettingValue } from "../shared/settings.js";
import { shellQuote } from "../shared/shell.js";

/** The module verl's GRPO (and PPO) training runs as. */
export const VERL_ENTRY = ["-m", "verl.trainer.main_ppo"] as const;

/** A value as Hydra's override grammar reads it; paths resolved by `resolve`. */
export function hydraValue(value: SettingValue, resolve: (relative: string) => string): string {
  if (isRunPath(value)) return hydraString(resolve(value.path), true);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => hydraValue(v, resolve)).join(",")}]`;
  return hydraString(value as string, false);
}

/** Strings Hydra reads unquoted as themselves; anything else is quoted. */
function hydraString(text: string, alwaysQuote: boolean): string {
  if (text === "inf") return text;
  const plain = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(text) && !/^(true|false|null|nan|inf)$/i.test(text);
  if (plain && !alwaysQuote) return text;
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** `key=value`, or `++key=value` for keys only some verl versions have. */
export function hydraOverride(s: Setting, resolve: (relative: string) => string): string {
  return `${s.force ? "++" : ""}${s.key}=${hydraValue(s.value, resolve)}`;
}

/** The arguments after `python3` for a run directory at `root` (absolute paths: Hydra may change the working directory). */
export function verlArguments(settings: readonly Setting[], root: string): string[] {
  return [...VERL_ENTRY, ...settings.map((s) => hydraOverride(s, (p) => path.resolve(root, p)))];
}

/** run.sh: the same overrides, with paths relative to where the script lies, so the directory can move (or be uploaded by `ray job submit`). */
export function verlScript(settings: readonly Setting[], header: readonly string[]): string {
  const lines = settings.map((s) => {
    if (isRunPath(s.value)) return `  "${s.force ? "++" : ""}${s.key}='$DIR/${s.value.path}'"`;
    return `  ${shellQuote(hydraOverride(s, (p) => p))}`;
  });
  return [
    "#!/usr/bin/env bash",
    ...header.map((h) => `# ${h}`),
    "set -euo pipefail",
    'DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    `exec python3 ${VERL_ENTRY.join(" ")} \\`,
    ...lines.map((l) => `${l} \\`),
    '  "$@"',
    "",
  ].join("\n");
}
