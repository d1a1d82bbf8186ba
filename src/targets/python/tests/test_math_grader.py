"""The math grader's verdict (rlx_reward.math_grader), through its comparison of answer trees
(rlx_reward.math_compare) and the fallback where the TypeScript grader asks a CAS
(rlx_reward.math_fallback, here without Math-Verify)."""
import math
import unittest

from rlx_reward.math_compare import _eval_function
from rlx_reward.math_fallback import MATH_GRADER
from rlx_reward.math_grader import math_equal

EQUAL = [
    ("0.5", r"\frac{1}{2}"),
    (r"\frac{2}{4}", r"\frac12"),
    ("14.0", "14"),
    ("1,000", "1000"),
    ("(x+1)^2", "x^2+2x+1"),
    (r"\sqrt{8}", r"2\sqrt{2}"),
    (r"\{2, 1\}", r"\{1, 2\}"),
    ("1, 2", "2, 1"),
    (r"\pm 2", "2, -2"),
    ("x > 1", r"(1, \infty)"),
    ("2y = 4x + 2", "y - 2x - 1 = 0"),
    ("(B)", "B"),
    (r"50\%", "50"),
    (r"2\frac{1}{2}", r"\frac{5}{2}"),
    ("2i", "(1+i)^2"),
    (r"0.\overline{3}", r"\frac13"),
]
NOT_EQUAL = [
    ("0.33", r"\frac13"),
    ("(1, 2)", "(2, 1)"),
    ("[1, 2)", "[1, 2]"),
    ("x^2", "2x"),
    ("3-4i", "3+4i"),
    ("", "1"),
    ("the Red Sox", "the Yankees"),
    ("(A)", "B"),
]


class MathEqualTest(unittest.TestCase):
    def test_equivalent_answers(self):
        self.assertEqual([p for p, g in EQUAL if not math_equal(p, g)], [])

    def test_different_answers(self):
        self.assertEqual([p for p, g in NOT_EQUAL if math_equal(p, g)], [])

    def test_without_math_verify_the_standard_library_grader_decides(self):
        self.assertEqual(MATH_GRADER, "rlx standard-library grader")


class EvalFunctionTest(unittest.TestCase):
    """JavaScript's Math on the functions an answer may use: NaN and infinities, not exceptions."""

    def test_values(self):
        self.assertEqual(_eval_function("sqrt", [16.0]), 4.0)
        self.assertEqual(_eval_function("sec", [0.0]), 1.0)
        self.assertEqual(_eval_function("root", [3.0, -8.0]), -2.0)
        self.assertEqual(_eval_function("log", [2.0, 8.0]), math.log(8.0) / math.log(2.0))
        self.assertEqual(_eval_function("binom", [5.0, 2.0]), 10.0)
        self.assertEqual(_eval_function("fact", [5.0]), 120.0)

    def test_out_of_domain_is_nan_and_overflow_is_infinity(self):
        for name, x in [("sqrt", -1.0), ("arcsin", 2.0), ("sin", math.inf), ("arctan", math.nan), ("fact", 2.5), ("nope", 1.0)]:
            self.assertTrue(math.isnan(_eval_function(name, [x])), name)
        self.assertEqual(_eval_function("ln", [0.0]), -math.inf)
        self.assertEqual(_eval_function("exp", [1000.0]), math.inf)
        self.assertEqual(_eval_function("sinh", [-1000.0]), -math.inf)
        self.assertEqual(_eval_function("cosh", [-1000.0]), math.inf)
        self.assertEqual(_eval_function("fact", [171.0]), math.inf)
        self.assertEqual(_eval_function("csc", [0.0]), math.inf)


if __name__ == "__main__":
    unittest.main()
