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


def test_needed_glyphs_exist():
    """é, ≤, ≥, arrows and the check boxes all have glyphs in both weights."""
    pygame.font.init()
    for path in load_theme().fonts.values():
        font = pygame.font.Font(str(path), 20)
        missing = [ch for ch, m in zip(NEEDED, font.metrics(NEEDED), strict=True) if m is None]
        assert not missing, f"{path.name} lacks {missing}"
