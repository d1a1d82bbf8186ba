"""The math grader, part 5: what the TypeScript grader hands to its CAS (src/reward/math/symbolic.ts).
Math-Verify when importable; else complex numbers written with i and repeating decimals are
decided here."""

import cmath
import math
import os
import re

from .js_compat import _num, _rx, _u16len
from .math_compare import _ABSOLUTE_TOLERANCE, _RELATIVE_TOLERANCE, _compare_nodes, _shape
from .math_extract import _braces_balanced
from .math_parse import _is_scalar, parse_latex


_MAX_CAS_INPUT = 300
_EXPENSIVE = [
    _rx(r"\^\s*\{[^{}]*\^"),
    _rx(r"\^\s*\{?\s*[-+]?\d{3,}"),
    _rx(r"\^\s*\{?\s*\d+\s*\}?\s*\^"),
    _rx(r"[)}\]!]\s*!"),
    _rx(r"\d{3,}\s*!"),
    _rx(r"!\s*\^"),
    _rx(r"\\(?:prod|int|iint|oint|lim)(?![a-zA-Z])"),
]
_ALNUM = re.compile(r"[A-Za-z0-9]")


def _cas_refuses(*texts):
    for s in texts:
        if _u16len(s) > _MAX_CAS_INPUT:
            return True
        for rx in _EXPENSIVE:
            if rx.search(s):
                return True
    return False


# Math-Verify (pip install math-verify) decides what rlx's own parser cannot, where importable,
# unless RLX_MATH_VERIFY=0. Without it, this module decides complex numbers written with i and
# repeating decimals itself, and counts anything else it cannot read as not equal.
_MATH_VERIFY = None
if os.environ.get("RLX_MATH_VERIFY", "1") not in ("0", "false", "no"):
    try:
        from math_verify import parse as _mv_parse, verify as _mv_verify  # type: ignore

        _MATH_VERIFY = (_mv_parse, _mv_verify)
    except Exception:  # not installed, or broken: the standard-library grader decides alone
        _MATH_VERIFY = None

MATH_GRADER = "rlx standard-library grader" + (" + Math-Verify fallback" if _MATH_VERIFY else "")


def _math_verify(a, b):
    parse, verify = _MATH_VERIFY
    try:
        gold = parse("$" + b + "$")
        pred = parse("$" + a + "$")
        return bool(gold) and bool(pred) and bool(verify(gold, pred))
    except Exception:
        return False


_KNOWN_COMMANDS = frozenset(
    "frac dfrac tfrac sqrt cdot times div pm mp le leq ge geq ne neq lt gt approx in cup cap setminus infty pi "
    "sum prod int lim log ln exp sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh left right text "
    "mathrm mathbf operatorname overline binom choose vec hat bar dot alpha beta gamma delta epsilon varepsilon "
    "zeta eta theta vartheta iota kappa lambda mu nu xi rho sigma tau upsilon phi varphi chi psi omega Gamma "
    "Delta Theta Lambda Xi Sigma Phi Psi Omega ell mathbb emptyset varnothing lfloor rfloor lceil rceil begin end "
    "to rightarrow infin partial nabla cdots ldots dots circ angle triangle perp parallel mod bmod pmod gcd lcm "
    "max min det deg quad qquad".split()
)
_COMMAND = re.compile(r"\\([a-zA-Z]+)")
_CAS_TEXT = re.compile(r"^[A-Za-z0-9\s+\-*/^_=<>()\[\]{}|,.!'\\&:;]*\Z")


_SPACE_RUN = re.compile(r"\s+")
_MISSING_OPERAND = re.compile(r"[-+*/=,(\[{^]\s*[\^_)\]},=]")
_BAD_EXPONENT = re.compile(r"\^\s*[(|]|\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9.]+)\s*\^")


