"""The import graph of the project's own modules keeps the order written in `docs/architecture.md` (issue 15).

Every module of the apps in the doc's "Apps" table is parsed with `ast` (migrations excluded). Each
`import x` and `from x import y`, relative or absolute, at module level or inside a function, is a dependency
on the project module it names (and on the packages around it that the import runs). A function-level import
counts like any other: deferring an import hides a circle from Python, not from the reader. The test fails on

- an import against the table's order (an app importing an app listed below it),
- an import between two apps the doc says never import each other,
- an import of `bench/` or `tests/` from an app,
- a circle of imports joining modules of different apps,
- a circle of imports among modules of `frontend/`.

No database: this reads source files only.
"""

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"

# Code outside the apps: the benchmarks and the suite may import any app; no app imports them.
OUTSIDE = ("bench", "tests")
# The app whose own modules must not import each other in a circle, whatever the order of the apps says.
ACYCLIC_APP = "frontend"


# ---------------------------------------------------------------------------------------------------------
# What the doc says


@dataclass(frozen=True)
class Rules:
    order: tuple[str, ...]  # the apps, top first: each imports only apps above it
    apart: frozenset[frozenset[str]]  # pairs of apps that never import each other


def read_rules(text: str) -> Rules:
    """The "Apps" table's rows in order, and every "`a/` and `b/` never import each other." of the doc."""
    section = text.split("\n## Apps\n", 1)[1].split("\n## ", 1)[0]
    order = tuple(re.findall(r"^\| `(\w+)/` \|", section, flags=re.MULTILINE))
    apart = frozenset(
        frozenset(pair) for pair in re.findall(r"`(\w+)/` and `(\w+)/` never import each other", text)
    )
    return Rules(order=order, apart=apart)


# ---------------------------------------------------------------------------------------------------------
# The graph


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    # The package `target` is only run on the way to a module inside it: a dependency for the circles, not
    # a second finding for the order.
    on_the_way: bool = False


