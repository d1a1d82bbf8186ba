"""unittest tests of the rlx_reward package (npm run test:python).

Both settings are read as the package loads, so they are fixed here, before any test imports it:
no metric lines or load message (the tests that want them switch them on), and the standard-library
grader whether or not Math-Verify is installed.
"""
import os

os.environ["RLX_METRICS"] = "0"
os.environ["RLX_MATH_VERIFY"] = "0"