def _approximately_parses(text):
    """Whether the CAS would read the text as valid math, judged by its syntax alone: balanced
    braces and brackets, known commands, no missing operand, no empty group."""
    if not _CAS_TEXT.match(text) or not _braces_balanced(text):
        return False
    if text.count("(") + text.count("[") != text.count(")") + text.count("]"):
        return False
    s = text.strip()
    if s.endswith(("\\", "+", "-", "*", "/", "^", "_", "=", ",")) or s.startswith(("^", "_", ",", "*", "/", "=")):
        return False
    if "{}" in _SPACE_RUN.sub("", text) or _MISSING_OPERAND.search(text) or _BAD_EXPONENT.search(text):
        return False
    return all(name in _KNOWN_COMMANDS for name in _COMMAND.findall(text))


def _cas_parses(text):
    if not _ALNUM.search(text) or _cas_refuses(text):
        return False
    if _MATH_VERIFY is not None:
        try:
            return bool(_MATH_VERIFY[0]("$" + text + "$"))
        except Exception:
            return False
    return _approximately_parses(text)


_REPEATING = re.compile(r"([0-9]*)\.([0-9]*)\\overline\{?([0-9]+)\}?")


def _repeating_to_fraction(m):
    whole, fixed, period = m.group(1) or "0", m.group(2), m.group(3)
    den = 10 ** len(fixed) * (10 ** len(period) - 1)
    num = int(whole + fixed + period) - int(whole + fixed)
    return "\\frac{%d}{%d}" % (num, den)


def _complex_value(n):
    """The value of an answer over the complex numbers, reading i as the imaginary unit; None if it has others."""
    k = n[0]
    try:
        if k == "num":
            v = _num(n[1])
            return None if math.isnan(v) else complex(v)
        if k == "sym":
            return 1j if n[1] == "i" else None
        if k == "const":
            return complex(math.pi) if n[1] == "pi" else (complex(math.e) if n[1] == "e" else None)
        if k == "neg":
            x = _complex_value(n[1])
            return None if x is None else -x
        if k in ("add", "mul"):
            acc = complex(0 if k == "add" else 1)
            for x in n[1]:
                v = _complex_value(x)
                if v is None:
                    return None
                acc = acc + v if k == "add" else acc * v
            return acc
        if k in ("div", "pow"):
            a, b = _complex_value(n[1]), _complex_value(n[2])
            if a is None or b is None:
                return None
            if k == "div":
                return a / b
            if b.imag == 0 and b.real == int(b.real) and abs(b.real) <= 64:
                return a ** int(b.real)
            return a ** b
        if k == "fn" and len(n[2]) == 1:
            x = _complex_value(n[2][0])
            if x is None:
                return None
            f = {"sqrt": cmath.sqrt, "exp": cmath.exp, "ln": cmath.log, "sin": cmath.sin, "cos": cmath.cos, "abs": abs}.get(n[1])
            return None if f is None else complex(f(x))
    except (ArithmeticError, ValueError):
        return None
    return None


def _fallback_equal(a, b):
    a2, b2 = _REPEATING.sub(_repeating_to_fraction, a), _REPEATING.sub(_repeating_to_fraction, b)
    try:
        na, nb = _shape(parse_latex(a2)), _shape(parse_latex(b2))
    except Exception:
        return False
    if (a2, b2) != (a, b):
        equal, undecided = _compare_nodes(na, nb)
        if not undecided:
            return equal
    if not (_is_scalar(na) and _is_scalar(nb)):
        return False
    za, zb = _complex_value(na), _complex_value(nb)
    if za is None or zb is None or not (cmath.isfinite(za) and cmath.isfinite(zb)):
        return False
    d = abs(za - zb)
    return d <= _ABSOLUTE_TOLERANCE or d <= _RELATIVE_TOLERANCE * max(abs(za), abs(zb))


def _cas_equal(a, b):
    if not _ALNUM.search(a) or not _ALNUM.search(b) or _cas_refuses(a, b):
        return False
    if _MATH_VERIFY is not None:
        return _math_verify(a, b)
    return _fallback_equal(a, b)
