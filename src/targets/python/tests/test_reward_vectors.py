"""The shared reward vectors (test/fixtures/reward_vectors.jsonl, computed by the TypeScript engine)
scored by the package, with the compiled experiment the export generates for them."""
import os
import unittest

from rlx_reward import score

from .helpers import FIXTURES, read_jsonl, run_experiment


class RewardVectorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.experiment = run_experiment(os.path.join(FIXTURES, "reward_vectors_experiment.py"))
        cls.vectors = read_jsonl("reward_vectors.jsonl")

    def test_every_vector_scores_its_expected_values(self):
        self.assertGreaterEqual(len(self.vectors), 200)
        mismatches = []
        for v in self.vectors:
            values = score(v["response"], v["label"], v["labels"], v["truth"], v["seed"], v["step"], v["prompt_index"],
                           v["sample_index"])
            self.assertEqual(values["score"], v["expected"]["math"], v["id"])
            self.assertEqual(sorted(values), sorted(list(v["expected"]) + ["score"]), v["id"])
            for name, expected in v["expected"].items():
                if values[name] != expected:
                    mismatches.append("%s: %s = %r in Python, %r in TypeScript" % (v["id"], name, values[name], expected))
        self.assertEqual(mismatches, [])

    def test_the_experiment_is_the_vectors_own(self):
        # The reward is math; every expression of the vectors is a track, in the file's order.
        self.assertEqual(self.experiment["REWARD"], "math")
        names = [name for name in self.vectors[0]["expected"] if name != "accuracy"]
        self.assertEqual([name for name, _ in self.experiment["TRACKS"]], names)


if __name__ == "__main__":
    unittest.main()
