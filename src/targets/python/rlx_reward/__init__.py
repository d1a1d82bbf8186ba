"""rlx's reward engine in Python (3.8+, standard library only): the runtime of the reward module
that `rlx export` generates, which scores responses exactly as the TypeScript engine does.

The export inlines these modules, in the order their imports need, into one self-contained
reward.py (src/targets/python/runtime.ts says why), followed by the compiled experiment, which
calls serve(Experiment(...)). So that the inlined modules can share one namespace, each imports
what it uses from the others under the same name, and no two define the same name (a test checks).
"""

from .entry_points import Experiment, compute_score, reward_func, score, serve
from .math_extract import extract_answer
from .math_fallback import MATH_GRADER
from .math_grader import math_equal
from .math_normalize import normalize
from .primitives import Sample, check_format, uniform_at

__all__ = [
    "MATH_GRADER",
    "Experiment",
    "Sample",
    "check_format",
    "compute_score",
    "extract_answer",
    "math_equal",
    "normalize",
    "reward_func",
    "score",
    "serve",
    "uniform_at",
]
