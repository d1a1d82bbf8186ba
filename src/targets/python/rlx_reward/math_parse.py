"""The math grader, part 3: exact rationals and the LaTeX parser (src/reward/math/rational.ts,
ast.ts, latex.ts)."""

import math
import re

from .js_compat import _rx, _u16len
from .math_extract import _is_letter

# --- rational.ts: exact rationals as (numerator, denominator), denominator > 0

_MAX_BITS = 4096
_ZERO = (0, 1)
_ONE = (1, 1)


def _bits(a):
    return len(format(abs(a), "x")) * 4


def _rat(n, d=1):
    if d == 0:
        return None
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    if _bits(n) > _MAX_BITS or _bits(d) > _MAX_BITS:
        return None
    return (n, d)


_DECIMAL = re.compile(r"^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\Z")


def _parse_decimal(text):
    m = _DECIMAL.match(text)
    if not m:
        return None
    whole = m.group(1) or ""
    frac = m.group(2) or ""
    if whole == "" and frac == "":
        return None
    exp = 0 if m.group(3) is None else int(m.group(3))
    if abs(exp) > 1000:
        return None
    digits = int((whole + frac) or "0")
    scale = exp - len(frac)
    return _rat(digits * 10 ** scale) if scale >= 0 else _rat(digits, 10 ** -scale)


