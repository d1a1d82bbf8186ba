"""JavaScript-compatible building blocks. rlx's reward engine is TypeScript; these helpers give
the values it computes (white space, numbers, String(v), the operators of the language with their
JavaScript semantics) in Python."""

import math
import re

# What JavaScript's \s and String.prototype.trim() treat as white space.
_JS_SPACE_CHARS = (
    "\t\n\x0b\x0c\r \xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_S = "[\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
# What JavaScript's "." matches (everything but its line terminators).
_DOT = "[^\\n\\r\\u2028\\u2029]"


def _trim(s):
    return s.strip(_JS_SPACE_CHARS)


def _u16len(s):
    """The length JavaScript reports: characters outside the BMP count twice."""
    n = len(s)
    if n and max(s) > "\uffff":
        n += sum(1 for ch in s if ord(ch) > 0xFFFF)
    return n


_S_INNER = _S[1:-1]


def _rx(pattern, flags=0):
    """A JavaScript regular expression in Python: re.ASCII makes \\d, \\w and \\b ASCII as there,
    and \\s / \\S are spelled out as JavaScript's white space (inside a class too)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt == "s":
                out.append(_S_INNER if in_class else _S)
            elif nxt == "S" and not in_class:
                out.append("[^" + _S_INNER + "]")
            else:
                out.append(c + nxt)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return re.compile("".join(out), flags | re.ASCII)


_INF = float("inf")
_NAN = float("nan")


def _is_finite(x):
    return not (math.isinf(x) or math.isnan(x))


def _is_integer(x):
    return _is_finite(x) and x == math.floor(x)


def _js_div(a, b):
    if b == 0:
        if a == 0 or math.isnan(a) or math.isnan(b):
            return _NAN
        return math.copysign(_INF, a) * math.copysign(1.0, b)
    return a / b


def _js_pow(x, y):
    if math.isnan(y):
        return _NAN
    if y == 0:
        return 1.0
    if math.isnan(x):
        return _NAN
    if abs(x) == 1 and math.isinf(y):
        return _NAN
    try:
        r = math.pow(x, y)
    except OverflowError:
        if x < 0 and _is_integer(y) and math.fmod(y, 2) != 0:
            return -_INF
        return _INF
    except (ValueError, ZeroDivisionError):
        if x == 0:
            # 0 to a negative power: +Infinity (or -Infinity for -0 and an odd exponent).
            if math.copysign(1.0, x) < 0 and _is_integer(y) and math.fmod(y, 2) != 0:
                return -_INF
            return _INF
        return _NAN
    return r


def _js_float_fn(f, x):
    try:
        return f(x)
    except OverflowError:
        return _INF
    except ValueError:
        return _NAN


def _js_sqrt(x):
    return _NAN if x < 0 or math.isnan(x) else math.sqrt(x)


def _js_log(x):
    if math.isnan(x) or x < 0:
        return _NAN
    if x == 0:
        return -_INF
    return math.log(x)


def _js_exp(x):
    if math.isnan(x):
        return _NAN
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _js_trig(f, x):
    if not _is_finite(x):
        return _NAN
    return f(x)


def _js_arc(f, x):
    if math.isnan(x) or x < -1 or x > 1:
        return _NAN
    return f(x)


def _js_hyp(f, x):
    if math.isnan(x):
        return _NAN
    try:
        return f(x)
    except OverflowError:
        return math.copysign(_INF, x) if f is math.sinh else _INF


def _js_floor(x):
    return x if not _is_finite(x) else float(math.floor(x))


def _js_ceil(x):
    return x if not _is_finite(x) else float(math.ceil(x))


_JS_NUMBER = re.compile(r"^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Infinity)$")


def _num(v):
    """JavaScript's Number(v) for the values a reward computes."""
    if v is True:
        return 1.0
    if v is False:
        return 0.0
    if isinstance(v, (int, float)):
        return float(v)
    s = _trim(v)
    if s == "":
        return 0.0
    low = s[:2].lower()
    if low in ("0x", "0o", "0b"):
        if "_" in s:
            return _NAN
        try:
            return float(int(s[2:], {"0x": 16, "0o": 8, "0b": 2}[low]))
        except ValueError:
            return _NAN
    if not _JS_NUMBER.match(s):
        return _NAN
    if s.endswith("Infinity"):
        return -_INF if s.startswith("-") else _INF
    return float(s)


def _js_str(v):
    """JavaScript's String(v)."""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return v
    x = float(v)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    mantissa, _, exponent = repr(abs(x)).partition("e")
    digits = mantissa.replace(".", "")
    point = mantissa.find(".")
    n = (point if point >= 0 else len(mantissa)) + (int(exponent) if exponent else 0)
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    es = ("+" if e >= 0 else "-") + str(abs(e))
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + es


def _same(x, y):
    if isinstance(x, str) and isinstance(y, str):
        return x == y
    return _num(x) == _num(y)


def _op(op, x, y=None):
    """The operators of the language on values (src/check/operators.ts)."""
    if op == "and":
        return x is True and y is True
    if op == "or":
        return x is True or y is True
    if op == "not":
        return x is not True
    if op == "neg":
        return -_num(x)
    if op == "add":
        return _num(x) + _num(y)
    if op == "sub":
        return _num(x) - _num(y)
    if op == "mul":
        return _num(x) * _num(y)
    if op == "div":
        return _js_div(_num(x), _num(y))
    if op == "eq":
        return _same(x, y)
    if op == "ne":
        return not _same(x, y)
    if op == "lt":
        return _num(x) < _num(y)
    if op == "le":
        return _num(x) <= _num(y)
    if op == "gt":
        return _num(x) > _num(y)
    if op == "ge":
        return _num(x) >= _num(y)
    raise ValueError("unknown operator " + op)
