"""What the tests share: the repository's fixtures, and the namespace of a generated module."""
import importlib
import json
import os
import pkgutil

import rlx_reward

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
FIXTURES = os.path.join(REPO, "test", "fixtures")

# Every module of the package: the export inlines each of them (src/targets/python/runtime.ts).
MODULES = [importlib.import_module("rlx_reward." + m.name) for m in pkgutil.iter_modules(rlx_reward.__path__)]


def read_jsonl(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def module_namespace():
    """The names the compiled experiment of a generated module sees: every module's, as inlined."""
    namespace = {}
    for module in MODULES:
        namespace.update({k: v for k, v in vars(module).items() if not k.startswith("__")})
    return namespace


def run_experiment(path):
    """Runs a compiled experiment (what a generated module holds after the runtime) against the
    package, as the generated module runs it, serving it; returns its namespace."""
    namespace = module_namespace()
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return namespace
