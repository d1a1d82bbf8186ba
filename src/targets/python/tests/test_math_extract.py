"""Brace matching and extraction of the final answer (rlx_reward.math_extract)."""
import unittest

from rlx_reward.math_extract import _brace_matches, _braces_balanced, _closing_brace, extract_answer, find_boxes


class BracesTest(unittest.TestCase):
    def test_closing_brace_skips_nested_and_escaped_braces(self):
        s = r"\frac{a{b}\}c}{d}"
        self.assertEqual(_closing_brace(s, 5), 13)
        self.assertEqual(_closing_brace(s, 14), 16)
        self.assertEqual(_closing_brace("{a{b}", 0), -1)
        self.assertEqual(_closing_brace(r"{a\}", 0), -1)

    def test_balanced_braces(self):
        for s in ["", "{}", "{a{b}c}", r"\{", r"{\}}", "a\\"]:
            self.assertTrue(_braces_balanced(s), s)
        for s in ["{", "}{", "{}}", r"{\}", r"\\{"]:
            self.assertFalse(_braces_balanced(s), s)

    def test_brace_matches_pairs_every_unescaped_brace(self):
        s = r"{a{b}}\{{"
        self.assertEqual(_brace_matches(s), [5, -1, 4, -1, -1, -1, -1, -1, -1])


class ExtractAnswerTest(unittest.TestCase):
    def test_the_last_non_empty_box_is_the_answer(self):
        self.assertEqual(extract_answer(r"First \boxed{1}, then \fbox{2}, then \boxed{ }."), ("2", "boxed", ["1", "2"]))

    def test_a_box_keeps_its_nested_braces(self):
        self.assertEqual(extract_answer(r"So \boxed{\frac{1}{2}}.")[0], r"\frac{1}{2}")

    def test_a_box_without_braces_takes_one_word(self):
        self.assertEqual(find_boxes(r"\boxed 42 is it"), ["42"])
        self.assertEqual(find_boxes(r"\boxed\pi"), [r"\pi"])

    def test_an_unclosed_box_is_not_an_answer(self):
        self.assertEqual(extract_answer(r"\boxed{12"), (None, "none", []))

    def test_a_command_that_only_starts_with_boxed_is_no_box(self):
        self.assertEqual(find_boxes(r"\boxedsymbol{3}"), [])

    def test_boxes_in_code_count_only_when_no_box_is_outside(self):
        code = "```python\nprint('\\\\boxed{1}')\n```\n"
        self.assertEqual(find_boxes(code + r"So \boxed{2}."), ["2"])
        self.assertEqual(find_boxes(code), [])
        self.assertEqual(find_boxes("```output\n\\boxed{3}\n```"), ["3"])

    def test_a_final_answer_phrase_stands_in_for_a_box(self):
        self.assertEqual(extract_answer("We add them. The final answer is $14$."), ("14", "final-answer", []))
        self.assertEqual(extract_answer("**Final Answer:** 7 apples."), ("7 apples", "final-answer", []))
        self.assertEqual(extract_answer("No answer here."), (None, "none", []))


if __name__ == "__main__":
    unittest.main()
