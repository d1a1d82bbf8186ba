"""The package as the export inlines it: one namespace, so no module may define another's names."""
import ast
import re
import unittest

from .helpers import MODULES

# The names a generated module defines after the runtime (src/targets/python/module.ts).
COMPILED_NAMES = {"SEED", "RESPONSES_PER_STEP", "REWARD", "LABEL_PORTS", "TRACKS", "_reward"}
COMPILED_PREFIXES = re.compile(r"^(?:_track_|_RX_)\d+$")


def top_level_names(module):
    """The names a module binds at its top level, but for its leading imports (which the inliner
    hoists or drops): functions, classes, assignments, and imports inside a top-level try or if."""
    with open(module.__file__, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    names = set()

    def bind(node, leading):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if not leading:
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif not isinstance(node, (ast.Lambda, ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            for child in ast.iter_child_nodes(node):
                bind(child, False)

    for node in tree.body:
        bind(node, True)
    return names


class InlinedNamespaceTest(unittest.TestCase):
    def test_the_package_has_its_modules(self):
        self.assertIn("rlx_reward.entry_points", [m.__name__ for m in MODULES])
        self.assertGreaterEqual(len(MODULES), 9)

    def test_no_two_modules_define_the_same_name(self):
        owner = {}
        clashes = []
        for module in MODULES:
            for name in top_level_names(module):
                if name in owner:
                    clashes.append("%s in %s and %s" % (name, owner[name], module.__name__))
                owner[name] = module.__name__
        self.assertEqual(clashes, [])

    def test_no_module_defines_a_name_of_the_compiled_experiment(self):
        for module in MODULES:
            names = top_level_names(module)
            self.assertEqual(names & COMPILED_NAMES, set(), module.__name__)
            self.assertEqual([n for n in names if COMPILED_PREFIXES.match(n)], [], module.__name__)

    def test_imported_names_are_the_defining_modules_own(self):
        # Inlined, `from .x import name` becomes a reference to x's name: it must be x's own, not
        # one x imported in turn (which would still resolve, but says the wrong owner).
        by_name = {m.__name__.rsplit(".", 1)[1]: m for m in MODULES}
        for module in MODULES:
            with open(module.__file__, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            for node in tree.body:
                if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module in by_name:
                    own = top_level_names(by_name[node.module])
                    for alias in node.names:
                        self.assertIn(alias.name, own, "%s imports %s from .%s" % (module.__name__, alias.name, node.module))
                        self.assertIsNone(alias.asname, "%s renames %s: inlined, the new name would not exist" % (module.__name__, alias.name))


if __name__ == "__main__":
    unittest.main()
