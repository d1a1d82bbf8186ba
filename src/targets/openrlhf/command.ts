import path from "node:path";
import { isRunPath, type Setting, type SettingValue } from "../shared/settings.js";
import { shellQuote } from "../shared/shell.js";

/** OpenRLHF's Ray trainer, which GRPO (--algo.advantage.estimator group_norm) runs in. */
export const OPENRLHF_ENTRY = ["-m", "openrlhf.cli.train_ppo_ray"] as const;

/** The words of one flag: `--flag` for a true switch, nothing for a false one, `--flag v1 v2` for pairs. */
export function flagWords(s: Setting, resolve: (relative: string) => string): string[] {
  const v: SettingValue = s.value;
  if (typeof v === "boolean") return v ? [s.key] : [];
  if (isRunPath(v)) return [s.key, resolve(v.path)];
  if (Array.isArray(v)) return [s.key, ...v.map(String)];
  return [s.key, String(v)];
}

export function openRlhfArguments(settings: readonly Setting[], root: string): string[] {
  return [...OPENRLHF_ENTRY, ...settings.flatMap((s) => flagWords(s, (p) => path.resolve(root, p)))];
}

export function openRlhfScript(settings: readonly Setting[], header: readonly string[]): string {
  const lines = settings
    .map((s) => {
      if (isRunPath(s.value)) return `  ${s.key} "$DIR/${s.value.path}"`;
      const words = flagWords(s, (p) => p);
      return words.length === 0 ? null : `  ${words.map(shellQuote).join(" ")}`;
    })
    .filter((l): l is string => l !== null);
  return [
    "#!/usr/bin/env bash",
    ...header.map((h) => `# ${h}`),
    "set -euo pipefail",
    'DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    `exec python3 ${OPENRLHF_ENTRY.join(" ")} \\`,
    ...lines.map((l) => `${l} \\`),
    '  "$@"',
    "",
  ].join("\n");
}
