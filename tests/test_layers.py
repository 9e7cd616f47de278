"""The flow is the import graph: a stage imports only from earlier stages, at module level,
and no import cycle exists — so every module imports alone, in any order."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jixiao"

# The flow, earliest first. A module may import its own stage (acyclically) and any earlier one;
# stages side by side (metrics and survey, service and review) do not import each other. The
# foundations (first) and the front ends (last) may import one another.
LAYERS = [
    {"jixiao", "jixiao.errors", "jixiao.decimals", "jixiao.registry", "jixiao.progress", "jixiao.vocabulary",
     "jixiao.findings", "jixiao.frameworks", "jixiao.workspace"},
    {"jixiao.ingest", "jixiao.synth"},
    {"jixiao.audit"},
    {"jixiao.metrics", "jixiao.survey"},
    {"jixiao.scoring"},
    {"jixiao.evaluation"},
    {"jixiao.narrative"},
    {"jixiao.report"},
    {"jixiao.service", "jixiao.review"},
    {"jixiao.batch"},
    {"jixiao.cli", "jixiao.web", "jixiao.__main__"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    """The stage a module belongs to: the longest LAYERS entry it is, or is inside."""
    names = [n for layer in LAYERS for n in layer if module == n or module.startswith(n + ".")]
    assert names, f"{module} belongs to no stage: add its package to LAYERS"
    return max(names, key=len)


def rank(module: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if stage(module) in layer)


def jixiao_imports(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative: from . import x
                base = ".".join(module.split(".")[:-node.level] + [node.module])
            if base == "jixiao" or base.startswith("jixiao."):
                # `from jixiao.audit import coverage` imports the submodule when there is one
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
                out += [(node.lineno, s) for s in subs] or [(node.lineno, base)]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "jixiao"]
    return out


def module_level_imports(module: str) -> list[tuple[int, str]]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return jixiao_imports(ast.Module(body=[n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))],
                                     type_ignores=[]), module)


def test_every_import_of_jixiao_is_at_module_level():
    late = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                late += [f"{module}:{line} {target}" for line, target in jixiao_imports(node, module)]
    assert late == []


def test_imports_run_down_the_flow():
    upward = []
    for module in MODULES:
        for line, target in module_level_imports(module):
            if target not in MODULES:
                continue
            beside = stage(target) != stage(module) and rank(module) not in (0, len(LAYERS) - 1)
            if rank(target) > rank(module) or (rank(target) == rank(module) and beside):
                upward.append(f"{module}:{line} imports {target} ({stage(module)} → {stage(target)})")
    assert upward == []


def test_there_is_no_import_cycle():
    graph = {m: {t for _, t in module_level_imports(m) if t in MODULES and t != m} for m in MODULES}
    # a package imports its own __init__ when a submodule is imported: that edge is Python's, not ours
    for m, targets in graph.items():
        targets -= {p for p in targets if m.startswith(p + ".")}
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append(" → ".join(path[path.index(t):] + [t]) if t in path else f"{m} → {t}")
            elif t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


IMPORT_ALONE = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "jixiao" or m.startswith("jixiao.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


@pytest.mark.parametrize("order", ["sorted", "reversed"])
def test_each_module_imports_alone(order):
    """Each module imported into an interpreter holding no jixiao module (third-party
    libraries stay loaded, so this is quick)."""
    names = sorted(m for m in MODULES if m != "jixiao.__main__")
    if order == "reversed":
        names.reverse()
    done = subprocess.run([sys.executable, "-c", IMPORT_ALONE, *names], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
