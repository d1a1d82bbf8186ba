/** A word as a POSIX shell reads it back: left bare when it is safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_.,:=+\-/@%^]+$/.test(word)) return word;
  // Double quotes read more easily around Hydra's single-quoted values, and are as safe without $ ` " \ !
  if (word.includes("'") && !/[$`"\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line for people to read and paste. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
