"""The math grader, part 2: normalisation of a final answer (src/reward/math/normalize.ts)."""

import re

from .js_compat import _DOT, _rx, _trim
from .math_extract import _replace_command


_TEXT_COMMANDS = [
    "text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "mbox", "hbox", "mathrm", "mathit",
    "mathsf", "mathbf", "mathtt", "boldsymbol", "bm", "operatorname", "textup", "emph", "mathnormal",
]
_LONG_UNITS = (
    "units?|centimeters?|centimetres?|millimeters?|kilometers?|meters?|metres?|inch(?:es)?|feet|foot|ft|yards?|miles?|"
    "mph|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|grams?|kilograms?|kg|mg|pounds?|lbs?|"
    "ounces?|oz|liters?|litres?|ml|gallons?|cents?|dollars?|euros?|people|persons?|students?|ways|points?|"
    "degrees?|radians?|cm|mm|km|sq|square|cubic|cups?|pieces?|marbles?|apples?|coins?|balls?|boxes|books?|games?|"
    "tiles?|cookies?|pages?|handshakes?|triangles?|outfits?|numbers?|integers?|digits?|steps?|moves?|seats?|"
    "calories?|bags?|boys?|girls?|teams?|trees?|eggs?|tickets?|chairs?|cars?|dogs?|cats?|times|per"
)
_SHORT_UNITS = "m|s|h|g|l|in|mi|yd|min|sec|hr|mL|L|kph|cm\\^2|m\\^2"
_UNIT_PHRASE = _rx("^(?:(?:" + _LONG_UNITS + "|" + _SHORT_UNITS + ")\\b[\\s.]*)+\\Z", re.I)
_TRAILING_UNIT = _rx(
    "(\\d|\\}|\\)|\\s)\\s*(?:(?:" + _LONG_UNITS + ")\\s*(?:\\^\\s*\\{?[23]\\}?)?\\s*)+\\.?\\s*\\Z", re.I
)
_BARE_FUNCTIONS_WORD = re.compile(r"^(?:sin|cos|tan|sec|csc|cot|log|ln|exp|sqrt|gcd|lcm|arcsin|arccos|arctan|sinh|cosh|tanh)\Z")


def _lit(rx, replacement):
    return lambda s: rx.sub(lambda m: replacement, s)


