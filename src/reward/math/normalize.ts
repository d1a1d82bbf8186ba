/**
 * String normalisation of a final answer, in the spirit of the MATH graders
 * (Hendrycks' strip_string, Minerva's normalize_final_answer): remove what
 * only changes the typesetting (\left, \!, \dfrac, $, \text{}, units, trailing
 * periods) and record what changes the meaning (a percent sign, a choice
 * letter) so that the comparison can use it.
 */
import { replaceCommand } from "./braces.js";

export interface Normalized {
  /** The cleaned LaTeX, spaces kept: what the parser reads. */
  readonly text: string;
  /** `text` without whitespace (and lower-cased for prose): equal keys mean equal answers. */
  readonly key: string;
  /** The answer carried a percent sign (50\%). */
  readonly percent: boolean;
  /** A multiple-choice letter (A–E) when the answer is one, or starts with one: "(C) 12". */
  readonly choice: string | null;
  /** The answer is only a choice letter. */
  readonly choiceOnly: boolean;
  /** The answer is prose ("Devon", "no solution"): compared as text, not as math. */
  readonly prose: boolean;
}

const TEXT_COMMANDS = [
  "text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "mbox", "hbox", "mathrm", "mathit",
  "mathsf", "mathbf", "mathtt", "boldsymbol", "bm", "operatorname", "textup", "emph", "mathnormal",
];

/** Units that are unambiguous as bare words (never a variable name). */
const LONG_UNITS =
  "units?|centimeters?|centimetres?|millimeters?|kilometers?|meters?|metres?|inch(?:es)?|feet|foot|ft|yards?|miles?|" +
  "mph|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|grams?|kilograms?|kg|mg|pounds?|lbs?|" +
  "ounces?|oz|liters?|litres?|ml|gallons?|cents?|dollars?|euros?|people|persons?|students?|ways|points?|" +
  "degrees?|radians?|cm|mm|km|sq|square|cubic|cups?|pieces?|marbles?|apples?|coins?|balls?|boxes|books?|games?|" +
  "tiles?|cookies?|pages?|handshakes?|triangles?|outfits?|numbers?|integers?|digits?|steps?|moves?|seats?|" +
  "calories?|bags?|boys?|girls?|teams?|trees?|eggs?|tickets?|chairs?|cars?|dogs?|cats?|times|per";
/** Short units that could be variables; dropped only when written inside \text{}. */
const SHORT_UNITS = "m|s|h|g|l|in|mi|yd|min|sec|hr|mL|L|kph|cm\\^2|m\\^2";

const UNIT_PHRASE = new RegExp(`^(?:(?:${LONG_UNITS}|${SHORT_UNITS})\\b[\\s.]*)+$`, "i");
const TRAILING_UNIT = new RegExp(`(\\d|\\}|\\)|\\s)\\s*(?:(?:${LONG_UNITS})\\s*(?:\\^\\s*\\{?[23]\\}?)?\\s*)+\\.?\\s*$`, "i");

const BARE_FUNCTIONS = /^(?:sin|cos|tan|sec|csc|cot|log|ln|exp|sqrt|gcd|lcm|arcsin|arccos|arctan|sinh|cosh|tanh)$/;

