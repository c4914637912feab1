"""Marked messages reach the catalogue and are translated when shown.

Two mistakes slip past `make extract` silently, so they are caught here over the whole of
game/: a message passed to `_` or `ngettext` at import time (a module-level constant, a
class attribute) is looked up before any language is chosen and stays English for good,
so such constants are marked with `N_` and translated where they are shown; and an
f-string handed to `_` cannot be in the catalogue, whatever it holds, so placeholders
are named and filled by `.format()` after the lookup."""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[2] / "game"
LOOKUPS = {"_", "ngettext"}


def _sources():
    for path in sorted(GAME.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(call: ast.Call) -> str | None:
    return call.func.id if isinstance(call.func, ast.Name) else None


def _import_time_lookups(tree: ast.AST, in_function: bool = False):
    for child in ast.iter_child_nodes(tree):
        inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                   ast.Lambda))
        if not inside and isinstance(child, ast.Call) and _name(child) in LOOKUPS:
            yield child.lineno
        yield from _import_time_lookups(child, inside)


def test_no_message_is_translated_at_import_time():
    found = [f"{path.relative_to(GAME.parent)}:{line}"
             for path, tree in _sources() for line in _import_time_lookups(tree)]
    assert found == [], "mark these with N_ and translate them with _ where they are shown"


def test_no_f_string_is_looked_up():
    found = [f"{path.relative_to(GAME.parent)}:{node.lineno}"
             for path, tree in _sources() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and _name(node) in LOOKUPS | {"N_"}
             and any(isinstance(a, ast.JoinedStr) or (isinstance(a, ast.BinOp) and any(
                 isinstance(s, ast.JoinedStr) for s in ast.walk(a))) for a in node.args)]
    assert found == [], "name the placeholders and fill them with .format() after the lookup"
