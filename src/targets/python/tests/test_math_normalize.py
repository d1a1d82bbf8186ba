"""Normalisation of a final answer (rlx_reward.math_normalize)."""
import unittest

from rlx_reward.math_normalize import normalize


class NormalizeTest(unittest.TestCase):
    def assertText(self, raw, text, key=None):
        n = normalize(raw)
        self.assertEqual(n["text"], text, raw)
        self.assertEqual(n["key"], text.replace(" ", "") if key is None else key, raw)

    def test_typesetting_is_dropped(self):
        self.assertText(r"\dfrac{1}{2}", r"\frac{1}{2}")
        self.assertText(r"x = \left( 1, 2 \right)", "x = ( 1, 2 )")
        self.assertText(r"\boxed{5}.", "5")
        self.assertText(r"\$3.50", "3.50")
        self.assertText(r"90^\circ", "90")
        self.assertText("is 5", "5")

    def test_thousands_separators_and_base_subscripts_go(self):
        self.assertText("1,000", "1000")
        self.assertText(r"1{,}000{,}000", "1000000")
        self.assertText("1011_2", "1011")

    def test_units_and_words_between_answers_go(self):
        self.assertText("12 cm", "12")
        self.assertText(r"1 \text{ or } 2", "1 , 2")

    def test_unicode_becomes_latex(self):
        self.assertText("\u22123 \u00d7 2", r"-3 \times 2")

    def test_a_percent_sign_or_word_is_noted(self):
        for raw in [r"50\%", "50%", "50 percent"]:
            n = normalize(raw)
            self.assertEqual((n["text"], n["percent"]), ("50", True), raw)
        self.assertFalse(normalize("50")["percent"])

    def test_choice_letters(self):
        n = normalize("(B)")
        self.assertEqual((n["key"], n["choice"], n["choice_only"]), ("B", "B", True))
        n = normalize("B) 12")
        self.assertEqual((n["choice"], n["choice_only"]), ("B", False))
        self.assertIsNone(normalize("12")["choice"])

    def test_prose_is_compared_by_its_words(self):
        n = normalize("the Red Sox")
        self.assertEqual((n["key"], n["prose"]), ("redsox", True))
        self.assertEqual(normalize(r"\text{The Answer}")["key"], "answer")
        # a function name is no word of prose
        self.assertFalse(normalize(r"\sin x")["prose"])


if __name__ == "__main__":
    unittest.main()