def find_modules(root: Path, packages: Iterable[str]) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__), migrations left out."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts:
                continue
            is_package = parts[-1] == "__init__"
            modules[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return modules


def _known(name: str, modules) -> str | None:
    """The project module an import of `name` loads: `name` itself, else the longest module it is inside."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, path: Path, is_package: bool, modules) -> list[Import]:
    """The project modules `module` imports, anywhere in the file (module level, functions, classes)."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    tree = ast.parse(path.read_text(), filename=str(path))
    # Imports under `if TYPE_CHECKING:` are read by the type checker only and never run: not a dependency.
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node.test)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base_name = ".".join([*base, node.module] if node.module else base)
            else:
                base_name = node.module
            # `from a import b` loads the module a.b if there is one, else a (b is a name in it).
            names = [f"{base_name}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = _known(name, modules)
            if target is None:
                continue
            found.append(Import(module, target, node.lineno))
            # Importing a.b.c also runs the packages a and a.b, except those the importer is itself inside.
            parts = target.split(".")
            for depth in range(1, len(parts)):
                package_run = ".".join(parts[:depth])
                if package_run in modules and not module.startswith(package_run + "."):
                    found.append(Import(module, package_run, node.lineno, on_the_way=True))
    return found


def import_graph(root: Path, apps: Iterable[str]) -> tuple[dict[str, tuple[Path, bool]], list[Import]]:
    """The apps' modules, and their imports of project modules (the apps' and those OUTSIDE them)."""
    apps = tuple(apps)
    sources = find_modules(root, apps)
    targets = {**find_modules(root, [p for p in OUTSIDE if (root / p).is_dir()]), **sources}
    edges = [edge for m, (path, is_pkg) in sources.items() for edge in imports_of(m, path, is_pkg, targets)]
    return sources, edges


def circles(nodes: Iterable[str], edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(edges.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def one_loop(component: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest loop through the component's first module, to show the reader one concrete circle."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(edges.get(node, set()) & component):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return [start]


def app_of(module: str) -> str:
    return module.split(".", 1)[0]


def violations(root: Path, rules: Rules) -> dict[str, str]:
    """Each violation: a stable key  and what to read to see it."""
    modules, imports = import_graph(root, rules.order)
    rank = {app: position for position, app in enumerate(rules.order)}
    found: dict[str, list[str]] = {}
    for edge in imports:
        here, there = app_of(edge.source), app_of(edge.target)
        if here == there or edge.on_the_way:
            continue
        where = f"{modules[edge.source][0].relative_to(root)}:{edge.line} imports {edge.target}"
        if there in OUTSIDE:
            key = f"imports outside the apps: {edge.source} -> {edge.target}"
        elif frozenset((here, there)) in rules.apart:
            key = f"apps that never import each other: {edge.source} -> {edge.target}"
        elif rank[there] > rank[here]:
            key = f"against the order: {edge.source} -> {edge.target}"
            where += f" ({there}/ is listed below {here}/)"
        else:
            continue
        if where not in found.setdefault(key, []):
            found[key].append(where)

    graph: dict[str, set[str]] = {}
    for edge in imports:
        graph.setdefault(edge.source, set()).add(edge.target)
    for component in circles(modules, graph):
        if len({app_of(m) for m in component}) > 1:
            found[f"circle across apps: {', '.join(sorted(component))}"] = [
                " -> ".join(one_loop(component, graph))
            ]
    inside = {m for m in modules if app_of(m) == ACYCLIC_APP}
    inner = {m: graph.get(m, set()) & inside for m in inside}
    for component in circles(inside, inner):
        found[f"circle in {ACYCLIC_APP}: {', '.join(sorted(component))}"] = [
            " -> ".join(one_loop(component, inner))
        ]
    return {key: "\n      ".join(where) for key, where in found.items()}


def _report(keys, details) -> str:
    return "\n".join(f"  {key}\n      {details[key]}" for key in sorted(keys))


# ---------------------------------------------------------------------------------------------------------
# The project


def test_the_doc_orders_every_app_of_the_project():
    rules = read_rules(DOC.read_text())
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in OUTSIDE and not path.parent.name.startswith(".")
    }
    assert len(rules.order) == len(set(rules.order))
    assert set(rules.order) == packages, "every package of the project is a row of the Apps table"
    assert frozenset(("api", "frontend")) in rules.apart


def test_imports_keep_the_order_of_the_architecture_doc():
    found = violations(ROOT, read_rules(DOC.read_text()))
    assert not found, (
        "Imports against docs/architecture.md (move the code to an app that may import both, or let the app "
        "listed above offer a hook that the one below registers with from AppConfig.ready, the way "
        "accounts.services.register_case_relation works):\n" + _report(set(found), found)
    )


# ---------------------------------------------------------------------------------------------------------
# The checker itself, on a small made-up project


DOC_OF_A_SMALL_PROJECT = """\
# Architecture

## Apps

| app | owns |
|---|---|
| `base/` | the lowest |
| `cases/` | cases |
| `api/` | the API |
| `frontend/` | pages |

`api/` and `frontend/` never import each other.

## Next
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


def test_the_rules_are_read_from_the_table_and_the_sentences():
    rules = read_rules(DOC_OF_A_SMALL_PROJECT)
    assert rules.order == ("base", "cases", "api", "frontend")
    assert rules.apart == {frozenset(("api", "frontend"))}


def test_the_checker_finds_each_kind_of_violation(tmp_path):
    _write(
        tmp_path,
        {
            "base/__init__.py": "",
            # Upward, hidden in a function.
            "base/models.py": "def later():\n    from cases.models import Case\n",
            "cases/__init__.py": "",
            # Relative import inside the app, and a circle with base.models.
            "cases/models.py": "from . import rules\nfrom base.models import later\n",
            "cases/rules.py": "",
            "api/__init__.py": "",
            "api/views.py": "import frontend.views\n",
            "frontend/__init__.py": "",
            "frontend/views.py": "from .labels import LABELS\n",
            "frontend/labels.py": "class X:\n    def f(self):\n        from frontend.views import y\n",
            "frontend/migrations/__init__.py": "",
            "frontend/migrations/0001_initial.py": "import bench.tool\n",
            "frontend/forms.py": "from bench import tool\n",
            "bench/__init__.py": "",
            "bench/tool.py": "import frontend.views\n",
        },
    )
    found = violations(tmp_path, read_rules(DOC_OF_A_SMALL_PROJECT))
    assert set(found) == {
        "against the order: base.models -> cases.models",
        "apps that never import each other: api.views -> frontend.views",
        "imports outside the apps: frontend.forms -> bench.tool",
        "circle across apps: base.models, cases.models",
        "circle in frontend: frontend.labels, frontend.views",
    }
    assert found["against the order: base.models -> cases.models"] == (
        "base/models.py:2 imports cases.models (cases/ is listed below base/)"
    )
    assert found["circle in frontend: frontend.labels, frontend.views"] == (
        "frontend.labels -> frontend.views -> frontend.labels"
    )


def test_an_import_in_the_allowed_direction_is_no_violation(tmp_path):
    _write(
        tmp_path,
        {
            "base/__init__.py": "",
            "base/models.py": "",
            "cases/__init__.py": "",
            "cases/models.py": "from base import models\n",
            "api/__init__.py": "",
            "api/views.py": "from cases.models import *\nimport base.models as m\n",
            "frontend/__init__.py": "",
            "frontend/views.py": "from cases import models\nfrom .forms import F\n",
            "frontend/forms.py": "from base.models import *\n",
        },
    )
    assert violations(tmp_path, read_rules(DOC_OF_A_SMALL_PROJECT)) == {}
