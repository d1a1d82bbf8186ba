"""Lints the rlx_reward package and its tests (npm run test:python runs it before the tests).

Every file must parse as Python 3.8, the oldest interpreter verl and OpenRLHF run the exported
module on, and compile; pyflakes (Debian: apt-get install python3-pyflakes) then checks names and
imports, or the lint says that it skipped it. Exits 1 on any finding.
"""
import ast
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FOLDERS = [os.path.join(ROOT, "rlx_reward"), HERE]


def python_files():
    return sorted(f for folder in FOLDERS for f in glob.glob(os.path.join(folder, "*.py")))


def syntax_errors(files):
    errors = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        try:
            ast.parse(source, path, feature_version=(3, 8))
            compile(source, path, "exec")
        except SyntaxError as e:
            errors.append("%s:%s: %s (as Python 3.8)" % (os.path.relpath(path, ROOT), e.lineno, e.msg))
    return errors


def pyflakes_command():
    if shutil.which("pyflakes3"):
        return ["pyflakes3"]
    if shutil.which("pyflakes"):
        return ["pyflakes"]
    probe = subprocess.run([sys.executable, "-c", "import pyflakes"], capture_output=True)
    return [sys.executable, "-m", "pyflakes"] if probe.returncode == 0 else None


def main():
    files = python_files()
    errors = syntax_errors(files)
    for e in errors:
        print(e)
    print("python lint: %d files parse as Python 3.8%s" % (len(files), "" if not errors else ", %d do not" % len(errors)))
    ok = not errors
    command = pyflakes_command()
    if command is None:
        print("python lint: pyflakes SKIPPED: not installed (apt-get install python3-pyflakes)")
    else:
        clean = subprocess.run(command + files).returncode == 0
        print("python lint: pyflakes %s" % ("clean" if clean else "FAILED"))
        ok = ok and clean
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
