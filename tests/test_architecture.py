"""Architecture rules that keep the game headless below the UI and deterministic."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_headless_packages_never_load_pygame():
    """Importing the model, rules, AI, engine and text mode does not load pygame at all."""
    code = ("import sys, game.model.scenario, game.rules, game.ai, game.engine.session, "
            "game.engine.saves, game.engine.replay, game.engine.debrief, game.textui.main, game.words; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_no_global_randomness_in_the_game():
    """The rules, AI and engine never draw from the global random module."""
    pattern = re.compile(r"^\s*(import random|from random import)", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if "ui" not in p.relative_to(ROOT / "game").parts[:1] and pattern.search(p.read_text())]
    assert offenders == []


def test_no_role_id_is_hard_coded():
    """Role ids come from scenarios only: the default scenario's ids never appear in code."""
    ids = ("washington", "moscow", "nato")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if any(f'"{i}"' in p.read_text() or f"'{i}'" in p.read_text() for i in ids)]
    assert offenders == []


def test_personas_read_only_the_public_view():
    """AI personas decide from their PlayerView's public fields: no private view internals, no state."""
    drivers = {"policy.py", "__init__.py"}  # the engine-side driver hands each persona its view
    offenders = []
    for path in (ROOT / "game" / "ai").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"view\._[a-z]", text) or (path.name not in drivers and "GameState" in text):
            offenders.append(path.name)
    assert offenders == []


def test_core_packages_never_import_the_front_ends():
    """engine, ai, rules, model and words never import the text mode or the window."""
    pattern = re.compile(r"^\s*(from|import)\s+game\.(textui|ui)\b", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for pkg in ("engine", "ai", "rules", "model", "words")
                 for p in (ROOT / "game" / pkg).rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
