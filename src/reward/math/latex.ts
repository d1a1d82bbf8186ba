/**
 * A small, fast recursive-descent parser for the LaTeX that final answers are
 * written in. It covers what MATH-style answers use (numbers, fractions,
 * radicals, powers, common functions, tuples, intervals, sets, matrices,
 * relations) and refuses everything else by throwing, so the caller can fall
 * back to the CAS. It never evaluates anything: see evaluate.ts.
 */
import { isScalar, type Node, type RelOp } from "./ast.js";
import { parseDecimal } from "./rational.js";

export class ParseError extends Error {}

type Tok =
  | { t: "num"; v: string }
  | { t: "id"; v: string } // a single letter
  | { t: "cmd"; v: string } // \name (without the backslash) or a bare function name (sin, log)
  | { t: "op"; v: string } // one punctuation character, or "\{", "\}", "\\"
  | { t: "begin"; v: string }
  | { t: "end"; v: string };

/** Bare letter runs that are function names rather than products of variables. */
const BARE_FUNCTIONS = [
  "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "sqrt", "sin", "cos", "tan", "sec", "csc", "cot",
  "log", "ln", "exp", "gcd", "lcm",
];

const MAX_INPUT = 1500; // longer answers are not worth parsing: they are prose, not an answer
const MAX_DEPTH = 60; // recursion guard: deeply nested input must not blow the stack

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    // Digits (and ".5"): a decimal, then an optional exponent "e3" / "E-4" glued to it.
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      let j = i;
      while (j < n && isDigit(src.charCodeAt(j))) j++;
      if (src[j] === "." && isDigit(src.charCodeAt(j + 1))) {
        j++;
        while (j < n && isDigit(src.charCodeAt(j))) j++;
      }
      const e = /^[eE][+-]?\d+/.exec(src.slice(j, j + 8));
      if (e) j += e[0].length;
      toks.push({ t: "num", v: src.slice(i, j) });
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let j = i;
      while (j < n && isLetter(src.charCodeAt(j))) j++;
      splitLetters(src.slice(i, j), toks);
      i = j;
      continue;
    }
    if (c === 92 /* \ */) {
      const next = src[i + 1];
      if (next === undefined) throw new ParseError("dangling backslash");
      if (isLetter(src.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < n && isLetter(src.charCodeAt(j))) j++;
        const name = src.slice(i + 1, j);
        i = j;
        if (name === "begin" || name === "end") {
          const m = /^\s*\{([a-zA-Z*]+)\}/.exec(src.slice(i, i + 40));
          if (!m) throw new ParseError(`\\${name} without an environment`);
          i += m[0].length;
          toks.push({ t: name, v: m[1]! });
          continue;
        }
        toks.push({ t: "cmd", v: name });
        continue;
      }
      toks.push({ t: "op", v: "\\" + next });
      i += 2;
      continue;
    }
    toks.push({ t: "op", v: src[i]! });
    i++;
  }
  return toks;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** "sinx" -> sin, x; "xy" -> x, y; "log" -> log. */
function splitLetters(run: string, out: Tok[]): void {
  let i = 0;
  outer: while (i < run.length) {
    for (const f of BARE_FUNCTIONS) {
      if (run.startsWith(f, i)) {
        out.push({ t: "cmd", v: f });
        i += f.length;
        continue outer;
      }
    }
    out.push({ t: "id", v: run[i]! });
    i++;
  }
}

const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
  "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
  "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega", "ell",
]);
const FUNCTIONS = new Set([
  "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp",
  "gcd", "lcm",
]);
const REL: Record<string, RelOp> = {
  "=": "=", "<": "<", ">": ">", le: "<=", leq: "<=", leqslant: "<=", ge: ">=", geq: ">=", geqslant: ">=",
  ne: "!=", neq: "!=", lt: "<", gt: ">", in: "in", approx: "=",
};
const MATRIX_ENVS = new Set(["matrix", "pmatrix", "bmatrix", "Bmatrix", "smallmatrix", "array"]);

