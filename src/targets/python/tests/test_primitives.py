"""The reward primitives (rlx_reward.primitives): random(p) bit for bit with src/reward/random.ts,
format(template), and the bounded input of matches(regex)."""
import re
import unittest

from rlx_reward.primitives import _MAX_MATCH_INPUT, Sample, _bounded, _matches, _random, check_format, uniform_at

# hash(seed, step, prompt, sample, term) = uniform_at(...) * 2^32, as src/reward/random.ts computes it.
TYPESCRIPT_HASHES = [
    ((0, 0, 0, 0, 0), 1360625472),
    ((0, 1, 0, 0, 0), 3044407136),
    ((1, 2, 3, 4, 5), 3440134888),
    ((42, 17, 255, 7, 1), 2488885925),
    ((4294967295, 4294967296, 1, 0, 2), 3065179224),
    ((9007199254740991, 0, 0, 0, 0), 4191644434),
    ((7, 2 ** 40 + 3, 12, 3, 0), 2119273112),
]


def lowbias32_hash(coordinates):
    """The documented hash, written again: each coordinate's low then high 32 bits through lowbias32."""
    def mix(x):
        x ^= x >> 16
        x = (x * 0x7FEB352D) % 2 ** 32
        x ^= x >> 15
        x = (x * 0x846CA68B) % 2 ** 32
        return x ^ (x >> 16)

    h = 0x524C5831
    for v in coordinates:
        for half in (v % 2 ** 32, v >> 32):
            h = mix(h ^ half)
    return h


class RandomTest(unittest.TestCase):
    def test_draws_are_the_typescript_engines_bit_for_bit(self):
        for coordinates, h in TYPESCRIPT_HASHES:
            self.assertEqual(uniform_at(*coordinates), h / 2 ** 32, coordinates)

    def test_draws_are_the_documented_hash(self):
        for seed in range(3):
            for step in (0, 1, 99):
                for term in range(3):
                    coordinates = (seed, step, 5, 2, term)
                    self.assertEqual(uniform_at(*coordinates), lowbias32_hash(coordinates) / 2 ** 32, coordinates)

    def test_coordinates_are_whole_and_below_2_to_the_53(self):
        for bad in (-1, 2 ** 53):
            with self.assertRaises(ValueError):
                uniform_at(0, bad, 0, 0, 0)

    def test_random_p_is_the_draw_below_p(self):
        s = Sample("r", None, seed=3, step=4, prompt_index=5, sample_index=6)
        u = uniform_at(3, 4, 5, 6, 1)
        self.assertTrue(_random(s, u + 1e-12, 1))
        self.assertFalse(_random(s, u, 1))


class FormatTest(unittest.TestCase):
    def test_chat(self):
        self.assertTrue(check_format("chat", "The answer is 4.<|im_end|>"))
        self.assertFalse(check_format("chat", "4<|im_end|> and more"))
        self.assertFalse(check_format("chat", "<|im_start|>assistant 4"))
        self.assertFalse(check_format("chat", " \u3000\n"))

    def test_r1(self):
        self.assertTrue(check_format("r1", "<think>2+2</think> <answer>4</answer>"))
        self.assertTrue(check_format("r1", "<think>2+2</think> 4"))
        self.assertFalse(check_format("r1", "<think>2+2</think> <answer> </answer>"))
        self.assertFalse(check_format("r1", "<think>2+2</think> <answer>4"))
        self.assertFalse(check_format("r1", "4"))


class MatchesTest(unittest.TestCase):
    def test_a_pattern_reads_at_most_the_bound_in_utf16_units(self):
        self.assertEqual(len(_bounded("a" * (_MAX_MATCH_INPUT + 5))), _MAX_MATCH_INPUT)
        # a character outside the BMP is two units, as in JavaScript
        self.assertEqual(len(_bounded("\U0001F600" * _MAX_MATCH_INPUT)), _MAX_MATCH_INPUT // 2)
        tail = re.compile("b$")
        self.assertFalse(_matches(Sample("a" * _MAX_MATCH_INPUT + "b", None), tail))
        self.assertTrue(_matches(Sample("a" * 10 + "b", None), tail))


if __name__ == "__main__":
    unittest.main()
