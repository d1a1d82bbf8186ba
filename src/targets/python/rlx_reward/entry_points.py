"""Scoring, the coordinates random(p) draws at, per-step metric lines, and the entry points of the
engines: compute_score (verl) and reward_func (OpenRLHF)."""

import atexit
import json
import os
import sys
import threading
import time

from .js_compat import _NAN, _num
from .math_fallback import MATH_GRADER
from .primitives import Sample


class Experiment(object):
    """What a generated module compiled: its reward and each track (name, function) as functions
    of a Sample, the label ports its labellings read, the run's seed, and how many responses one
    step scores (prompts_per_step x group_size; 0 when not known)."""

    def __init__(self, seed, reward, tracks=(), label_ports=(), responses_per_step=0):
        self.seed = seed
        self.reward = reward
        self.tracks = list(tracks)
        self.label_ports = list(label_ports)
        self.responses_per_step = responses_per_step


# The experiment the entry points score. A generated module serves its own as it loads; the entry
# points stay plain module-level functions, as verl and OpenRLHF look them up by name.
_SERVED = []


def serve(experiment):
    """Makes score, compute_score and reward_func score this experiment."""
    _SERVED[:] = [experiment]
    if _REPORT:
        print("rlx reward module (seed %d): math is graded by the %s" % (experiment.seed, MATH_GRADER), file=sys.stderr)


def _served():
    if not _SERVED:
        raise RuntimeError("no experiment to score: a generated reward module serves one as it loads")
    return _SERVED[0]


def score(response, label, labels=None, truth=None, seed=None, step=0, prompt_index=0, sample_index=0):
    """Every value rlx computes for one response: the reward ("score"), "accuracy" against the
    ground truth (NaN when it is not known) and each tracked expression under its name."""
    experiment = _served()
    s = Sample(response, label, labels, experiment.seed if seed is None else seed, step, prompt_index, sample_index)
    out = {"score": float(_num(experiment.reward(s)))}
    out["accuracy"] = _NAN if truth is None else (1.0 if s.verdict(truth) is True else 0.0)
    for name, f in experiment.tracks:
        out[name] = float(_num(f(s)))
    return out


_LOCK = threading.Lock()
_SAMPLES_SEEN = {}


def _next_sample_index(split, index, step):
    """Which of its prompt's responses this is: the engines do not say, so responses are numbered
    in the order this process scores them (0, 1, ... per prompt and step)."""
    key = (split, index, step)
    with _LOCK:
        k = _SAMPLES_SEEN.get(key, 0)
        _SAMPLES_SEEN[key] = k + 1
    return k


def _whole(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _text(value):
    return None if value is None else str(value)


# Per-step sums of every value, printed as "rlx-metrics {json}" lines that rlx run --engine reads
# (reward, accuracy and tracked frequencies, which the engines do not log). RLX_METRICS=0: silent.
_REPORT = os.environ.get("RLX_METRICS", "1") not in ("0", "false", "no")
_TOTALS = {}
_DIRTY = set()
_LAST_STEP = [-1]


_FLUSHER = []


def _record(step, values, responses_per_step):
    if not _REPORT:
        return
    with _LOCK:
        n, sums, counts = _TOTALS.setdefault(step, [0, {}, {}])
        _TOTALS[step][0] = n + 1
        for k, v in values.items():
            if v == v:
                sums[k] = sums.get(k, 0.0) + v
                counts[k] = counts.get(k, 0) + 1
        _DIRTY.add(step)
        # A step is reported when this process has scored all its responses, when the next step
        # starts, and otherwise within a second (responses may be shared among several processes).
        due = step > _LAST_STEP[0] or n + 1 == responses_per_step
        _LAST_STEP[0] = max(_LAST_STEP[0], step)
        if not _FLUSHER:
            _FLUSHER.append(threading.Thread(target=_flush_every_second, name="rlx-metrics", daemon=True))
            _FLUSHER[0].start()
    if due:
        _flush()


def _flush_every_second():
    while True:
        time.sleep(1.0)
        _flush()


def _flush():
    with _LOCK:
        steps = sorted(_DIRTY)
        _DIRTY.clear()
        lines = []
        for step in steps:
            n, sums, counts = _TOTALS[step]
            record = {"pid": os.getpid(), "step": step, "n": n, "sums": sums, "counts": counts}
            lines.append("rlx-metrics " + json.dumps(record, sort_keys=True))
    for line in lines:
        print(line)
    if lines:
        sys.stdout.flush()


atexit.register(_flush)


def _score_row(response, label, info):
    """Scores one response of a prompt given the row information the export wrote."""
    split = str(info.get("split") or "train")
    index = _whole(info.get("index"), 0)
    step = _whole(info.get("step"), 0)
    experiment = _served()
    ports = experiment.label_ports
    labels = {port: _text(info.get(port)) for port in ports} if ports else None
    values = score(
        response,
        _text(label),
        labels,
        _text(info.get("truth")),
        experiment.seed,
        step,
        _whole(info.get("prompt_index"), index),
        _next_sample_index(split, index, step),
    )
    if split == "train":
        _record(step, values, experiment.responses_per_step)
    else:
        # Evaluations are graded by math against the ground truth, as rlx run grades them.
        values["score"] = values["accuracy"]
    return values


def compute_score(data_source=None, solution_str="", ground_truth=None, extra_info=None, **kwargs):
    """verl's custom reward function: {"score": reward, "accuracy": ..., <track>: ...}."""
    info = extra_info if isinstance(extra_info, dict) else {}
    return _score_row(solution_str or "", ground_truth, info)


def _label_info(label):
    if isinstance(label, dict):
        return label
    if isinstance(label, str):
        try:
            info = json.loads(label)
            if isinstance(info, dict):
                return info
        except ValueError:
            pass
    return {"label": label}


def _tensor(values):
    try:
        import torch  # OpenRLHF always has it; without it plain lists serve

        return torch.tensor(values, dtype=torch.float32)
    except ImportError:
        return list(values)


def reward_func(queries, prompts, labels, **kwargs):
    """OpenRLHF's reward function: rewards, scores and the mean of every other value as extra_logs."""
    rewards = []
    logs = {}
    for i, query in enumerate(queries):
        prompt = prompts[i] if prompts is not None and i < len(prompts) else ""
        info = _label_info(labels[i] if labels is not None and i < len(labels) else None)
        response = query[len(prompt):] if isinstance(prompt, str) and prompt and query.startswith(prompt) else query
        values = _score_row(response, info.get("label"), info)
        rewards.append(values["score"])
        for k, v in values.items():
            if k != "score" and v == v:
                logs.setdefault(k, []).append(v)
    return {
        "rewards": _tensor(rewards),
        "scores": _tensor(rewards),
        "extra_logs": {k: _tensor([sum(v) / len(v)]) for k, v in logs.items()},
    }

