/** Brace matching shared by extraction and normalisation. Linear, never throws. */

/**
 * Index of the "}" that closes the "{" at `open`, or -1 when it is never closed.
 * Escaped braces (\{ \}) do not count: they are literal set braces.
 */
export function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++; // skip the escaped character, whatever it is
    } else if (c === 123 /* { */) {
      depth++;
    } else if (c === 125 /* } */) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Whether every unescaped "{" has its "}" (and never the other way round). */
export function bracesBalanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 123) depth++;
    else if (c === 125 && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Replace every `\name{arg}` (for the given command names) by `f(arg)`, handling nested
 * braces in `arg`. Occurrences whose brace is never closed are left as they are.
 */
export function replaceCommand(s: string, names: readonly string[], f: (arg: string, name: string) => string): string {
  if (!s.includes("\\")) return s;
  const re = new RegExp(`\\\\(${names.join("|")})(?![a-zA-Z])\\s*\\{`, "g");
  let out = "";
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const close = closingBrace(s, open);
    if (close < 0) continue;
    out += s.slice(last, m.index) + f(s.slice(open + 1, close), m[1]!);
    last = close + 1;
    re.lastIndex = close + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * For every unescaped "{" of `s`, the index of its "}" (-1 when unclosed); other
 * entries are -1. One pass with a stack, so looking up many boxes stays linear
 * even in a response full of unclosed braces.
 */
export function braceMatches(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 123) stack.push(i);
    else if (c === 125 && stack.length > 0) match[stack.pop()!] = i;
  }
  return match;
}
