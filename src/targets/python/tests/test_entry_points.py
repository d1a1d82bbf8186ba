"""The entry points of the engines (rlx_reward.entry_points): what verl's compute_score and
OpenRLHF's reward_func return, how responses are numbered, and the per-step metric lines."""
import contextlib
import io
import json
import math
import unittest
from unittest import mock

from rlx_reward import entry_points
from rlx_reward.entry_points import Experiment, compute_score, reward_func, score, serve
from rlx_reward.primitives import Sample, _boxed_count, _equals_label, _random


def draws(s):
    return _random(s, 0.5, 0)


EXPERIMENT = Experiment(
    seed=7,
    reward=lambda s: _equals_label(s, None),
    tracks=[("boxes", _boxed_count), ("draw", draws), ("votes", lambda s: _equals_label(s, "labels_1"))],
    label_ports=["labels_1"],
    responses_per_step=3,
)


class EntryPointsTest(unittest.TestCase):
    def setUp(self):
        serve(EXPERIMENT)

    def test_score_gives_reward_accuracy_and_tracks(self):
        values = score(r"so \boxed{4}", "4", {"labels_1": "5"}, "4", step=1, prompt_index=2, sample_index=3)
        draw = 1.0 if draws(Sample("", None, seed=7, step=1, prompt_index=2, sample_index=3)) else 0.0
        self.assertEqual(values, {"score": 1.0, "accuracy": 1.0, "boxes": 1.0, "draw": draw, "votes": 0.0})
        self.assertTrue(math.isnan(score("4", "4")["accuracy"]))

    def test_compute_score_numbers_a_prompts_responses_in_the_order_scored(self):
        info = {"split": "train", "index": 101, "step": 2, "prompt_index": 4, "truth": "4", "labels_1": "4"}
        got = [compute_score("rlx/train", r"\boxed{4}", "4", info) for _ in range(3)]
        expected = [score(r"\boxed{4}", "4", {"labels_1": "4"}, "4", 7, 2, 4, k) for k in range(3)]
        self.assertEqual(got, expected)
        # another prompt starts its own count
        other = compute_score("rlx/train", r"\boxed{4}", "4", dict(info, index=102))
        self.assertEqual(other, expected[0])

    def test_an_evaluation_is_scored_by_its_accuracy(self):
        info = {"split": "test", "index": 201, "truth": "4"}
        self.assertEqual(compute_score("rlx/test", r"\boxed{4}", "5", info)["score"], 1.0)
        self.assertEqual(compute_score("rlx/test", r"\boxed{5}", "5", info)["score"], 0.0)

    def test_reward_func_strips_the_prompt_and_logs_means(self):
        labels = [json.dumps({"label": "4", "truth": "4", "index": 301, "step": 1}), {"label": "4", "index": 302}, "4"]
        out = reward_func(["Q: 2+2? " + r"\boxed{4}", r"\boxed{5}", r"\boxed{4}"], ["Q: 2+2? ", "", "other "], labels)
        rewards = [float(x) for x in out["rewards"]]
        self.assertEqual(rewards, [1.0, 0.0, 1.0])
        self.assertEqual([float(x) for x in out["scores"]], rewards)
        logs = {k: [float(x) for x in v] for k, v in out["extra_logs"].items()}
        self.assertEqual(logs["accuracy"], [1.0])  # only the first response knows its truth
        self.assertEqual(logs["boxes"], [1.0])

    def test_without_a_served_experiment_scoring_says_why(self):
        with mock.patch.object(entry_points, "_SERVED", []):
            with self.assertRaisesRegex(RuntimeError, "no experiment"):
                score("4", "4")


class MetricsTest(unittest.TestCase):
    def setUp(self):
        serve(EXPERIMENT)

    def test_a_step_is_reported_once_its_responses_are_scored(self):
        out = io.StringIO()
        # No flushing thread (a non-empty _FLUSHER): lines come only when a step is due.
        with mock.patch.object(entry_points, "_REPORT", True), mock.patch.object(entry_points, "_FLUSHER", [None]), \
                contextlib.redirect_stdout(out):
            for k in range(3):
                info = {"split": "train", "index": 401, "step": 1000, "truth": "4"}
                compute_score("rlx/train", r"\boxed{4}" if k else "none", "4", info)
        lines = [l for l in out.getvalue().splitlines() if '"step": 1000' in l]
        self.assertEqual(len(lines), 2, out.getvalue())  # when the step starts, and when its 3 responses are in
        self.assertTrue(lines[-1].startswith("rlx-metrics "))
        record = json.loads(lines[-1][len("rlx-metrics "):])
        self.assertEqual((record["n"], record["sums"]["score"], record["counts"]["accuracy"]), (3, 2.0, 3))

    def test_metrics_off_print_nothing(self):
        out = io.StringIO()
        with mock.patch.object(entry_points, "_REPORT", False), contextlib.redirect_stdout(out):
            compute_score("rlx/train", r"\boxed{4}", "4", {"split": "train", "index": 402, "step": 1001})
        self.assertEqual(out.getvalue(), "")
        self.assertNotIn(1001, entry_points._TOTALS)


if __name__ == "__main__":
    unittest.main()
