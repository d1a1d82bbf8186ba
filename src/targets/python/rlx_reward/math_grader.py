"""The "math" grader's verdict: src/reward/math/index.ts in Python, step for step, over the parts
in math_extract, math_normalize, math_parse, math_compare and math_fallback. Where the
TypeScript grader asks its CAS (@cortex-js/compute-engine), this one asks Math-Verify when it is
importable, else decides the cases it can itself (complex numbers written with i, repeating
decimals) and says "not equal"."""

from .js_compat import _trim, _u16len
from .math_compare import _compare_nodes, _shape
from .math_fallback import _cas_equal, _cas_parses
from .math_normalize import normalize
from .math_parse import parse_latex


_MAX_ANSWER = 5000
_PREPARED = {}
_PREPARED_LIMIT = 20000


def _prepare(raw):
    hit = _PREPARED.get(raw)
    if hit is not None:
        return hit
    norm = normalize(raw)
    node = None
    if norm["prose"]:
        node = ("text", norm["key"])
    elif norm["text"] != "":
        try:
            node = _shape(parse_latex(norm["text"]))
        except Exception:  # like parseLatex's callers: whatever it cannot read is unreadable
            node = None
    prepared = (norm, node)
    if len(_PREPARED) >= _PREPARED_LIMIT:
        _PREPARED.clear()
    _PREPARED[raw] = prepared
    return prepared


def _percent_retry(p, g):
    def scale(n):
        if n[0] in ("list", "tuple", "set", "matrix", "union", "rel", "text"):
            return None
        return ("div", n, ("num", "100", (100, 1), False))

    (pn, pnode), (gn, gnode) = p, g
    a = scale(pnode) if pn["percent"] else pnode
    b = scale(gnode) if gn["percent"] else gnode
    return _compare_nodes(a, b) if a is not None and b is not None else None


def math_equal(prediction, gold):
    """Whether the final answer is mathematically equivalent to the gold answer."""
    pred_raw = _trim(prediction or "")
    gold_raw = _trim(gold or "")
    if pred_raw == "" or gold_raw == "":
        return False
    if _u16len(pred_raw) > _MAX_ANSWER or _u16len(gold_raw) > _MAX_ANSWER:
        return False
    p = _prepare(pred_raw)
    g = _prepare(gold_raw)
    pn, gn = p[0], g[0]
    if pn["choice"] and gn["choice"] and (pn["choice_only"] or gn["choice_only"]):
        return pn["choice"] == gn["choice"]
    readable = p[1] is not None and g[1] is not None
    if pn["key"] != "" and pn["key"] == gn["key"]:
        return readable or _cas_parses(gn["text"])
    if pn["prose"] or gn["prose"]:
        return False
    if readable:
        equal, undecided = _compare_nodes(p[1], g[1])
        if not equal and pn["percent"] != gn["percent"]:
            retry = _percent_retry(p, g)
            if retry is not None and retry[0]:
                equal, undecided = retry
        if not undecided:
            return equal
    return _cas_equal(pn["text"], gn["text"])
