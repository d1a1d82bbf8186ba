"""The math grader, part 4: evaluation, shaping and comparison of answer trees
(src/reward/math/evaluate.ts, structure.ts, compare.ts)."""

import math

from .js_compat import (
    _INF, _NAN, _is_finite, _is_integer, _js_arc, _js_ceil, _js_div, _js_exp, _js_floor, _js_hyp,
    _js_log, _js_pow, _js_sqrt, _js_trig, _num,
)
from .math_parse import (
    _ONE, _ZERO, _is_scalar, _q_add, _q_binomial, _q_div, _q_factorial, _q_mul, _q_neg, _q_pow, _rat,
)

# --- evaluate.ts


def _children(n):
    k = n[0]
    if k == "neg":
        return [n[1]]
    if k in ("add", "mul", "set", "list", "union"):
        return n[1]
    if k == "fn":
        return n[2]
    if k == "tuple":
        return n[3]
    if k == "rel":
        return n[2]
    if k in ("div", "pow"):
        return [n[1], n[2]]
    if k == "pm":
        return [n[1], n[2]] if n[1] is not None else [n[2]]
    if k == "matrix":
        return [x for row in n[1] for x in row]
    return []


def _some(n, p):
    if p(n):
        return True
    return any(_some(c, p) for c in _children(n))


def _has_decimal(n):
    return _some(n, lambda x: x[0] == "num" and x[3])


def _has_infinity(n):
    return _some(n, lambda x: x[0] == "const" and x[1] == "inf")


def _has_pm(n):
    return _some(n, lambda x: x[0] == "pm")


def _free_vars(n, out=None):
    if out is None:
        out = set()
    stack = [n]
    while stack:
        x = stack.pop()
        if x[0] == "sym" and x[1] != "\\dots":
            out.add(x[1])
        stack.extend(_children(x))
    return out


def _exact_value(n):
    k = n[0]
    if k == "num":
        return n[2]
    if k == "neg":
        x = _exact_value(n[1])
        return x and _q_neg(x)
    if k in ("add", "mul"):
        acc = _ZERO if k == "add" else _ONE
        for x in n[1]:
            v = _exact_value(x)
            if not v or not acc:
                return None
            acc = _q_add(acc, v) if k == "add" else _q_mul(acc, v)
        return acc
    if k in ("div", "pow"):
        a = _exact_value(n[1])
        b = a and _exact_value(n[2])
        if not (a and b):
            return None
        return _q_div(a, b) if k == "div" else _q_pow(a, b)
    if k == "fn":
        return _exact_function(n[1], n[2])
    return None


