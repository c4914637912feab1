"""The guided first game in the window in Russian: the coach speaks Russian, and its cards
fit the projector sizes as the English ones do (tests/ui/test_guided_window.py)."""

import pygame
import pytest

from game.words import i18n
from tests.ui.conftest import press
from tests.ui.test_guided_window import follow_the_coach


@pytest.fixture(autouse=True)
def russian():
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


def test_russian_cards_fit_beside_the_board(make_app):
    """At 1280x720 (scale 1.0 and 2.0) and 1920x1080 (2.0): each Russian card lies in the
    window, clear of the board, and every line of it lies inside the card."""
    from game.ui.base import walk
    from game.ui.play.board.cell import Cell

    def check(app, card):
        root = app.stack.top.ensure_root()
        assert app.surface.get_rect().contains(card.rect)
        for cell in (w for w in walk(root) if isinstance(w, Cell)):
            assert not cell.rect.colliderect(card.rect), type(cell).__name__
        for line in walk(card):
            assert card.rect.contains(line.rect), getattr(line, "text", type(line).__name__)

    for scale, size in ((1.0, (1280, 720)), (2.0, (1280, 720)), (2.0, (1920, 1080))):
        app = make_app(scale, size=size)
        app.stack.push(app.screens.make("tutorial"))
        assert app.stack.top.heading == "Первая игра с наставником"
        press(app, pygame.K_RETURN)  # Начать
        coached: list[str] = []
        follow_the_coach(app, coached, check=check)
        assert "НАСТАВНИК · ШАГ 1 ИЗ" in coached[0], coached[0]
        titles = " ".join(coached)
        assert "Шкалы" in titles and "Переговоры и условия Москвы" in titles
        assert coached[-1] == "Наставник отходит в сторону"
