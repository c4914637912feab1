"""game/ui has no import cycle: screens open each other by name through the registry.

Every import counts, including those inside functions and under TYPE_CHECKING, since
each one is a dependency a reader has to follow.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "game" / "ui"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The game.ui modules that `path` imports (a package's __init__ does not count as
    an import of the package's modules)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        else:
            continue
        found |= {n for n in names if n in modules}
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> the game.ui modules it imports (packages' faces left out)."""
    files = [p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    modules = {_module(p) for p in files}
    return {_module(p): _imports(p, modules) - {_module(p)} for p in files}


def test_the_graph_is_read():
    graph = import_graph()
    assert "game.ui.scene" in graph["game.ui.app"]
    assert "game.ui.play.end" in graph["game.ui.app"]  # app.py registers every screen


def test_game_ui_has_no_import_cycle():
    graph = import_graph()
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise AssertionError(f"import cycle in game/ui: {' -> '.join(exc.args[1])}") from None


SCREENS = {"game.ui.screens.title", "game.ui.screens.new_game", "game.ui.screens.settings_screen",
           "game.ui.screens.notice", "game.ui.screens.continue_game", "game.ui.play.public",
           "game.ui.play.orders", "game.ui.play.results",
           "game.ui.play.end", "game.ui.play.facilitator"}


def test_screens_never_import_each_other():
    """A screen module opens other screens through `host.screens`, not by import."""
    graph = import_graph()
    assert SCREENS <= set(graph)
    for module in SCREENS:
        assert not graph[module] & SCREENS, module