def _exact_function(name, xs):
    args = []
    for x in xs:
        v = _exact_value(x)
        if not v:
            return None
        args.append(v)
    if not args:
        return None
    a = args[0]
    b = args[1] if len(args) > 1 else None
    if name == "fact":
        return _q_factorial(a)
    if name == "binom":
        return _q_binomial(a, b) if b else None
    if name == "abs":
        return _q_neg(a) if a[0] < 0 else a
    if name == "floor":
        return _rat(a[0] // a[1])
    if name == "ceil":
        return _rat(-((-a[0]) // a[1]))
    if name == "sqrt":
        if a[0] < 0:
            return None
        rn, rd = math.isqrt(a[0]), math.isqrt(a[1])
        return _rat(rn, rd) if rn * rn == a[0] and rd * rd == a[1] else None
    if name in ("gcd", "lcm"):
        return _int_fold(name, args)
    return None


def _int_fold(name, args):
    acc = None
    for a in args:
        if a[1] != 1:
            return None
        v = abs(a[0])
        if acc is None:
            acc = v
        else:
            g = math.gcd(acc, v)
            acc = g if name == "gcd" else (0 if g == 0 else (acc // g) * v)
    return None if acc is None else _rat(acc)


def _eval_float(n, env):
    k = n[0]
    if k == "num":
        return _num(n[1])
    if k == "sym":
        return env.get(n[1], _NAN)
    if k == "const":
        return math.pi if n[1] == "pi" else (math.e if n[1] == "e" else _INF)
    if k == "neg":
        return -_eval_float(n[1], env)
    if k == "add":
        s = 0.0
        for x in n[1]:
            s += _eval_float(x, env)
        return s
    if k == "mul":
        p = 1.0
        for x in n[1]:
            p *= _eval_float(x, env)
        return p
    if k == "div":
        return _js_div(_eval_float(n[1], env), _eval_float(n[2], env))
    if k == "pow":
        return _power(n[1], n[2], env)
    if k == "fn":
        return _eval_function(n[1], [_eval_float(x, env) for x in n[2]])
    return _NAN


def _power(a, b, env):
    x = _eval_float(a, env)
    y = _eval_float(b, env)
    if x < 0 and not _is_integer(y):
        q = _exact_value(b)
        if q and q[1] % 2 == 1:
            r = _js_pow(-x, y)
            return r if q[0] % 2 == 0 else -r
    return _js_pow(x, y)


def _factorial_float(x):
    if not _is_integer(x) or x < 0:
        return _NAN
    if x > 170:
        return _INF
    r = 1.0
    i = 2
    while i <= x:
        r *= i
        i += 1
    return r


# The functions of one argument, as JavaScript's Math computes them.
_UNARY_FUNCTIONS = {
    "sqrt": _js_sqrt,
    "sin": lambda x: _js_trig(math.sin, x),
    "cos": lambda x: _js_trig(math.cos, x),
    "tan": lambda x: _js_trig(math.tan, x),
    "sec": lambda x: _js_div(1.0, _js_trig(math.cos, x)),
    "csc": lambda x: _js_div(1.0, _js_trig(math.sin, x)),
    "cot": lambda x: _js_div(1.0, _js_trig(math.tan, x)),
    "arcsin": lambda x: _js_arc(math.asin, x),
    "arccos": lambda x: _js_arc(math.acos, x),
    "arctan": lambda x: math.atan(x) if not math.isnan(x) else _NAN,
    "sinh": lambda x: _js_hyp(math.sinh, x),
    "cosh": lambda x: _js_hyp(math.cosh, x),
    "tanh": lambda x: math.tanh(x) if not math.isnan(x) else _NAN,
    "ln": _js_log,
    "exp": _js_exp,
    "abs": abs,
    "floor": _js_floor,
    "ceil": _js_ceil,
    "fact": _factorial_float,
}


def _eval_function(name, a):
    x = a[0] if a else _NAN
    unary = _UNARY_FUNCTIONS.get(name)
    if unary is not None:
        return unary(x)
    if name == "root":
        v = a[1] if len(a) > 1 else _NAN
        if v < 0 and _is_integer(x) and math.fmod(x, 2) == 1:
            return -_js_pow(-v, _js_div(1.0, x))
        return _js_pow(v, _js_div(1.0, x))
    if name == "log":
        return _js_div(_js_log(a[1]), _js_log(x)) if len(a) == 2 else _js_log(x)
    if name == "binom":
        k = a[1] if len(a) > 1 else _NAN
        if not _is_integer(x) or not _is_integer(k):
            return _NAN
        return _js_div(_factorial_float(x), _factorial_float(k) * _factorial_float(x - k))
    return _NAN


def _choose_pm(n, choice):
    k = n[0]
    if k == "pm":
        sign = choice if n[3] == "pm" else -choice
        b = _choose_pm(n[2], choice)
        signed = b if sign == 1 else ("neg", b)
        return ("add", [_choose_pm(n[1], choice), signed]) if n[1] is not None else signed
    if k == "neg":
        return ("neg", _choose_pm(n[1], choice))
    if k in ("add", "mul"):
        return (k, [_choose_pm(x, choice) for x in n[1]])
    if k == "fn":
        return ("fn", n[1], [_choose_pm(x, choice) for x in n[2]])
    if k in ("div", "pow"):
        return (k, _choose_pm(n[1], choice), _choose_pm(n[2], choice))
    return n


# --- structure.ts

_INF_NODE = ("const", "inf")
_NEG_INF_NODE = ("neg", _INF_NODE)


def _shape(n):
    if n[0] == "list":
        xs = [y for x in n[1] for y in _expand_pm(_shape_item(x))]
        return xs[0] if len(xs) == 1 else ("list", xs)
    xs = _expand_pm(_shape_item(n))
    return xs[0] if len(xs) == 1 else ("list", xs)


def _shape_item(n):
    if n[0] == "rel":
        return _shape_relation(n[1], n[2]) or n
    if n[0] == "tuple":
        return ("tuple", n[1], n[2], [_shape_nested(x) for x in n[3]])
    if n[0] == "set":
        return ("set", [y for x in n[1] for y in _expand_pm(_shape_nested(x))])
    return n


def _shape_nested(n):
    return (_shape_relation(n[1], n[2]) or n) if n[0] == "rel" else n


def _shape_relation(ops, xs):
    if len(ops) == 1:
        op = ops[0]
        l, r = xs[0], xs[1]
        if op in ("=", "in"):
            if _is_lone_variable_of(l, r):
                return _shape_item(r)
            if op == "=" and _is_lone_variable_of(r, l):
                return l
            return None
        if op == "!=":
            bound = r if _is_lone_variable_of(l, r) else (l if _is_lone_variable_of(r, l) else None)
            if bound is None:
                return None
            return ("union", [("tuple", "(", ")", [_NEG_INF_NODE, bound]), ("tuple", "(", ")", [bound, _INF_NODE])])
        if _is_lone_variable_of(l, r):
            return _ray(op, r, False)
        if _is_lone_variable_of(r, l):
            return _ray(op, l, True)
        return None
    if len(ops) == 2:
        o1, o2 = ops
        a, x, b = xs
        if x[0] != "sym" or len(_free_vars(a)) + len(_free_vars(b)) > 0:
            return None
        up = lambda o: o in ("<", "<=")
        down = lambda o: o in (">", ">=")
        if up(o1) and up(o2):
            return _interval(a, o1 == "<=", b, o2 == "<=")
        if down(o1) and down(o2):
            return _interval(b, o2 == ">=", a, o1 == ">=")
    return None


def _ray(op, bound, flipped):
    o = op
    if flipped:
        o = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)
    if o == ">":
        return _interval(bound, False, _INF_NODE, False)
    if o == ">=":
        return _interval(bound, True, _INF_NODE, False)
    if o == "<":
        return _interval(_NEG_INF_NODE, False, bound, False)
    if o == "<=":
        return _interval(_NEG_INF_NODE, False, bound, True)
    return None


def _interval(lo, lo_closed, hi, hi_closed):
    return ("tuple", "[" if lo_closed else "(", "]" if hi_closed else ")", [lo, hi])


def _is_lone_variable_of(v, other):
    if v[0] != "sym" or v[1] == "\\dots":
        return False
    return v[1] not in _free_vars(other)


def _expand_pm(n):
    if not _has_pm(n):
        return [n]
    if n[0] in ("tuple", "set", "matrix", "union", "rel"):
        return [n]
    return [_choose_pm(n, 1), _choose_pm(n, -1)]


# --- compare.ts: (equal, undecided)

_RELATIVE_TOLERANCE = 1e-6
_ABSOLUTE_TOLERANCE = 1e-9
_MAX_ITEMS = 40
_SAMPLES = [0.5772, -1.3247, 2.2361, 0.8813, -0.4142, 1.618, -2.7183, 1.4142, 0.3183, -0.6931, 3.1623, 1.202]
_POINTS = 8
_EMPTY_ENV = {}


def _compare_nodes(a, b):
    if _is_scalar(a) and _is_scalar(b):
        return _compare_scalars(a, b)
    return _structural(a, b)


def _compare_scalars(a, b):
    names = _free_vars(a)
    _free_vars(b, names)
    if not names:
        return _compare_constants(a, b)
    return _compare_by_sampling(a, b, sorted(names))


def _close(x, y):
    d = abs(x - y)
    return d <= _ABSOLUTE_TOLERANCE or d <= _RELATIVE_TOLERANCE * max(abs(x), abs(y))


def _close_sample(x, y):
    d = abs(x - y)
    return d <= 1e-8 or d <= 1e-7 * max(abs(x), abs(y))


def _compare_constants(a, b):
    ea = _exact_value(a)
    eb = ea and _exact_value(b)
    if ea and eb:
        if ea == eb:
            return True, False
        if not _has_decimal(a) and not _has_decimal(b):
            return False, False
    fa = _eval_float(a, _EMPTY_ENV)
    fb = _eval_float(b, _EMPTY_ENV)
    if math.isnan(fa) or math.isnan(fb):
        return False, True
    if not _is_finite(fa) or not _is_finite(fb):
        if fa == fb and _has_infinity(a) and _has_infinity(b):
            return True, False
        if _has_infinity(a) or _has_infinity(b):
            return False, False
        return False, True
    return _close(fa, fb), False


def _env(names, p):
    return {v: _SAMPLES[(p * 5 + j * 7 + p * j) % len(_SAMPLES)] for j, v in enumerate(names)}


def _finite_samples(a, b, names):
    """The values of a and b at each sample point of their variables where both are finite."""
    for p in range(_POINTS):
        e = _env(names, p)
        fa = _eval_float(a, e)
        fb = _eval_float(b, e)
        if _is_finite(fa) and _is_finite(fb):
            yield fa, fb


def _compare_by_sampling(a, b, names):
    valid = 0
    for fa, fb in _finite_samples(a, b, names):
        if not _close_sample(fa, fb):
            return False, "i" in names
        valid += 1
    if valid < 3:
        return False, True
    return True, False


def _structural(a, b):
    if a[0] == "set" and len(a[1]) == 1 and _is_scalar(b):
        return _compare_nodes(a[1][0], b)
    if b[0] == "set" and len(b[1]) == 1 and _is_scalar(a):
        return _compare_nodes(a, b[1][0])
    if a[0] in ("list", "set") or b[0] in ("list", "set"):
        return _collections(a, b)
    if a[0] == "tuple" and b[0] == "tuple":
        if len(a[3]) != len(b[3]):
            return False, False
        if a[1] != b[1] or a[2] != b[2]:
            return False, False
        return _in_order(a[3], b[3])
    if a[0] == "matrix" or b[0] == "matrix":
        return _matrices(a, b)
    if a[0] == "union" and b[0] == "union":
        return _unordered(a[1], b[1], False)
    if a[0] == "rel" and b[0] == "rel":
        return _relations(a, b)
    return False, False


def _in_order(xs, ys):
    for x, y in zip(xs, ys):
        equal, undecided = _compare_nodes(x, y)
        if not equal:
            return False, undecided
    return True, False


def _is_paren_tuple(n):
    return n[0] == "tuple" and n[1] == "(" and n[2] == ")"


def _collections(a, b):
    if a[0] == "list" and _is_paren_tuple(b):
        return _ordered(a[1], b[3])
    if b[0] == "list" and _is_paren_tuple(a):
        return _ordered(a[3], b[1])
    xs = a[1] if a[0] in ("list", "set") else None
    ys = b[1] if b[0] in ("list", "set") else None
    if xs is None or ys is None:
        return False, False
    return _unordered(xs, ys, a[0] == "set" or b[0] == "set")


def _ordered(xs, ys):
    if len(xs) != len(ys):
        return False, False
    return _in_order(xs, ys)


def _unordered(xs, ys, set_semantics):
    if len(xs) > _MAX_ITEMS or len(ys) > _MAX_ITEMS:
        return False, True
    if not set_semantics and len(xs) != len(ys):
        return False, False
    eq = [[_compare_nodes(x, y)[0] for y in ys] for x in xs]
    if set_semantics:
        if any(not any(row) for row in eq):
            return False, False
        if any(not any(row[c] for row in eq) for c in range(len(ys))):
            return False, False
        return True, False
    match_of_y = [-1] * len(ys)

    def try_item(i, seen):
        for j in range(len(ys)):
            if not eq[i][j] or seen[j]:
                continue
            seen[j] = True
            if match_of_y[j] == -1 or try_item(match_of_y[j], seen):
                match_of_y[j] = i
                return True
        return False

    for i in range(len(xs)):
        if not try_item(i, [False] * len(ys)):
            return False, False
    return True, False


def _matrices(a, b):
    def cells(n):
        if n[0] == "matrix":
            return len(n[1]), len(n[1][0]), [x for row in n[1] for x in row]
        if _is_paren_tuple(n):
            return len(n[3]), 1, n[3]
        return None

    ca, cb = cells(a), cells(b)
    if ca is None or cb is None:
        return False, False
    vector = lambda c: c[0] == 1 or c[1] == 1
    same_shape = (ca[0] == cb[0] and ca[1] == cb[1]) or (vector(ca) and vector(cb) and len(ca[2]) == len(cb[2]))
    if not same_shape:
        return False, False
    return _in_order(ca[2], cb[2])


def _relations(a, b):
    if len(a[1]) == 1 and len(b[1]) == 1 and a[1][0] == "=" and b[1][0] == "=":
        da = ("add", [a[2][0], ("neg", a[2][1])])
        db = ("add", [b[2][0], ("neg", b[2][1])])
        return _proportional(da, db)
    if len(a[1]) != len(b[1]) or any(o != p for o, p in zip(a[1], b[1])):
        return False, False
    return _in_order(a[2], b[2])


def _proportional(a, b):
    names = sorted(_free_vars(b, _free_vars(a)))
    ratio = None
    valid = 0
    for fa, fb in _finite_samples(a, b, names):
        if abs(fa) < 1e-12 and abs(fb) < 1e-12:
            continue
        if abs(fb) < 1e-12 or abs(fa) < 1e-12:
            return False, False
        r = fa / fb
        if ratio is None:
            ratio = r
        elif not _close_sample(r, ratio):
            return False, False
        valid += 1
    if valid < 2:
        return False, True
    return True, False
