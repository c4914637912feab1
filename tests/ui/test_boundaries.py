"""Only game/ui may import pygame."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPORT = re.compile(r"^\s*(import|from)\s+pygame\b", re.MULTILINE)


def test_pygame_only_imported_under_game_ui():
    """The model, rules, AI and engine stay free of pygame."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if "ui" not in p.relative_to(ROOT / "game").parts[:1]
                 and IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_settings_and_theme_do_not_need_pygame():
    """Settings and theme are plain Python, usable from the text mode."""
    for name in ("settings.py", "theme.py"):
        assert not IMPORT.search((ROOT / "game" / "ui" / name).read_text(encoding="utf-8"))