def _q_add(a, b):
    return _rat(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _q_mul(a, b):
    return _rat(a[0] * b[0], a[1] * b[1])


def _q_div(a, b):
    return None if b[0] == 0 else _rat(a[0] * b[1], a[1] * b[0])


def _q_neg(a):
    return (-a[0], a[1])


def _q_pow(a, e):
    if e[1] != 1:
        return None
    k = e[0]
    if k == 0:
        return None if a[0] == 0 else _ONE
    if a[0] == 0:
        return _ZERO if k > 0 else None
    abs_k = abs(k)
    if abs_k > 100000 or max(_bits(a[0]), _bits(a[1])) * abs_k > _MAX_BITS:
        return None
    n, d = a[0] ** abs_k, a[1] ** abs_k
    return _rat(n, d) if k > 0 else _rat(d, n)


def _q_factorial(a):
    if a[1] != 1 or a[0] < 0 or a[0] > 500:
        return None
    return _rat(math.factorial(a[0]))


def _q_binomial(n, k):
    if n[1] != 1 or k[1] != 1 or n[0] < 0 or n[0] > 10000:
        return None
    if k[0] < 0 or k[0] > n[0]:
        return _ZERO
    kk = min(k[0], n[0] - k[0])
    r = 1
    for i in range(1, kk + 1):
        r = r * (n[0] - kk + i) // i
    return _rat(r)


# --- ast.ts: answer trees are tuples; the first item is the kind.
#   ("num", text, exact, decimal)  ("sym", name)  ("const", "pi"|"e"|"inf")  ("add", [xs])  ("neg", x)
#   ("mul", [xs])  ("div", a, b)  ("pow", a, b)  ("fn", name, [xs])  ("pm", a|None, b, sign)
#   ("tuple", open, close, [xs])  ("set", [xs])  ("list", [xs])  ("matrix", [[rows]])  ("union", [xs])
#   ("rel", [ops], [xs])  ("text", text)

_STRUCTURAL = frozenset(["tuple", "set", "list", "matrix", "union", "rel", "text"])


def _is_scalar(n):
    return n[0] not in _STRUCTURAL


# --- latex.ts


class _ParseError(Exception):
    pass


_LATEX_BARE_FUNCTIONS = [
    "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "sqrt", "sin", "cos", "tan", "sec", "csc", "cot",
    "log", "ln", "exp", "gcd", "lcm",
]
_MAX_LATEX = 1500
_MAX_DEPTH = 60
_GREEK = frozenset([
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega", "ell",
])
_FUNCTIONS = frozenset([
    "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp",
    "gcd", "lcm",
])
_REL = {
    "=": "=", "<": "<", ">": ">", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=", "geqslant": ">=",
    "ne": "!=", "neq": "!=", "lt": "<", "gt": ">", "in": "in", "approx": "=",
}
_MATRIX_ENVS = frozenset(["matrix", "pmatrix", "bmatrix", "Bmatrix", "smallmatrix", "array"])
_EXPONENT = re.compile(r"^[eE][+-]?[0-9]+")
_ENVIRONMENT = _rx(r"^\s*\{([a-zA-Z*]+)\}")


def _is_digit(ch):
    return "0" <= ch <= "9"


def _tokenize(src):
    toks = []
    n = len(src)
    i = 0
    while i < n:
        c = src[i]
        if c in " \t\n\r":
            i += 1
            continue
        if _is_digit(c) or (c == "." and i + 1 < n and _is_digit(src[i + 1])):
            j = i
            while j < n and _is_digit(src[j]):
                j += 1
            if j < n and src[j] == "." and j + 1 < n and _is_digit(src[j + 1]):
                j += 1
                while j < n and _is_digit(src[j]):
                    j += 1
            m = _EXPONENT.match(src[j:j + 8])
            if m:
                j += len(m.group(0))
            toks.append(("num", src[i:j]))
            i = j
            continue
        if _is_letter(c):
            j = i
            while j < n and _is_letter(src[j]):
                j += 1
            _split_letters(src[i:j], toks)
            i = j
            continue
        if c == "\\":
            if i + 1 >= n:
                raise _ParseError("dangling backslash")
            nxt = src[i + 1]
            if _is_letter(nxt):
                j = i + 1
                while j < n and _is_letter(src[j]):
                    j += 1
                name = src[i + 1:j]
                i = j
                if name in ("begin", "end"):
                    m = _ENVIRONMENT.match(src[i:i + 40])
                    if not m:
                        raise _ParseError("\\" + name + " without an environment")
                    i += len(m.group(0))
                    toks.append((name, m.group(1)))
                    continue
                toks.append(("cmd", name))
                continue
            toks.append(("op", "\\" + nxt))
            i += 2
            continue
        toks.append(("op", c))
        i += 1
    return toks


def _split_letters(run, out):
    i = 0
    while i < len(run):
        for f in _LATEX_BARE_FUNCTIONS:
            if run.startswith(f, i):
                out.append(("cmd", f))
                i += len(f)
                break
        else:
            out.append(("id", run[i]))
            i += 1


def _num_node(text):
    return ("num", text, _parse_decimal(text), any(ch in ".eE" for ch in text))


def _symbol_of(letter):
    return ("const", "e") if letter == "e" else ("sym", letter)


def _scalar(n):
    if not _is_scalar(n):
        raise _ParseError("a " + n[0] + " cannot take part in arithmetic")
    return n


def _neg(n):
    return ("neg", _scalar(n))


def _mul_of(a, b):
    _scalar(a)
    _scalar(b)
    if a[0] == "mul":
        return ("mul", a[1] + [b])
    return ("mul", [a, b])


def _mixed_number(a, b):
    if a[0] != "num" or a[3] or b[0] != "div":
        return None
    if b[1][0] != "num" or b[2][0] != "num" or b[1][3] or b[2][3]:
        return None
    return ("add", [a, b])


def _is_minus_one(n):
    return n[0] == "neg" and n[1][0] == "num" and n[1][1] == "1"


class _Parser:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0
        self.depth = 0
        self.abs_depth = 0

    def at_end(self):
        return self.pos >= len(self.toks)

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def peek_text(self):
        t = self.peek()
        return t[1] if t else "end"

    def is_op(self, v):
        t = self.peek()
        return t is not None and t[0] == "op" and t[1] == v

    def is_cmd(self, v):
        t = self.peek()
        return t is not None and t[0] == "cmd" and t[1] == v

    def expect_op(self, v):
        if not self.is_op(v):
            raise _ParseError("expected '%s' but found '%s'" % (v, self.peek_text()))
        self.pos += 1

    def enter(self):
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _ParseError("nesting too deep")

    def list(self):
        xs = [self.union()]
        while self.is_op(",") or self.is_op(";"):
            self.pos += 1
            xs.append(self.union())
        return xs[0] if len(xs) == 1 else ("list", xs)

    def union(self):
        xs = [self.relation()]
        while self.is_cmd("cup"):
            self.pos += 1
            xs.append(self.relation())
        return xs[0] if len(xs) == 1 else ("union", xs)

    def rel_op(self):
        t = self.peek()
        if t is None:
            return None
        if t[0] == "op" and t[1] in ("=", "<", ">"):
            nx = self.toks[self.pos + 1] if self.pos + 1 < len(self.toks) else None
            if t[1] != "=" and nx is not None and nx[0] == "op" and nx[1] == "=":
                self.pos += 1
                return "<=" if t[1] == "<" else ">="
            return t[1]
        if t[0] == "cmd" and t[1] in _REL:
            return _REL[t[1]]
        return None

    def relation(self):
        xs = [self.sum()]
        ops = []
        op = self.rel_op()
        while op:
            self.pos += 1
            ops.append(op)
            xs.append(self.union() if op == "in" else self.sum())
            op = self.rel_op()
        return xs[0] if not ops else ("rel", ops, xs)

    def sum(self):
        self.enter()
        if self.is_op("-"):
            self.pos += 1
            first = _neg(self.term())
        elif self.is_cmd("pm") or self.is_cmd("mp"):
            sign = "pm" if self.is_cmd("pm") else "mp"
            self.pos += 1
            first = ("pm", None, self.term(), sign)
        else:
            if self.is_op("+"):
                self.pos += 1
            first = self.term()
        xs = [first]
        while True:
            if self.is_op("+"):
                self.pos += 1
                xs.append(_scalar(self.term()))
            elif self.is_op("-"):
                self.pos += 1
                xs.append(_neg(self.term()))
            elif self.is_cmd("pm") or self.is_cmd("mp"):
                sign = "pm" if self.is_cmd("pm") else "mp"
                self.pos += 1
                b = self.term()
                a = xs[0] if len(xs) == 1 else ("add", [_scalar(x) for x in xs])
                xs = [("pm", _scalar(a), _scalar(b), sign)]
            else:
                break
        self.depth -= 1
        if len(xs) == 1:
            return xs[0]
        return ("add", [_scalar(x) for x in xs])

    def term(self):
        acc = self.signed_power()
        while True:
            t = self.peek()
            if t is None:
                break
            if (t[0] == "op" and t[1] == "*") or (t[0] == "cmd" and t[1] in ("cdot", "times")):
                self.pos += 1
                acc = _mul_of(acc, self.signed_power())
            elif (t[0] == "op" and t[1] == "/") or (t[0] == "cmd" and t[1] == "div"):
                self.pos += 1
                acc = ("div", _scalar(acc), _scalar(self.signed_power()))
            elif self.starts_factor(t):
                f = self.power()
                acc = _mixed_number(acc, f) or _mul_of(acc, f)
            else:
                break
        return acc

    def signed_power(self):
        if self.is_op("-"):
            self.pos += 1
            return _neg(self.signed_power())
        if self.is_op("+"):
            self.pos += 1
        return self.power()

    def starts_factor(self, t):
        kind, v = t
        if kind in ("num", "id", "begin"):
            return True
        if kind == "op":
            return v == "(" or v == "{" or (v == "|" and self.abs_depth == 0)
        if kind == "cmd":
            return v in ("frac", "sqrt", "binom", "pi", "infty", "lfloor", "lceil", "e") or v in _GREEK or v in _FUNCTIONS
        return False

    def power(self):
        self.enter()
        base = self.postfix()
        if self.is_op("^"):
            self.pos += 1
            exp = self.exponent()
            base = ("pow", _scalar(base), _scalar(exp))
            while self.is_op("!"):
                self.pos += 1
                base = ("fn", "fact", [base])
        self.depth -= 1
        return base

    def exponent(self):
        if self.is_op("-"):
            self.pos += 1
            return _neg(self.exponent())
        return self.arg()

    def postfix(self):
        x = self.primary()
        while True:
            if self.is_op("!"):
                self.pos += 1
                x = ("fn", "fact", [_scalar(x)])
            elif self.is_op("_"):
                if x[0] != "sym":
                    raise _ParseError("subscript on a non-symbol")
                self.pos += 1
                x = ("sym", x[1] + "_" + self.raw_arg())
            elif self.is_op("'"):
                raise _ParseError("primes are not supported")
            else:
                break
        return x

    def raw_arg(self):
        t = self.peek()
        if t is None:
            raise _ParseError("missing subscript")
        if t[0] == "op" and t[1] == "{":
            depth = 0
            parts = []
            while True:
                u = self.toks[self.pos] if self.pos < len(self.toks) else None
                self.pos += 1
                if u is None:
                    raise _ParseError("unclosed subscript")
                if u[0] == "op" and u[1] == "{":
                    depth += 1
                elif u[0] == "op" and u[1] == "}":
                    depth -= 1
                parts.append(u[1])
                if depth <= 0:
                    break
            return "".join(parts)
        self.pos += 1
        if t[0] == "num":
            return t[1][0]
        return t[1]

    def arg(self):
        t = self.peek()
        if t is None:
            raise _ParseError("missing argument")
        if t[0] == "op" and t[1] == "{":
            self.pos += 1
            inner = self.list()
            self.expect_op("}")
            return inner
        if t[0] == "num":
            if len(t[1]) > 1 and _is_digit(t[1][0]):
                self.toks[self.pos] = ("num", t[1][1:])
                return _num_node(t[1][0])
            self.pos += 1
            return _num_node(t[1])
        if t[0] == "id":
            self.pos += 1
            return _symbol_of(t[1])
        if t[0] == "cmd":
            return self.primary()
        raise _ParseError("bad argument '%s'" % t[1])

    def primary(self):
        self.enter()
        t = self.peek()
        if t is None:
            raise _ParseError("unexpected end of answer")
        self.pos += 1
        kind, v = t
        if kind == "num":
            out = _num_node(v)
        elif kind == "id":
            out = _symbol_of(v)
        elif kind == "begin":
            out = self.environment(v)
        elif kind == "end":
            raise _ParseError("unexpected \\end{%s}" % v)
        elif kind == "op":
            out = self.bracketed(v)
        else:
            out = self.command(v)
        self.depth -= 1
        return out

    def bracketed(self, opening):
        if opening in ("(", "["):
            xs = self.items()
            close = self.peek()
            if close is None or close[0] != "op" or close[1] not in (")", "]"):
                raise _ParseError("unclosed '%s'" % opening)
            self.pos += 1
            if len(xs) == 1:
                if (opening == "(") != (close[1] == ")"):
                    raise _ParseError("mismatched brackets around one item")
                return xs[0]
            return ("tuple", opening, close[1], xs)
        if opening == "{":
            inner = self.list()
            self.expect_op("}")
            return inner
        if opening == "\\{":
            if self.is_op("\\}"):
                self.pos += 1
                return ("set", [])
            xs = self.items()
            self.expect_op("\\}")
            return ("set", xs)
        if opening == "|":
            self.abs_depth += 1
            inner = self.sum()
            self.abs_depth -= 1
            self.expect_op("|")
            return ("fn", "abs", [_scalar(inner)])
        raise _ParseError("unexpected '%s'" % opening)

    def items(self):
        xs = [self.union()]
        while self.is_op(",") or self.is_op(";"):
            self.pos += 1
            xs.append(self.union())
        return xs

    def command(self, name):
        if name == "frac":
            a = self.arg()
            b = self.arg()
            return ("div", _scalar(a), _scalar(b))
        if name == "sqrt":
            if self.is_op("["):
                self.pos += 1
                idx = self.sum()
                self.expect_op("]")
                return ("fn", "root", [_scalar(idx), _scalar(self.arg())])
            return ("fn", "sqrt", [_scalar(self.arg())])
        if name == "binom":
            first = _scalar(self.arg())
            return ("fn", "binom", [first, _scalar(self.arg())])
        if name == "pi":
            return ("const", "pi")
        if name == "infty":
            return ("const", "inf")
        if name == "e":
            return ("const", "e")
        if name in ("emptyset", "varnothing"):
            return ("set", [])
        if name in ("cdots", "ldots", "dots"):
            return ("sym", "\\dots")
        if name in ("lfloor", "lceil"):
            inner = self.sum()
            closer = "rfloor" if name == "lfloor" else "rceil"
            if not self.is_cmd(closer):
                raise _ParseError("expected \\" + closer)
            self.pos += 1
            return ("fn", "floor" if name == "lfloor" else "ceil", [_scalar(inner)])
        if name in _GREEK:
            return ("sym", "\\" + name)
        if name in _FUNCTIONS:
            return self.func(name)
        raise _ParseError("unsupported command \\" + name)

    def func(self, name):
        base = None
        if name == "log" and self.is_op("_"):
            self.pos += 1
            base = self.arg()
        exp = None
        if self.is_op("^"):
            self.pos += 1
            exp = self.exponent()
        if self.is_op("("):
            x = self.primary()
        else:
            x = self.power()
            t = self.peek()
            while t is not None and t[0] in ("num", "id"):
                x = _mul_of(x, self.power())
                t = self.peek()
        if name in ("gcd", "lcm"):
            args = x[3] if x[0] == "tuple" else [x]
            return ("fn", name, [_scalar(a) for a in args])
        inverse = exp is not None and _is_minus_one(exp) and name in ("sin", "cos", "tan")
        f = ("fn", "arc" + name if inverse else name, [_scalar(base), _scalar(x)] if base is not None else [_scalar(x)])
        return ("pow", f, _scalar(exp)) if exp is not None and not inverse else f

    def environment(self, env):
        if env not in _MATRIX_ENVS:
            raise _ParseError("unsupported environment " + env)
        if env == "array" and self.is_op("{"):
            while not self.at_end() and not self.is_op("}"):
                self.pos += 1
            self.expect_op("}")
        rows = []
        row = []
        while True:
            t = self.peek()
            if t is None:
                raise _ParseError("unclosed \\begin{%s}" % env)
            if t[0] == "end":
                if t[1] != env:
                    raise _ParseError("\\begin{%s} closed by \\end{%s}" % (env, t[1]))
                self.pos += 1
                break
            row.append(_scalar(self.sum()))
            if self.is_op("&"):
                self.pos += 1
            elif self.is_op("\\\\"):
                self.pos += 1
                rows.append(row)
                row = []
                nx = self.peek()
                if nx is not None and nx[0] == "end":
                    self.pos += 1
                    if nx[1] != env:
                        raise _ParseError("mismatched matrix environment")
                    break
        if row:
            rows.append(row)
        width = len(rows[0]) if rows else 0
        if width == 0 or any(len(r) != width for r in rows):
            raise _ParseError("ragged matrix")
        return ("matrix", rows)


def parse_latex(src):
    if _u16len(src) > _MAX_LATEX:
        raise _ParseError("answer too long to parse")
    p = _Parser(_tokenize(src))
    node = p.list()
    if not p.at_end():
        raise _ParseError("unexpected '%s'" % p.peek_text())
    return node
