/**
 * Finding the final answer in a model response: the last non-empty \boxed{}
 * (or \fbox{}), else a final-answer phrase. Linear in the response length and
 * never throws, whatever the LaTeX looks like (unbalanced braces included).
 */
import { braceMatches } from "./braces.js";

export interface Extraction {
  /** The final answer: the content of the last non-empty box, else a final-answer phrase, else null. */
  answer: string | null;
  source: "boxed" | "final-answer" | "none";
  /** The contents of every non-empty box, in order. */
  boxes: string[];
}

/** A box longer than this is not an answer. */
const MAX_BOX = 4096;
/** A final-answer phrase is followed by the answer on the same line, within this many characters. */
const MAX_PHRASE_ANSWER = 300;
/** Fenced blocks in these languages are code: a \boxed inside is a string literal, not an answer. */
const CODE_LANGUAGES = /^(?:python|py|python3|js|javascript|ts|typescript|c|cpp|c\+\+|java|sh|bash|julia|r|sage|matlab|code)$/i;

export function extractAnswer(response: string): Extraction {
  const boxes = findBoxes(response);
  if (boxes.length > 0) return { answer: boxes[boxes.length - 1]!, source: "boxed", boxes };
  const phrase = finalAnswerPhrase(response);
  if (phrase !== null) return { answer: phrase, source: "final-answer", boxes };
  return { answer: null, source: "none", boxes };
}

export function countBoxed(response: string): number {
  return findBoxes(response).length;
}

/**
 * Contents of the non-empty boxes outside code blocks. When every box sits in a
 * fenced block, boxes in non-code fences (```output, ```latex) count, since
 * then the model wrapped its prose in a fence.
 */
export function findBoxes(response: string): string[] {
  if (!response.includes("\\boxed") && !response.includes("\\fbox")) return [];
  const fences = fencedBlocks(response);
  const all = scanBoxes(response);
  if (fences.length === 0) return all.map((b) => b.content);
  const outside = all.filter((b) => fenceAt(fences, b.at) === null);
  if (outside.length > 0) return outside.map((b) => b.content);
  return all.filter((b) => !fenceAt(fences, b.at)?.code).map((b) => b.content);
}

/** The fence containing position `at` (fences are sorted and disjoint: binary search). */
function fenceAt(fences: readonly Fence[], at: number): Fence | null {
  let lo = 0;
  let hi = fences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = fences[mid]!;
    if (at < f.start) hi = mid - 1;
    else if (at >= f.end) lo = mid + 1;
    else return f;
  }
  return null;
}

interface Box {
  at: number;
  content: string;
}

function scanBoxes(s: string): Box[] {
  const out: Box[] = [];
  let matches: Int32Array | null = null;
  const next = nextBoxCommand(s);
  let i = 0;
  for (;;) {
    const b = next(i);
    if (b < 0) break;
    const nameLen = s.startsWith("\\boxed", b) ? 6 : 5;
    let j = b + nameLen;
    i = j;
    if (isLetter(s.charCodeAt(j))) continue; // \boxedanswer is another command
    while (j < s.length && (s[j] === " " || s[j] === "\t")) j++;
    if (s[j] === "{") {
      matches ??= braceMatches(s);
      const close = matches[j]!;
      if (close < 0 || close - j > MAX_BOX) continue; // unclosed (or absurdly long): not an answer
      const content = s.slice(j + 1, close).trim();
      if (content !== "") out.push({ at: b, content });
      i = close + 1;
    } else {
      // \boxed 5: TeX takes the next token; models mean the next word.
      const m = /^[^\s$\\{}]+/.exec(s.slice(j, j + 200)) ?? /^\\[a-zA-Z]+[^\s$]*/.exec(s.slice(j, j + 200));
      if (m && !/^\\(?:boxed|fbox)/.test(m[0])) {
        out.push({ at: b, content: m[0] });
        i = j + m[0].length;
      }
    }
  }
  return out;
}

/**
 * The next \boxed or \fbox at or after a position. Each search result is kept until
 * passed, so a response with thousands of boxes and no \fbox is still scanned once.
 */
function nextBoxCommand(s: string): (from: number) => number {
  let boxed = -2;
  let fbox = -2;
  return (from) => {
    if (boxed !== -1 && boxed < from) boxed = s.indexOf("\\boxed", from);
    if (fbox !== -1 && fbox < from) fbox = s.indexOf("\\fbox", from);
    if (boxed < 0) return fbox;
    if (fbox < 0) return boxed;
    return Math.min(boxed, fbox);
  };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Fence {
  start: number;
  end: number;
  /** A programming language (a box inside is a string literal, never the answer). */
  code: boolean;
}

/** Closed ``` blocks; an unclosed fence is ignored, so a truncated response keeps its boxes. */
function fencedBlocks(s: string): Fence[] {
  const out: Fence[] = [];
  let i = s.indexOf("```");
  while (i >= 0) {
    const close = s.indexOf("```", i + 3);
    if (close < 0) break;
    const lang = /^[^\n`]*/.exec(s.slice(i + 3, i + 40))![0].trim();
    out.push({ start: i, end: close + 3, code: CODE_LANGUAGES.test(lang) });
    i = s.indexOf("```", close + 3);
  }
  return out;
}

const PHRASES = ["final answer is", "final answer:", "final answer", "the answer is", "answer:"];

/** "The final answer is $5$. I hope it is correct." / "Final Answer: 5" / "The answer is 5." */
function finalAnswerPhrase(response: string): string | null {
  const lower = response.toLowerCase();
  let best = -1;
  let bestLen = 0;
  for (const p of PHRASES) {
    const at = lower.lastIndexOf(p);
    // Prefer the latest phrase; at the same place, the longest one ("final answer is" over "final answer").
    if (at > best || (at === best && p.length > bestLen)) {
      best = at;
      bestLen = p.length;
    }
  }
  if (best < 0) return null;
  let rest = response.slice(best + bestLen, best + bestLen + MAX_PHRASE_ANSWER * 2);
  rest = rest.replace(/^[\s*:_]*(?:is\b)?[\s*:_]*/i, "");
  // The answer may sit on the next line, e.g. "**Final Answer**\n\[ 5 \]".
  const lines = rest.split("\n");
  let line = lines[0]!.trim();
  if (line === "" || /^[*_#]+$/.test(line)) line = (lines.find((l, k) => k > 0 && l.trim() !== "") ?? "").trim();
  line = line.slice(0, MAX_PHRASE_ANSWER);
  const math = firstMath(line);
  let answer = math ?? line.replace(/\.\s*I hope.*$/i, "").replace(/(?:\.|\*\*)(?:\s|$).*$/, "");
  answer = answer.replace(/^[*_\s]+|[*_\s.]+$/g, "").trim();
  // "the answer is \boxed{5" is a truncated box, not a phrase answer.
  if (answer === "" || answer.includes("\\boxed") || answer.includes("\\fbox")) return null;
  return answer;
}

/** The first $...$, $$...$$, \(...\) or \[...\] segment of a line. */
function firstMath(line: string): string | null {
  const m =
    /\$\$([^$]+)\$\$/.exec(line) ?? /\$([^$]+)\$/.exec(line) ?? /\\\((.+?)\\\)/.exec(line) ?? /\\\[(.+?)\\\]/.exec(line);
  return m ? m[1]!.trim() : null;
}
