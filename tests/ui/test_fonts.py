"""The bundled font renders every character the game shows."""

import pygame

from game.ui.theme import ASSETS, load_theme

NEEDED = "Détente ≤ ≥ → ← ▶ ◀ ☑ ☐ × · – — ▲ ▼ é è à ç ö ü"


def test_fonts_are_bundled_with_a_licence():
    """Fonts come from assets/fonts, never the system, and carry their licence."""
    theme = load_theme()
    for path in theme.fonts.values():
        assert path.is_file() and ASSETS in path.parents
    assert (ASSETS / "fonts" / "LICENSE-DejaVu.txt").is_file()
    licence = (ASSETS / "fonts" / "LICENSE-LeagueSpartan.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_needed_glyphs_exist():
    """é, ≤, ≥, arrows and the check boxes all have glyphs in both weights."""
    pygame.font.init()
    theme = load_theme()
    for path in (theme.fonts["regular"], theme.fonts["bold"]):
        font = pygame.font.Font(str(path), 20)
        missing = [ch for ch, m in zip(NEEDED, font.metrics(NEEDED), strict=True) if m is None]
        assert not missing, f"{path.name} lacks {missing}"


def test_the_display_face_falls_back_for_symbols():
    """League Spartan draws names and numbers; text it has no glyph for (arrows, ticks)
    is drawn in DejaVu instead, never as empty boxes."""
    from game.ui.context import Ui
    pygame.display.init()
    ui = Ui()
    assert ui.display_ok("Round 3 of 8 · Détente 04:59")
    assert not ui.display_ok("Moscow → Washington")
    assert ui.font_for("Moscow → Washington", 30, display=True) is ui.font_px(30, bold=True)
