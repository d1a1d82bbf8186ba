"""The math grader, part 1: brace matching and extraction of the final answer
(src/reward/math/braces.ts, extract.ts)."""

import re

from .js_compat import _DOT, _S, _rx, _trim, _u16len

# --- braces.ts


# An unescaped brace, or a backslash with the character it escapes (\{ and \} are literal braces).
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.S)


def _braces(s, start=0):
    """(index, "{" or "}") of every unescaped brace of s from start on, in order."""
    for m in _BRACE_OR_ESCAPE.finditer(s, start):
        c = m.group()
        if len(c) == 1:
            yield m.start(), c


def _closing_brace(s, start):
    """The index of the "}" that closes the "{" at start, or -1 when it is never closed."""
    depth = 0
    for i, c in _braces(s, start):
        depth += 1 if c == "{" else -1
        if depth == 0:
            return i
    return -1


def _braces_balanced(s):
    depth = 0
    for _, c in _braces(s):
        depth += 1 if c == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _replace_command(s, names, f):
    if "\\" not in s:
        return s
    rx = re.compile("\\\\(" + "|".join(names) + ")(?![a-zA-Z])" + _S + "*\\{", re.ASCII)
    out, last, pos = [], 0, 0
    while True:
        m = rx.search(s, pos)
        if not m:
            break
        start = m.end() - 1
        close = _closing_brace(s, start)
        if close < 0:
            pos = m.end()
            continue
        out.append(s[last:m.start()])
        out.append(f(s[start + 1:close], m.group(1)))
        last = close + 1
        pos = close + 1
    if last == 0:
        return s
    out.append(s[last:])
    return "".join(out)


def _brace_matches(s):
    match = [-1] * len(s)
    stack = []
    for i, c in _braces(s):
        if c == "{":
            stack.append(i)
        elif stack:
            match[stack.pop()] = i
    return match


# --- extract.ts

_MAX_BOX = 4096
_MAX_PHRASE_ANSWER = 300
_CODE_LANGUAGES = _rx(r"^(?:python|py|python3|js|javascript|ts|typescript|c|cpp|c\+\+|java|sh|bash|julia|r|sage|matlab|code)\Z", re.I)
_BOX_WORD = _rx(r"^[^\s$\\{}]+")
_BOX_COMMAND = _rx(r"^\\[a-zA-Z]+[^\s$]*")
_NESTED_BOX = re.compile(r"^\\(?:boxed|fbox)")
_FENCE = "```"  # a fenced block
_FENCE_LANG = re.compile(r"^[^\n`]*")


def _is_letter(ch):
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z")


def _span16(s, a, b):
    """b - a in UTF-16 code units, as JavaScript measures it."""
    return (b - a) if b - a < 2048 else _u16len(s[a:b])


def _scan_boxes(s):
    out = []
    matches = None
    i, n = 0, len(s)
    while True:
        nb = s.find("\\boxed", i)
        nf = s.find("\\fbox", i)
        b = nf if nb < 0 else (nb if nf < 0 else min(nb, nf))
        if b < 0:
            break
        j = b + (6 if s.startswith("\\boxed", b) else 5)
        i = j
        if j < n and _is_letter(s[j]):
            continue
        while j < n and s[j] in " \t":
            j += 1
        if j < n and s[j] == "{":
            if matches is None:
                matches = _brace_matches(s)
            close = matches[j]
            if close < 0 or _span16(s, j, close) > _MAX_BOX:
                continue
            content = _trim(s[j + 1:close])
            if content != "":
                out.append((b, content))
            i = close + 1
        else:
            window = s[j:j + 200]
            m = _BOX_WORD.match(window) or _BOX_COMMAND.match(window)
            if m and not _NESTED_BOX.match(m.group(0)):
                out.append((b, m.group(0)))
                i = j + len(m.group(0))
    return out


def _fenced_blocks(s):
    out = []
    i = s.find(_FENCE)
    while i >= 0:
        close = s.find(_FENCE, i + 3)
        if close < 0:
            break
        lang = _trim(_FENCE_LANG.match(s[i + 3:i + 40]).group(0))
        out.append((i, close + 3, bool(_CODE_LANGUAGES.match(lang))))
        i = s.find(_FENCE, close + 3)
    return out


def _fence_at(fences, at):
    lo, hi = 0, len(fences) - 1
    while lo <= hi:
        mid = (lo + hi) >> 1
        start, end, _ = fences[mid]
        if at < start:
            hi = mid - 1
        elif at >= end:
            lo = mid + 1
        else:
            return fences[mid]
    return None


def find_boxes(response):
    if "\\boxed" not in response and "\\fbox" not in response:
        return []
    fences = _fenced_blocks(response)
    boxes = _scan_boxes(response)
    if not fences:
        return [c for _, c in boxes]
    outside = [c for at, c in boxes if _fence_at(fences, at) is None]
    if outside:
        return outside
    return [c for at, c in boxes if not _fence_at(fences, at)[2]]


_PHRASES = ["final answer is", "final answer:", "final answer", "the answer is", "answer:"]
_PHRASE_LEAD = _rx(r"^[\s*:_]*(?:is\b)?[\s*:_]*", re.I)
_EMPHASIS_LINE = re.compile(r"^[*_#]+\Z")
_I_HOPE = _rx(r"\.\s*I hope" + _DOT + r"*\Z", re.I)
_SENTENCE_END = _rx(r"(?:\.|\*\*)(?:\s|\Z)" + _DOT + r"*\Z")
_ANSWER_EDGES = _rx(r"^[*_\s]+|[*_\s.]+\Z")
_MATH_SPANS = [
    re.compile(r"\$\$([^$]+)\$\$"),
    re.compile(r"\$([^$]+)\$"),
    re.compile(r"\\\((" + _DOT + r"+?)\\\)"),
    re.compile(r"\\\[(" + _DOT + r"+?)\\\]"),
]


def _first_math(line):
    for rx in _MATH_SPANS:
        m = rx.search(line)
        if m:
            return _trim(m.group(1))
    return None


def _final_answer_phrase(response):
    lower = response.lower()
    best, best_len = -1, 0
    for p in _PHRASES:
        at = lower.rfind(p)
        if at > best or (at == best and len(p) > best_len):
            best, best_len = at, len(p)
    if best < 0:
        return None
    rest = response[best + best_len:best + best_len + _MAX_PHRASE_ANSWER * 2]
    rest = _PHRASE_LEAD.sub("", rest, count=1)
    lines = rest.split("\n")
    line = _trim(lines[0])
    if line == "" or _EMPHASIS_LINE.match(line):
        line = _trim(next((l for l in lines[1:] if _trim(l) != ""), ""))
    line = line[:_MAX_PHRASE_ANSWER]
    answer = _first_math(line)
    if answer is None:
        answer = _SENTENCE_END.sub("", _I_HOPE.sub("", line, count=1), count=1)
    answer = _trim(_ANSWER_EDGES.sub("", answer))
    if answer == "" or "\\boxed" in answer or "\\fbox" in answer:
        return None
    return answer


def extract_answer(response):
    """(answer, source, boxes): the last non-empty box, else a final-answer phrase."""
    boxes = find_boxes(response)
    if boxes:
        return boxes[-1], "boxed", boxes
    phrase = _final_answer_phrase(response)
    if phrase is not None:
        return phrase, "final-answer", boxes
    return None, "none", boxes
