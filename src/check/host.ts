import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The file system as the checker sees it; tests substitute an in-memory one. */
export interface Host {
  /** The file's bytes, or an error message when it cannot be read. */
  readFile(absolutePath: string): Uint8Array | { error: string };
  isFile(absolutePath: string): boolean;
  /** Paths in messages and in the compiled graph are relative to this. */
  readonly cwd: string;
  /** Where `import "stdlib/…"` looks. */
  readonly stdlibDir: string;
}

/** The package's own stdlib/ folder, found from this module's location (dist/check or src/check). */
export const PACKAGE_STDLIB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "stdlib");

export function nodeHost(cwd = process.cwd()): Host {
  return {
    cwd,
    stdlibDir: PACKAGE_STDLIB,
    readFile(absolutePath) {
      try {
        if (statSync(absolutePath).isDirectory()) return { error: "it is a directory" };
        return readFileSync(absolutePath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { error: code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String((e as Error).message) };
      }
    },
    isFile(absolutePath) {
      return existsSync(absolutePath) && statSync(absolutePath).isFile();
    },
  };
}

/** A path as shown to the user: relative to the working directory when that is shorter, with `/`. */
export function displayPath(host: Host, absolutePath: string): string {
  const relative = path.relative(host.cwd, absolutePath);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolutePath;
  return shown.split(path.sep).join("/");
}
