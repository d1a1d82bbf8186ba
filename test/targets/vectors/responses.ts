/**
 * Responses for the shared reward vectors, written the way Qwen2.5-Math-style models answer: a
 * worked solution ending in one box, code reasoning in and out of fenced blocks, several boxes,
 * none, truncated ones, final-answer phrases, chat and R1 turn formats. Each comes with the labels
 * it is graded against: right answers in other forms, and wrong ones.
 */
export interface ResponseCase {
  readonly name: string;
  readonly response: string;
  readonly labels: readonly string[];
}

const FENCE = "```";

export const RESPONSES: readonly ResponseCase[] = [
  {
    name: "boxed integer",
    response: "To find $3 \\times 4 + 2$, multiply first: $3 \\times 4 = 12$. Then add 2 to get 14.\n\nThe answer is $\\boxed{14}$.",
    labels: ["14", "14.0", "15", "\\frac{28}{2}"],
  },
  {
    name: "boxed fraction",
    response: "We simplify $\\frac{6}{8}$ by dividing numerator and denominator by 2:\n$$\\frac{6}{8} = \\frac{3}{4}.$$\nTherefore the answer is $\\boxed{\\frac{3}{4}}$.",
    labels: ["\\frac34", "0.75", "\\dfrac{3}{4}", "3/5"],
  },
  {
    name: "boxed dfrac against decimal",
    response: "The probability is $\\dfrac{1}{8}$, so the answer is \\boxed{\\dfrac{1}{8}}.",
    labels: ["0.125", "\\frac{1}{8}", "1/4"],
  },
  {
    name: "boxed decimal",
    response: "Dividing, $7 \\div 8 = 0.875$.\n\n\\boxed{0.875}",
    labels: ["\\frac{7}{8}", "0.875", "0.87", "7/8"],
  },
  {
    name: "boxed x equals",
    response: "Solving $2x - 3 = 7$ gives $2x = 10$, so $x = 5$.\n\n\\[\n\\boxed{x = 5}\n\\]",
    labels: ["5", "x=5", "-5"],
  },
  {
    name: "code block then box",
    response: `Let's compute this with Python.\n${FENCE}python\nfrom sympy import symbols, solve\nx = symbols('x')\nprint(solve(x**2 - 9, x))\n${FENCE}\n${FENCE}output\n[-3, 3]\n${FENCE}\nThe solutions are $x = -3$ and $x = 3$, so the positive solution is $\\boxed{3}$.`,
    labels: ["3", "-3", "\\{-3, 3\\}"],
  },
  {
    name: "code without backticks",
    response: "We can write a quick python program to check:\n\nx = 37 + 45\nprint(x)\n\nwhich prints 82. So the sum is \\boxed{82}.",
    labels: ["82", "72", "82.0"],
  },
  {
    name: "python mention only",
    response: "Using Python as a calculator, 2**10 is 1024, so the answer is \\boxed{1024}.",
    labels: ["1024", "2^{10}", "1000"],
  },
  {
    name: "box inside code block only",
    response: `${FENCE}python\nprint("\\\\boxed{7}")\n${FENCE}\nThe program prints the result.`,
    labels: ["7", "8"],
  },
  {
    name: "box in output fence only",
    response: `${FENCE}output\n\\boxed{42}\n${FENCE}`,
    labels: ["42", "24"],
  },
  {
    name: "several boxes, last counts",
    response: "First guess: \\boxed{10}. Checking again, I made an arithmetic slip; the correct value is \\boxed{12}.",
    labels: ["12", "10", "11"],
  },
  {
    name: "two boxes for two parts",
    response: "(a) The area is \\boxed{24}. (b) The perimeter is \\boxed{20}.",
    labels: ["20", "24", "24, 20"],
  },
  {
    name: "no box, final answer phrase",
    response: "Adding the terms gives 5 + 7 = 12.\nFinal Answer: The final answer is $12$. I hope it is correct.",
    labels: ["12", "12.0", "13"],
  },
  {
    name: "no box, the answer is",
    response: "Half of 18 is 9. The answer is 9.",
    labels: ["9", "9.0", "18"],
  },
  {
    name: "no box, bold final answer on next line",
    response: "We conclude the value of the expression.\n\n**Final Answer**\n\\[ \\frac{5}{2} \\]",
    labels: ["2.5", "\\frac{5}{2}", "5/3"],
  },
  {
    name: "no answer at all",
    response: "Let me think about this step by step. First, we consider the structure of the problem and what is being asked.",
    labels: ["3", "0"],
  },
  {
    name: "truncated box",
    response: "After simplifying, the answer is \\boxed{\\frac{1}{",
    labels: ["\\frac{1}{2}", "1"],
  },
  {
    name: "empty box then number",
    response: "The answer is \\boxed{}. Actually it is 4.",
    labels: ["4", "5"],
  },
  {
    name: "empty response",
    response: "",
    labels: ["1", "0"],
  },
  {
    name: "whitespace response",
    response: "   \n\t ",
    labels: ["1"],
  },
  {
    name: "percent",
    response: "The discount is $25\\%$ of the price. \\boxed{25\\%}",
    labels: ["25", "0.25", "25\\%", "20\\%"],
  },
  {
    name: "degrees",
    response: "The angles of the triangle sum to $180^\\circ$, so the missing angle is $\\boxed{70^\\circ}$.",
    labels: ["70", "70^\\circ", "110"],
  },
  {
    name: "units in text",
    response: "The rectangle's perimeter is $2(3+5) = 16$ cm, so \\boxed{16 \\text{ cm}}.",
    labels: ["16", "16\\text{ cm}", "8"],
  },
  {
    name: "thousands separator",
    response: "Multiplying gives a total of \\boxed{12,500} dollars.",
    labels: ["12500", "12{,}500", "1250"],
  },
  {
    name: "dollars",
    response: "He earns \\$45 per day, so in four days he earns \\boxed{\\$180}.",
    labels: ["180", "\\$180", "45"],
  },
  {
    name: "sqrt",
    response: "The distance is $\\sqrt{3^2 + 3^2} = 3\\sqrt{2}$.\n\n\\boxed{3\\sqrt{2}}",
    labels: ["3\\sqrt2", "\\sqrt{18}", "4.2426406871", "3\\sqrt{3}"],
  },
  {
    name: "pi",
    response: "The area of the circle is $\\pi r^2 = 9\\pi$. \\boxed{9\\pi}",
    labels: ["9\\pi", "28.274333882", "6\\pi"],
  },
  {
    name: "mixed number",
    response: "Combining, we get $2\\frac{1}{2}$ cups. \\boxed{2\\frac{1}{2}}",
    labels: ["\\frac{5}{2}", "2.5", "2"],
  },
  {
    name: "negative",
    response: "Since $f(-1) = -1 - 2 = -3$, the answer is $\\boxed{-3}$.",
    labels: ["-3", "3", "−3"],
  },
  {
    name: "ordered pair",
    response: "The intersection point is $(2, -1)$.\n\\boxed{(2, -1)}",
    labels: ["(2,-1)", "(-1, 2)", "2, -1"],
  },
  {
    name: "interval",
    response: "The inequality holds for $x \\in [-2, 5)$, so the solution set is \\boxed{[-2, 5)}.",
    labels: ["[-2,5)", "(-2, 5)", "[-2, 5]"],
  },
  {
    name: "inequality as interval",
    response: "Solving gives $x > 3$. \\boxed{x > 3}",
    labels: ["(3, \\infty)", "(3,\\infty)", "[3, \\infty)"],
  },
  {
    name: "set of roots",
    response: "The roots are $x = 1$ and $x = -4$. \\boxed{1, -4}",
    labels: ["-4, 1", "\\{1,-4\\}", "1, 4"],
  },
  {
    name: "plus minus",
    response: "By the quadratic formula, $x = 1 \\pm \\sqrt{2}$. \\boxed{1 \\pm \\sqrt{2}}",
    labels: ["1+\\sqrt{2}, 1-\\sqrt{2}", "1 + \\sqrt{2}", "1\\pm\\sqrt2"],
  },
  {
    name: "matrix",
    response: "Multiplying the matrices gives \\boxed{\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}}.",
    labels: ["\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}"],
  },
  {
    name: "vector",
    response: "The direction vector is $\\boxed{\\begin{pmatrix} 2 \\\\ -1 \\end{pmatrix}}$.",
    labels: ["(2, -1)", "\\begin{pmatrix}2\\\\-1\\end{pmatrix}", "(1, 2)"],
  },
  {
    name: "expression with variable",
    response: "Expanding, $(x+1)^2 = x^2 + 2x + 1$. \\boxed{x^2 + 2x + 1}",
    labels: ["(x+1)^2", "x^2+1", "1+2x+x^2"],
  },
  {
    name: "multiple choice",
    response: "Comparing the options, only (C) satisfies both conditions. \\boxed{\\text{(C)}}",
    labels: ["C", "(C)", "B"],
  },
  {
    name: "word answer",
    response: "Checking each day, the meeting falls on \\boxed{\\text{Tuesday}}.",
    labels: ["Tuesday", "tuesday", "Monday"],
  },
  {
    name: "scientific notation",
    response: "The number of atoms is about $\\boxed{6.02 \\times 10^{23}}$.",
    labels: ["6.02 \\times 10^{23}", "6.02e23", "6.02 \\times 10^{22}"],
  },
  {
    name: "large integer",
    response: "The product is \\boxed{1000000001}.",
    labels: ["1000000001", "1000000000"],
  },
  {
    name: "repeating decimal",
    response: "As a fraction, $0.\\overline{3}$ equals one third. \\boxed{0.\\overline{3}}",
    labels: ["\\frac{1}{3}", "0.33", "\\frac13"],
  },
  {
    name: "complex number",
    response: "Squaring, $(1+i)^2 = 1 + 2i + i^2 = 2i$. \\boxed{2i}",
    labels: ["2i", "(1+i)^2", "-2i"],
  },
  {
    name: "fbox",
    response: "Thus the final value is \\fbox{8}.",
    labels: ["8", "9"],
  },
  {
    name: "boxed without braces",
    response: "so the answer is \\boxed 7 and we are done.",
    labels: ["7", "70"],
  },
  {
    name: "chat turn ended",
    response: "Adding gives 9. \\boxed{9}<|im_end|>",
    labels: ["9", "6"],
  },
  {
    name: "chat turn runs on",
    response: "The answer is \\boxed{9}<|im_end|>\n<|im_start|>user\nThanks!",
    labels: ["9"],
  },
  {
    name: "text after turn end",
    response: "\\boxed{4}<|im_end|> more text",
    labels: ["4"],
  },
  {
    name: "r1 complete",
    response: "First I add the tens, then the ones; 23 + 19 = 42.</think> <answer>\\boxed{42}</answer>",
    labels: ["42", "41"],
  },
  {
    name: "r1 unclosed think",
    response: "Let me work through this carefully, 23 + 19 is 42",
    labels: ["42"],
  },
  {
    name: "r1 empty answer",
    response: "thinking...</think> <answer>  </answer>",
    labels: ["1"],
  },
  {
    name: "r1 without answer tags",
    response: "reasoning done</think>\nThe answer is \\boxed{15}.",
    labels: ["15", "16"],
  },
  {
    name: "long solution",
    response:
      "Let's solve the problem step by step. " +
      "We are given a sequence defined by $a_1 = 1$ and $a_{n+1} = 2a_n + 1$. Computing the first few terms: $a_2 = 3$, $a_3 = 7$, $a_4 = 15$, $a_5 = 31$. " +
      "We notice that $a_n = 2^n - 1$, which we can prove by induction: the base case holds, and if $a_n = 2^n - 1$ then $a_{n+1} = 2(2^n - 1) + 1 = 2^{n+1} - 1$. " +
      "Therefore $a_{10} = 2^{10} - 1 = 1023$. To double check with code we could write a loop in Python, but the closed form suffices.\n\n\\boxed{1023}",
    labels: ["1023", "1024", "2^{10}-1"],
  },
  {
    name: "unicode math",
    response: "Using π ≈ 3.14159 and √2 ≈ 1.414, the ratio is π/4. \\boxed{\\frac{\\pi}{4}}",
    labels: ["\\frac{\\pi}{4}", "0.785398163", "π/4", "\\frac{\\pi}{2}"],
  },
  {
    name: "emoji and accents",
    response: "Voilà 🎉 — la réponse est \\boxed{6}.",
    labels: ["6", "7"],
  },
  {
    name: "uppercase PYTHON",
    response: "I used a PYTHON script to enumerate the cases and found \\boxed{35} of them.",
    labels: ["35", "36"],
  },
  {
    name: "fenced code with backticks and python",
    response: `${FENCE}python\ntotal = sum(range(1, 11))\nprint(total)\n${FENCE}\n\\boxed{55}`,
    labels: ["55", "45"],
  },
  {
    name: "nested box",
    response: "\\boxed{\\boxed{5}}",
    labels: ["5", "\\boxed{5}"],
  },
  {
    name: "equation answer",
    response: "The line through the points is $y = 2x + 1$. \\boxed{y = 2x + 1}",
    labels: ["y=2x+1", "2x + 1", "y = 2x - 1"],
  },
  {
    name: "binomial",
    response: "The number of ways is $\\binom{6}{2} = 15$. \\boxed{\\binom{6}{2}}",
    labels: ["15", "\\dbinom{6}{2}", "30"],
  },
  {
    name: "factorial",
    response: "There are $5! = 120$ orderings. \\boxed{5!}",
    labels: ["120", "24"],
  },
  {
    name: "infinity answer",
    response: "The series diverges, so the sum is \\boxed{\\infty}.",
    labels: ["\\infty", "0"],
  },
  {
    name: "bare number",
    response: "42",
    labels: ["42", "24"],
  },
  {
    name: "bare number with newline",
    response: "-7\n",
    labels: ["-7"],
  },
  {
    name: "log answer",
    response: "Taking logarithms, $x = \\log_2 8 = 3$. \\boxed{\\log_2 8}",
    labels: ["3", "\\log_{2}8", "8"],
  },
];
