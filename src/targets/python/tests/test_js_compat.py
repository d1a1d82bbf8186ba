"""JavaScript's semantics in Python (rlx_reward.js_compat): the values a reward computes must be
the TypeScript engine's, NaN and infinities included."""
import math
import unittest

from rlx_reward.js_compat import _js_div, _js_pow, _js_str, _num, _op, _rx, _trim, _u16len

INF = math.inf


class NumbersTest(unittest.TestCase):
    def test_number_of_a_text(self):
        for text, value in [("", 0.0), (" 12 ", 12.0), ("0x1f", 31.0), ("1e3", 1000.0), (".5", 0.5), ("5.", 5.0),
                            ("-Infinity", -INF), ("\u00a012\u2003", 12.0), (True, 1.0), (False, 0.0)]:
            self.assertEqual(_num(text), value, text)
        for text in ["abc", "1_000", "0x", "1e", "--1", "Infinityx"]:
            self.assertTrue(math.isnan(_num(text)), text)

    def test_string_of_a_number(self):
        for x, text in [(0.0, "0"), (-0.0, "0"), (-1.5, "-1.5"), (0.1, "0.1"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
                        (1.5e-7, "1.5e-7"), (1e-6, "0.000001"), (2.0 ** 53, "9007199254740992"), (1 / 3, "0.3333333333333333"),
                        (5e-324, "5e-324"), (math.nan, "NaN"), (-INF, "-Infinity"), (True, "true")]:
            self.assertEqual(_js_str(x), text, x)

    def test_division_and_powers(self):
        self.assertEqual(_js_div(1.0, 0.0), INF)
        self.assertEqual(_js_div(1.0, -0.0), -INF)
        self.assertTrue(math.isnan(_js_div(0.0, 0.0)))
        self.assertTrue(math.isnan(_js_pow(-8.0, 1 / 3)))
        self.assertTrue(math.isnan(_js_pow(1.0, INF)))
        self.assertEqual(_js_pow(math.nan, 0.0), 1.0)
        self.assertEqual(_js_pow(0.0, -1.0), INF)
        self.assertEqual(_js_pow(-0.0, -1.0), -INF)
        self.assertEqual(_js_pow(-10.0, 309.0), -INF)
        self.assertEqual(_js_pow(10.0, 309.0), INF)


class OperatorsTest(unittest.TestCase):
    def test_operators_take_numbers_as_javascript_does(self):
        self.assertEqual(_op("add", "2", True), 3.0)
        self.assertTrue(_op("eq", "1", 1.0))
        self.assertFalse(_op("eq", "1.0", "1"))
        self.assertTrue(_op("lt", False, "0.5"))
        self.assertEqual(_op("neg", "3"), -3.0)
        with self.assertRaises(ValueError):
            _op("pow", 1.0, 2.0)


class TextTest(unittest.TestCase):
    def test_white_space_is_javascripts(self):
        self.assertEqual(_trim("\ufeff\u2028 a \u3000"), "a")
        self.assertEqual(_trim("\x85a"), "\x85a")  # NEL is white space to Python, not to JavaScript
        self.assertTrue(_rx(r"^\s$").match("\u00a0"))
        self.assertFalse(_rx(r"^\s$").match("\x85"))
        self.assertTrue(_rx(r"^[\s,]+$").match(", \u2003"))
        self.assertFalse(_rx(r"^\d$").match("\u0663"))  # an Arabic-Indic digit is no \d

    def test_length_counts_utf16_units(self):
        self.assertEqual(_u16len("a\U0001F600"), 3)
        self.assertEqual(_u16len(""), 0)


if __name__ == "__main__":
    unittest.main()