/** Parse an answer. Throws ParseError on anything it does not understand. */
export function parseLatex(src: string): Node {
  if (src.length > MAX_INPUT) throw new ParseError("answer too long to parse");
  const p = new Parser(tokenize(src));
  const node = p.list();
  if (!p.atEnd()) throw new ParseError(`unexpected '${p.peekText()}'`);
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private absDepth = 0;
  constructor(private readonly toks: Tok[]) {}

  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }
  peekText(): string {
    const t = this.toks[this.pos];
    return t ? t.v : "end";
  }
  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.toks[this.pos];
    return t !== undefined && t.t === "op" && t.v === v;
  }
  private isCmd(v: string): boolean {
    const t = this.toks[this.pos];
    return t !== undefined && t.t === "cmd" && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new ParseError(`expected '${v}' but found '${this.peekText()}'`);
    this.pos++;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError("nesting too deep");
  }

  /** item (, item)* — a bare list when there is more than one item. */
  list(): Node {
    const xs: Node[] = [this.union()];
    while (this.isOp(",") || this.isOp(";")) {
      this.pos++;
      xs.push(this.union());
    }
    return xs.length === 1 ? xs[0]! : { k: "list", xs };
  }

  private union(): Node {
    const xs = [this.relation()];
    while (this.isCmd("cup")) {
      this.pos++;
      xs.push(this.relation());
    }
    return xs.length === 1 ? xs[0]! : { k: "union", xs };
  }

  private relOp(): RelOp | null {
    const t = this.peek();
    if (!t) return null;
    if (t.t === "op" && (t.v === "=" || t.v === "<" || t.v === ">")) {
      // "<=" / ">=" written with ASCII.
      const nx = this.toks[this.pos + 1];
      if (t.v !== "=" && nx && nx.t === "op" && nx.v === "=") {
        this.pos++;
        return t.v === "<" ? "<=" : ">=";
      }
      return t.v as RelOp;
    }
    if (t.t === "cmd" && REL[t.v]) return REL[t.v]!;
    return null;
  }

  private relation(): Node {
    const xs = [this.sum()];
    const ops: RelOp[] = [];
    for (let op = this.relOp(); op; op = this.relOp()) {
      this.pos++;
      ops.push(op);
      // The right side of \in may be a set or an interval, so it is an item, not a sum.
      xs.push(op === "in" ? this.union() : this.sum());
    }
    return ops.length === 0 ? xs[0]! : { k: "rel", ops, xs };
  }

  private sum(): Node {
    this.enter();
    let first: Node;
    if (this.isOp("-")) {
      this.pos++;
      first = neg(this.term());
    } else if (this.isCmd("pm") || this.isCmd("mp")) {
      const sign = this.isCmd("pm") ? "pm" : "mp";
      this.pos++;
      first = { k: "pm", a: null, b: this.term(), sign };
    } else {
      if (this.isOp("+")) this.pos++;
      first = this.term();
    }
    const xs: Node[] = [first];
    for (;;) {
      if (this.isOp("+")) {
        this.pos++;
        xs.push(scalar(this.term()));
      } else if (this.isOp("-")) {
        this.pos++;
        xs.push(neg(this.term()));
      } else if (this.isCmd("pm") || this.isCmd("mp")) {
        const sign = this.isCmd("pm") ? "pm" : "mp";
        this.pos++;
        const b = this.term();
        const a: Node = xs.length === 1 ? xs[0]! : { k: "add", xs: xs.map(scalar) };
        xs.length = 0;
        xs.push({ k: "pm", a: scalar(a), b: scalar(b), sign });
      } else break;
    }
    this.depth--;
    if (xs.length === 1) return xs[0]!;
    return { k: "add", xs: xs.map(scalar) };
  }

  private term(): Node {
    let acc = this.signedPower();
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if ((t.t === "op" && t.v === "*") || (t.t === "cmd" && (t.v === "cdot" || t.v === "times"))) {
        this.pos++;
        acc = mulOf(acc, this.signedPower());
      } else if ((t.t === "op" && t.v === "/") || (t.t === "cmd" && t.v === "div")) {
        this.pos++;
        acc = { k: "div", a: scalar(acc), b: scalar(this.signedPower()) };
      } else if (this.startsFactor(t)) {
        const f = this.power();
        acc = mixedNumber(acc, f) ?? mulOf(acc, f);
      } else break;
    }
    return acc;
  }

  /** After an explicit operator a sign may follow: 2 \times -3. */
  private signedPower(): Node {
    if (this.isOp("-")) {
      this.pos++;
      return neg(this.signedPower());
    }
    if (this.isOp("+")) this.pos++;
    return this.power();
  }

  private startsFactor(t: Tok): boolean {
    switch (t.t) {
      case "num":
      case "id":
      case "begin":
        return true;
      case "op":
        return t.v === "(" || t.v === "{" || (t.v === "|" && this.absDepth === 0);
      case "cmd":
        return (
          t.v === "frac" || t.v === "sqrt" || t.v === "binom" || t.v === "pi" || t.v === "infty" || t.v === "lfloor" ||
          t.v === "lceil" || t.v === "e" || GREEK.has(t.v) || FUNCTIONS.has(t.v)
        );
      default:
        return false;
    }
  }

  private power(): Node {
    this.enter();
    let base = this.postfix();
    if (this.isOp("^")) {
      this.pos++;
      const exp = this.exponent();
      base = { k: "pow", a: scalar(base), b: scalar(exp) };
      // n!^2 or (x)^2! are not worth supporting; a trailing factorial applies to the power.
      while (this.isOp("!")) {
        this.pos++;
        base = { k: "fn", name: "fact", xs: [base] };
      }
    }
    this.depth--;
    return base;
  }

  /** The argument of ^: a group, or a single token (LaTeX: x^23 is x^2 times 3), or -token. */
  private exponent(): Node {
    if (this.isOp("-")) {
      this.pos++;
      return neg(this.exponent());
    }
    return this.arg();
  }

  private postfix(): Node {
    let x = this.primary();
    for (;;) {
      if (this.isOp("!")) {
        this.pos++;
        x = { k: "fn", name: "fact", xs: [scalar(x)] };
      } else if (this.isOp("_")) {
        if (x.k !== "sym") throw new ParseError("subscript on a non-symbol");
        this.pos++;
        x = { k: "sym", name: `${x.name}_${this.rawArg()}` };
      } else if (this.isOp("'")) {
        throw new ParseError("primes are not supported");
      } else break;
    }
    return x;
  }

  /** The source text of a subscript, used only to name a symbol (x_{n+1}). */
  private rawArg(): string {
    const t = this.peek();
    if (!t) throw new ParseError("missing subscript");
    if (t.t === "op" && t.v === "{") {
      let depth = 0;
      const parts: string[] = [];
      do {
        const u = this.toks[this.pos++];
        if (!u) throw new ParseError("unclosed subscript");
        if (u.t === "op" && u.v === "{") depth++;
        else if (u.t === "op" && u.v === "}") depth--;
        parts.push(u.v);
      } while (depth > 0);
      return parts.join("");
    }
    this.pos++;
    if (t.t === "num") return t.v[0]!;
    return t.v;
  }

  /** One macro argument: {group} or a single token; a multi-digit number gives up its first digit only (\frac12). */
  private arg(): Node {
    const t = this.peek();
    if (!t) throw new ParseError("missing argument");
    if (t.t === "op" && t.v === "{") {
      this.pos++;
      const inner = this.list();
      this.expectOp("}");
      return inner;
    }
    if (t.t === "num") {
      if (t.v.length > 1 && /^\d/.test(t.v)) {
        this.toks[this.pos] = { t: "num", v: t.v.slice(1) };
        return num(t.v[0]!);
      }
      this.pos++;
      return num(t.v);
    }
    if (t.t === "id") {
      this.pos++;
      return symbolOf(t.v);
    }
    if (t.t === "cmd") return this.primary();
    throw new ParseError(`bad argument '${t.v}'`);
  }

  private primary(): Node {
    this.enter();
    const t = this.peek();
    if (!t) throw new ParseError("unexpected end of answer");
    this.pos++;
    let out: Node;
    switch (t.t) {
      case "num":
        out = num(t.v);
        break;
      case "id":
        out = symbolOf(t.v);
        break;
      case "begin":
        out = this.environment(t.v);
        break;
      case "end":
        throw new ParseError(`unexpected \\end{${t.v}}`);
      case "op":
        out = this.bracketed(t.v);
        break;
      case "cmd":
        out = this.command(t.v);
        break;
    }
    this.depth--;
    return out;
  }

  private bracketed(open: string): Node {
    if (open === "(" || open === "[") {
      const xs = this.items();
      const close = this.peek();
      if (!close || close.t !== "op" || (close.v !== ")" && close.v !== "]")) throw new ParseError(`unclosed '${open}'`);
      this.pos++;
      if (xs.length === 1) {
        // A single item is a plain grouping; a mismatched pair around one item means nothing.
        if ((open === "(") !== (close.v === ")")) throw new ParseError("mismatched brackets around one item");
        return xs[0]!;
      }
      return { k: "tuple", open, close: close.v as ")" | "]", xs };
    }
    if (open === "{") {
      const inner = this.list();
      this.expectOp("}");
      return inner;
    }
    if (open === "\\{") {
      if (this.isOp("\\}")) {
        this.pos++;
        return { k: "set", xs: [] };
      }
      const xs = this.items();
      this.expectOp("\\}");
      return { k: "set", xs };
    }
    if (open === "|") {
      this.absDepth++;
      const inner = this.sum();
      this.absDepth--;
      this.expectOp("|");
      return { k: "fn", name: "abs", xs: [scalar(inner)] };
    }
    throw new ParseError(`unexpected '${open}'`);
  }

  /** Comma-separated items inside brackets. */
  private items(): Node[] {
    const xs: Node[] = [this.union()];
    while (this.isOp(",") || this.isOp(";")) {
      this.pos++;
      xs.push(this.union());
    }
    return xs;
  }

  private command(name: string): Node {
    switch (name) {
      case "frac": {
        const a = this.arg();
        const b = this.arg();
        return { k: "div", a: scalar(a), b: scalar(b) };
      }
      case "sqrt": {
        if (this.isOp("[")) {
          this.pos++;
          const idx = this.sum();
          this.expectOp("]");
          return { k: "fn", name: "root", xs: [scalar(idx), scalar(this.arg())] };
        }
        return { k: "fn", name: "sqrt", xs: [scalar(this.arg())] };
      }
      case "binom":
        return { k: "fn", name: "binom", xs: [scalar(this.arg()), scalar(this.arg())] };
      case "pi":
        return { k: "const", name: "pi" };
      case "infty":
        return { k: "const", name: "inf" };
      case "e":
        return { k: "const", name: "e" };
      case "emptyset":
      case "varnothing":
        return { k: "set", xs: [] };
      case "cdots":
      case "ldots":
      case "dots":
        return { k: "sym", name: "\\dots" };
      case "lfloor":
      case "lceil": {
        const inner = this.sum();
        const closer = name === "lfloor" ? "rfloor" : "rceil";
        if (!this.isCmd(closer)) throw new ParseError(`expected \\${closer}`);
        this.pos++;
        return { k: "fn", name: name === "lfloor" ? "floor" : "ceil", xs: [scalar(inner)] };
      }
      default:
        if (GREEK.has(name)) return { k: "sym", name: "\\" + name };
        if (FUNCTIONS.has(name)) return this.func(name);
        throw new ParseError(`unsupported command \\${name}`);
    }
  }

  /** \sin x, \sin(x), \sin^2 x, \log_2 8, \sin 2x. */
  private func(name: string): Node {
    let base: Node | null = null;
    if (name === "log" && this.isOp("_")) {
      this.pos++;
      base = this.arg();
    }
    let exp: Node | null = null;
    if (this.isOp("^")) {
      this.pos++;
      exp = this.exponent();
    }
    let x: Node;
    if (this.isOp("(")) {
      x = this.primary();
    } else {
      x = this.power();
      // \sin 2x is sin(2x): absorb plain factors, but not another function (\sin x \cos x).
      for (let t = this.peek(); t && (t.t === "num" || t.t === "id"); t = this.peek()) x = mulOf(x, this.power());
    }
    if (name === "gcd" || name === "lcm") {
      const args = x.k === "tuple" ? x.xs : [x];
      return { k: "fn", name, xs: args.map(scalar) };
    }
    // \sin^{-1} is the inverse function, not a reciprocal.
    const inverse = exp !== null && isMinusOne(exp) && (name === "sin" || name === "cos" || name === "tan");
    const f: Node = {
      k: "fn",
      name: inverse ? "arc" + name : name,
      xs: base ? [scalar(base), scalar(x)] : [scalar(x)],
    };
    return exp && !inverse ? { k: "pow", a: f, b: scalar(exp) } : f;
  }

  private environment(env: string): Node {
    if (!MATRIX_ENVS.has(env)) throw new ParseError(`unsupported environment ${env}`);
    if (env === "array" && this.isOp("{")) {
      // Skip the column specification {cc|c}.
      while (!this.atEnd() && !this.isOp("}")) this.pos++;
      this.expectOp("}");
    }
    const rows: Node[][] = [];
    let row: Node[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) throw new ParseError(`unclosed \\begin{${env}}`);
      if (t.t === "end") {
        if (t.v !== env) throw new ParseError(`\\begin{${env}} closed by \\end{${t.v}}`);
        this.pos++;
        break;
      }
      row.push(scalar(this.sum()));
      if (this.isOp("&")) {
        this.pos++;
      } else if (this.isOp("\\\\")) {
        this.pos++;
        rows.push(row);
        row = [];
        // A trailing \\ before \end leaves no empty row.
        const nx = this.peek();
        if (nx && nx.t === "end") {
          this.pos++;
          if (nx.v !== env) throw new ParseError("mismatched matrix environment");
          break;
        }
      }
    }
    if (row.length > 0) rows.push(row);
    const width = rows[0]?.length ?? 0;
    if (width === 0 || rows.some((r) => r.length !== width)) throw new ParseError("ragged matrix");
    return { k: "matrix", rows };
  }
}

