"""The reward primitives: random(p) (bit for bit), format(template), the bounded input of
matches(regex), and the per-sample context a compiled reward expression reads."""

from .js_compat import _js_str, _trim, _u16len
from .math_extract import extract_answer
from .math_grader import math_equal

# ---------------------------------------------------------------------------
# random(p): src/reward/random.ts, bit for bit.
# ---------------------------------------------------------------------------

_HASH_START = 0x524C5831


def _mix32(x):
    x &= 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x7FEB352D) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x846CA68B) & 0xFFFFFFFF
    x ^= x >> 16
    return x


def uniform_at(seed, step, prompt_index, sample_index, term):
    """The uniform draw in [0, 1) at a site: hash(seed, step, prompt, sample, term) / 2^32."""
    h = _HASH_START
    for v in (seed, step, prompt_index, sample_index, term):
        v = int(v)
        if v < 0 or v >= 2 ** 53:
            raise ValueError("random(p) needs non-negative whole coordinates, got %r" % (v,))
        h = _mix32(h ^ (v & 0xFFFFFFFF))
        h = _mix32(h ^ (v // 4294967296))
    return h / 4294967296.0


# ---------------------------------------------------------------------------
# format(template): src/reward/format.ts.
# ---------------------------------------------------------------------------


def _is_blank(text):
    return _trim(text) == ""


def check_format(style, response):
    if _is_blank(response):
        return False
    if style == "chat":
        if "<|im_start|>" in response:
            return False
        end = response.find("<|im_end|>")
        if end >= 0 and not _is_blank(response[end + len("<|im_end|>"):]):
            return False
        if end >= 0 and _is_blank(response[:end]):
            return False
        return True
    if style == "r1":
        close = response.rfind("</think>")
        if close < 0:
            return False
        answer = response[close + len("</think>"):]
        if _is_blank(answer):
            return False
        start = answer.find("<answer>")
        if start >= 0:
            stop = answer.find("</answer>", start)
            if stop < 0:
                return False
            if _is_blank(answer[start + len("<answer>"):stop]):
                return False
        return True
    return True


# matches(pattern) reads at most this many UTF-16 code units of a response (src/reward/regex.ts).
_MAX_MATCH_INPUT = 1 << 20


def _bounded(text):
    if len(text) * 2 <= _MAX_MATCH_INPUT or _u16len(text) <= _MAX_MATCH_INPUT:
        return text
    out, units = [], 0
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > _MAX_MATCH_INPUT:
            break
        out.append(ch)
    return "".join(out)

# ---------------------------------------------------------------------------
# One response while a reward is evaluated on it, and the reward primitives
# (src/reward/sampleContext.ts, src/reward/primitives.ts).
# ---------------------------------------------------------------------------


class Sample(object):
    """A response with its label(s) and the coordinates random(p) draws at."""

    def __init__(self, response, label, labels=None, seed=0, step=0, prompt_index=0, sample_index=0):
        self.response = response
        self.label = label
        self.labels = labels
        self.seed = seed
        self.step = step
        self.prompt_index = prompt_index
        self.sample_index = sample_index
        self._extraction = None
        self._lower = None
        self._verdicts = {}

    def extraction(self):
        if self._extraction is None:
            self._extraction = extract_answer(self.response)
        return self._extraction

    def lower(self):
        if self._lower is None:
            self._lower = self.response.lower()
        return self._lower

    def label_under(self, port):
        """The label under a labelling the reward names (its port), or the experiment's own."""
        if port is None or self.labels is None:
            return self.label
        return self.labels.get(port)

    def verdict(self, label):
        if label not in self._verdicts:
            answer = self.extraction()[0]
            self._verdicts[label] = None if answer is None else math_equal(answer, label)
        return self._verdicts[label]


def _equals_label(s, port):
    label = s.label_under(port)
    return label is not None and s.verdict(label) is True


def _boxed_count(s):
    return len(s.extraction()[2])


def _contains(s, needle, ignore_case):
    if ignore_case:
        return needle.lower() in s.lower()
    return needle in s.response


def _matches(s, rx):
    return rx.search(_bounded(s.response)) is not None


def _random(s, p, term):
    return uniform_at(s.seed, s.step, s.prompt_index, s.sample_index, term) < p


def _length(s):
    return len(s.response)


def _format(s, style):
    return check_format(style, s.response)


def _label_text(s):
    return "" if s.label is None else s.label


def _len(v):
    return len(_js_str(v))