_NORMALIZE_TYPESETTING = [
    _lit(_rx(r"\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])"), ""),
    _lit(_rx(r"\\[hv]space\*?\s*\{[^{}]*\}"), " "),
    _lit(_rx(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?:\s*\.)?(?![a-zA-Z])"), ""),
    _lit(_rx(r"(?<!\\)\\!"), ""),
    _lit(_rx(r"(?<!\\)\\(?:[,:; ]|quad|qquad|enspace|thinspace|medspace|thickspace)(?![a-zA-Z])"), " "),
    _lit(re.compile("~"), " "),
    _lit(_rx(r"\\[dtc]frac(?![a-zA-Z])"), "\\frac"),
    _lit(_rx(r"\\[dt]binom(?![a-zA-Z])"), "\\binom"),
    _lit(_rx(r"\\lbrace(?![a-zA-Z])"), "\\{"),
    _lit(_rx(r"\\rbrace(?![a-zA-Z])"), "\\}"),
    _lit(_rx(r"\\langle(?![a-zA-Z])"), "("),
    _lit(_rx(r"\\rangle(?![a-zA-Z])"), ")"),
    _lit(_rx(r"\\(?:lvert|rvert|vert|mid)(?![a-zA-Z])"), "|"),
    _lit(_rx(r"\\(?:le|leq|leqslant)(?![a-zA-Z])"), "\\le "),
    _lit(_rx(r"\\(?:ge|geq|geqslant)(?![a-zA-Z])"), "\\ge "),
]
_DEGREES = _rx(r"\^\s*\{\s*\\circ\s*\}|\^\s*\\circ(?![a-zA-Z])|\\circ(?![a-zA-Z])|\\degree(?![a-zA-Z])")
_PERCENT_SIGN = re.compile(r"\\?%")
_PERCENT_WORD = _rx(r"\bpercent\b", re.I)
_DIGIT = re.compile(r"[0-9]")
_THOUSANDS_BANG = _rx(r"([0-9]),\\!\s*(?=[0-9]{3}(?![0-9]))")
_THIN_SPACE_GROUPS = _rx(r"([0-9])\\[,;:]\s*(?=[0-9]{3}(?![0-9]))")
_OR_AND = _rx(r"\s+(?:or|and)\s+", re.I)
_DEGREE_WORD = _rx(r"\bdegrees?\b", re.I)
_SPACES = _rx(r"\s+")
_TRAILING_PUNCT = _rx(r"(?:\s*[.,;:]|\s*\\\\)+\Z")
_LEADING_IS = _rx(r"^(?:=|is\s)\s*")
_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")
_BASE_SUBSCRIPT = re.compile(r"(^|[^a-zA-Z0-9_])([0-9]+)_\{?[0-9]+\}?")
_OR_AND_ONLY = re.compile(r"^(?:or|and)\Z", re.I | re.ASCII)
_TEXT_UNITS = _rx(r"^(" + _DOT + r"*?(?:\d|\}|\)|\\pi|[a-z]))\s+([a-zA-Z][a-zA-Z\s.]*?)\s*(?:\^\s*\{?[23]\}?)?\s*\Z")
_ARTICLE = _rx(r"^(?:the|an?)\s+")
_PROSE_JOINERS = _rx(r"[\s'\u2019\-]+")
_PROSE = _rx(r"^[A-Za-z][A-Za-z\s'\u2019\-.,]*\Z")
_NON_LETTERS = re.compile(r"[^A-Za-z]+")
_CHOICE_ONLY = [
    _rx(r"^\(\s*([A-Ea-e])\s*\)\Z"),
    _rx(r"^([A-Ea-e])\s*\)\Z"),
    re.compile(r"^([A-E])\Z"),
]
_CHOICE_LEAD = [_rx(r"^\(([A-E])\)\s*\S"), _rx(r"^([A-E])[):]\s+\S")]
_UNICODE_REPLACEMENTS = [
    (re.compile("[\u2212\u2013\u2014]"), "-"),
    (re.compile("\u00d7"), "\\times "),
    (re.compile("\u00f7"), "\\div "),
    (re.compile("[\u00b7\u22c5]"), "\\cdot "),
    (re.compile("\u03c0"), "\\pi "),
    (re.compile("\u221e"), "\\infty "),
    (re.compile("\u221a"), "\\sqrt"),
    (re.compile("\u2264"), "\\le "),
    (re.compile("\u2265"), "\\ge "),
    (re.compile("\u2260"), "\\ne "),
    (re.compile("\u222a"), "\\cup "),
    (re.compile("\u00b0"), ""),
    (re.compile("[\u00a0\u2009\u202f]"), " "),
]


def _replace_unicode(s):
    if all(ord(c) < 128 for c in s):
        return s
    for rx, rep in _UNICODE_REPLACEMENTS:
        s = rx.sub(lambda m, rep=rep: rep, s)
    return s


def _unwrap_text(s):
    def inner(text, _name):
        if _OR_AND_ONLY.match(_trim(text)):
            return ", "
        return " " + text + " "

    for _ in range(4):
        if "\\" not in s:
            break
        before = s
        s = _replace_command(s, _TEXT_COMMANDS, inner)
        if s == before:
            break
    if _DIGIT.search(s):
        s = _drop_text_units(s)
    return s


def _drop_text_units(s):
    m = _TEXT_UNITS.match(s)
    if m and _UNIT_PHRASE.match(_trim(m.group(2))) and _DIGIT.search(m.group(1)):
        return m.group(1)
    return s


def _choice_letter(s):
    for rx in _CHOICE_ONLY:
        m = rx.match(s)
        if m:
            return m.group(1).upper(), True
    for rx in _CHOICE_LEAD:
        m = rx.match(s)
        if m:
            return m.group(1), False
    return None


def _is_prose(s):
    if not _PROSE.match(s):
        return False
    for w in _NON_LETTERS.split(s):
        if len(w) >= 3 and not _BARE_FUNCTIONS_WORD.match(w):
            return True
    return False


def normalize(raw):
    """dict(text, key, percent, choice, choice_only, prose), as normalize.ts computes it."""
    s = _trim(raw)
    percent = False
    s = _replace_unicode(s)
    for _ in range(3):
        if "\\boxed" not in s:
            break
        s = _replace_command(s, ["boxed", "fbox"], lambda a, _n: a)
    s = s.replace("\\$", "").replace("$", "")
    s = re.sub(r"^\\\[|\\\]\Z", "", s)
    s = re.sub(r"\\\(|\\\)", "", s)
    s = _THOUSANDS_BANG.sub(lambda m: m.group(1), s)
    s = s.replace("{,}", "")
    s = _THIN_SPACE_GROUPS.sub(lambda m: m.group(1), s)
    for step in _NORMALIZE_TYPESETTING:
        s = step(s)
    s = _DEGREES.sub("", s)
    if _PERCENT_SIGN.search(s):
        percent = True
        s = _PERCENT_SIGN.sub("", s)
    s = _unwrap_text(s)
    if _PERCENT_WORD.search(s) and _DIGIT.search(s):
        percent = True
        s = _PERCENT_WORD.sub(" ", s)
    if _DIGIT.search(s):
        s = _OR_AND.sub(", ", s)
        s = _DEGREE_WORD.sub(" ", s)
        for _ in range(3):
            if not _TRAILING_UNIT.search(s):
                break
            s = _TRAILING_UNIT.sub(lambda m: m.group(1), s, count=1)
    s = _trim(_SPACES.sub(" ", s))
    s = _trim(_TRAILING_PUNCT.sub("", s, count=1))
    s = _LEADING_IS.sub("", s, count=1)
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
    s = _BASE_SUBSCRIPT.sub(lambda m: m.group(1) + m.group(2), s)
    choice = _choice_letter(s)
    prose = choice is None and _is_prose(s)
    key = _SPACES.sub("", s)
    if prose:
        key = _PROSE_JOINERS.sub("", _ARTICLE.sub("", s.lower(), count=1))
    if choice is not None and choice[1]:
        key = choice[0]
    return {
        "text": s,
        "key": key,
        "percent": percent,
        "choice": choice[0] if choice else None,
        "choice_only": choice[1] if choice else False,
        "prose": prose,
    }