function num(text: string): Node {
  const exact = parseDecimal(text);
  return { k: "num", text, exact, decimal: /[.eE]/.test(text) };
}

function symbolOf(letter: string): Node {
  // A lone e is Euler's number, as in every MATH answer that contains it (e^2, 2e).
  return letter === "e" ? { k: "const", name: "e" } : { k: "sym", name: letter };
}

function scalar(n: Node): Node {
  if (!isScalar(n)) throw new ParseError(`a ${n.k} cannot take part in arithmetic`);
  return n;
}

function neg(n: Node): Node {
  return { k: "neg", x: scalar(n) };
}

function mulOf(a: Node, b: Node): Node {
  scalar(a);
  scalar(b);
  if (a.k === "mul") return { k: "mul", xs: [...a.xs, b] };
  return { k: "mul", xs: [a, b] };
}

/** 2\frac{1}{2} is the mixed number 5/2 in MATH answers, not a product. */
function mixedNumber(a: Node, b: Node): Node | null {
  if (a.k !== "num" || a.decimal || b.k !== "div") return null;
  if (b.a.k !== "num" || b.b.k !== "num" || b.a.decimal || b.b.decimal) return null;
  return { k: "add", xs: [a, b] };
}

function isMinusOne(n: Node): boolean {
  return n.k === "neg" && n.x.k === "num" && n.x.text === "1";
}