export function normalize(raw: string): Normalized {
  let s = raw.trim();
  let percent = false;

  s = replaceUnicode(s);
  // A boxed gold answer (some data sets keep the box): keep what is inside.
  for (let k = 0; k < 3 && s.includes("\\boxed"); k++) s = replaceCommand(s, ["boxed", "fbox"], (a) => a);

  // Math-mode delimiters and currency.
  s = s.replace(/\\\$/g, "").replace(/\$/g, "");
  s = s.replace(/^\\\[|\\\]$/g, "").replace(/\\\(|\\\)/g, "");

  // Thousands separators written the LaTeX way: 10,\!000 and 10{,}000 (before \! disappears).
  s = s.replace(/(\d),\\!\s*(?=\d{3}(?!\d))/g, "$1").replace(/\{,\}/g, "");
  // Thin spaces between digit groups: 1\,000\,000.
  s = s.replace(/(\d)\\[,;:]\s*(?=\d{3}(?!\d))/g, "$1");

  // Spacing and sizing commands only change the typesetting.
  s = s
    .replace(/\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])/g, "")
    .replace(/\\[hv]space\*?\s*\{[^{}]*\}/g, " ")
    .replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?:\s*\.)?(?![a-zA-Z])/g, "")
    .replace(/(?<!\\)\\!/g, "")
    // (?<!\\): the "\\ " of a matrix row break is not a spacing command.
    .replace(/(?<!\\)\\(?:[,:; ]|quad|qquad|enspace|thinspace|medspace|thickspace)(?![a-zA-Z])/g, " ")
    .replace(/~/g, " ");
  s = s
    .replace(/\\[dtc]frac(?![a-zA-Z])/g, "\\frac")
    .replace(/\\[dt]binom(?![a-zA-Z])/g, "\\binom")
    .replace(/\\lbrace(?![a-zA-Z])/g, "\\{")
    .replace(/\\rbrace(?![a-zA-Z])/g, "\\}")
    .replace(/\\langle(?![a-zA-Z])/g, "(")
    .replace(/\\rangle(?![a-zA-Z])/g, ")")
    .replace(/\\(?:lvert|rvert|vert|mid)(?![a-zA-Z])/g, "|")
    .replace(/\\(?:le|leq|leqslant)(?![a-zA-Z])/g, "\\le ")
    .replace(/\\(?:ge|geq|geqslant)(?![a-zA-Z])/g, "\\ge ");

  // Degrees: 30^\circ and 30° are 30 (MATH asks for the number of degrees).
  s = s.replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ(?![a-zA-Z])|\\circ(?![a-zA-Z])|\\degree(?![a-zA-Z])/g, "");

  // Percent: 50\% is 50, and the flag lets 0.5 match too.
  if (/\\?%/.test(s)) {
    percent = true;
    s = s.replace(/\\?%/g, "");
  }

  s = unwrapText(s);
  if (/\bpercent\b/i.test(s) && /\d/.test(s)) {
    percent = true;
    s = s.replace(/\bpercent\b/gi, " ");
  }
  if (/\d/.test(s)) {
    // "1 or 2", "3 and 4": the words join a list of values.
    s = s.replace(/\s+(?:or|and)\s+/gi, ", ");
    s = s.replace(/\bdegrees?\b/gi, " ");
    for (let k = 0; k < 3 && TRAILING_UNIT.test(s); k++) s = s.replace(TRAILING_UNIT, "$1");
  }

  s = s.replace(/\s+/g, " ").trim();
  // Trailing sentence punctuation (not "!": 5! is a factorial), and the closing period of "5." (but not the decimal point of 5.5).
  s = s.replace(/(?:\s*[.,;:]|\s*\\\\)+$/, "").trim();
  // Leading "=" or "is" left over from "the answer is = 5".
  s = s.replace(/^(?:=|is\s)\s*/, "");

  // A number written with thousands separators, alone: 1,000 or -12,345.67.
  if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  // Base subscripts: 1011_2 and 1011_{2} are written in base 2; compare the digits.
  s = s.replace(/(^|[^a-zA-Z\d_])(\d+)_\{?\d+\}?/g, "$1$2");

  const choice = choiceLetter(s);
  const prose = choice === null && isProse(s);
  let key = s.replace(/\s+/g, "");
  if (prose) key = s.toLowerCase().replace(/^(?:the|an?)\s+/, "").replace(/[\s'’\-]+/g, "");
  if (choice?.only) key = choice.letter;
  return { text: s, key, percent, choice: choice?.letter ?? null, choiceOnly: choice?.only ?? false, prose };
}

function replaceUnicode(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s
    .replace(/[−–—]/g, "-")
    .replace(/×/g, "\\times ")
    .replace(/÷/g, "\\div ")
    .replace(/[·⋅]/g, "\\cdot ")
    .replace(/π/g, "\\pi ")
    .replace(/∞/g, "\\infty ")
    .replace(/√/g, "\\sqrt")
    .replace(/≤/g, "\\le ")
    .replace(/≥/g, "\\ge ")
    .replace(/≠/g, "\\ne ")
    .replace(/∪/g, "\\cup ")
    .replace(/°/g, "")
    .replace(/[\u00a0\u2009\u202f]/g, " ");
}

/**
 * \text{...} and friends: a unit after a value disappears (5 \text{ cm}), a
 * connective becomes a comma (1 \text{ or } 2), anything else keeps its words.
 */
function unwrapText(s: string): string {
  for (let k = 0; k < 4 && s.includes("\\"); k++) {
    const before = s;
    s = replaceCommand(s, TEXT_COMMANDS, (inner) => {
      const t = inner.trim();
      if (/^(?:or|and)$/i.test(t)) return ", ";
      return ` ${inner} `;
    });
    // The units written as \text{} are recognised on the unwrapped text, where "\text{ cm}^2" is " cm ^2".
    if (s === before) break;
  }
  if (/\d/.test(s)) s = dropTextUnits(s);
  return s;
}

/** Drop a trailing unit phrase (short units allowed, since they were in text) after a value. */
function dropTextUnits(s: string): string {
  const m = /^(.*?(?:\d|\}|\)|\\pi|[a-z]))\s+([a-zA-Z][a-zA-Z\s.]*?)\s*(?:\^\s*\{?[23]\}?)?\s*$/.exec(s);
  if (m && UNIT_PHRASE.test(m[2]!.trim()) && /\d/.test(m[1]!)) return m[1]!;
  return s;
}

function choiceLetter(s: string): { letter: string; only: boolean } | null {
  let m = /^\(\s*([A-Ea-e])\s*\)$/.exec(s) ?? /^([A-Ea-e])\s*\)$/.exec(s) ?? /^([A-E])$/.exec(s);
  if (m) return { letter: m[1]!.toUpperCase(), only: true };
  m = /^\(([A-E])\)\s*\S/.exec(s) ?? /^([A-E])[):]\s+\S/.exec(s);
  return m ? { letter: m[1]!, only: false } : null;
}

/** Words only, with at least one real word: a name, a weekday, "no solution". */
function isProse(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z\s'’\-.,]*$/.test(s)) return false;
  for (const w of s.split(/[^A-Za-z]+/)) {
    if (w.length >= 3 && !BARE_FUNCTIONS.test(w)) return true;
  }
  return false;
}
