"""Text in any script: the text mode pads columns by display width, so a table with CJK
names lines up; and a line holding right-to-left words is cut into runs in drawing
order, which the window shapes run by run."""

from __future__ import annotations

import os

import pytest

from game.rules.view import view_for
from game.textui.render import hud
from game.words.script import display_width, is_rtl, ljust, rjust, script_of, visual_runs
from tests.helpers import start
from tests.reports.test_reports import renamed


def test_display_width_counts_wide_characters_twice():
    assert display_width("Moscow") == 6
    assert display_width("北京") == 4
    assert display_width("ｆｕｌｌ") == 8
    assert display_width("é") == 1 and display_width("e\u0301") == 1
    assert ljust("北京", 6) == "北京  " and rjust("北京", 5) == " 北京"


def test_the_trust_table_lines_up_with_cjk_names():
    sc = renamed(washington="华盛顿代表团", moscow="モスクワ")
    game, state = start(sc)
    lines = hud(view_for(state, game, "nato"), sc)
    head = next(i for i, line in enumerate(lines) if line.startswith("Trust ("))
    table = lines[head + 1:head + 1 + len(sc.roles)]
    widths = {display_width(line) for line in table}
    assert len(widths) == 1, table  # every row as wide as the header: the columns line up
    assert table[0].rstrip().endswith(sc.roles[-1].name)


def test_right_to_left_runs_come_in_drawing_order():
    assert visual_runs("Moscow") == [("Moscow", False)]
    assert visual_runs("Trust in ירושלים: 40") == [("Trust in ", False), ("ירושלים", True),
                                                  (": 40", False)]
    # two right-to-left words with a number between: the pieces are drawn right to left,
    # each in logical order (its shaper lays it out right to left)
    assert visual_runs("x القاهرة 12 دمشق y") == [("x ", False), (" دمشق", True), ("12", False),
                                                  ("القاهرة ", True), (" y", False)]
    assert is_rtl("حلف") and not is_rtl("NATO")
    assert script_of("שלום") == "Hebr" and script_of("حلف") == "Arab"


def test_the_window_shapes_right_to_left_runs():
    """Rendered through the window's helper, an Arabic name is shaped (joined letter
    forms), not drawn letter by letter as unconnected glyphs in reverse."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame = pytest.importorskip("pygame")
    from game.resources import assets_dir
    from game.ui.context import render_line

    pygame.font.init()
    font = pygame.font.Font(str(assets_dir() / "fonts" / "DejaVuSans.ttf"), 24)
    name = "القاهرة"
    shaped = render_line(font, name, (255, 255, 255))
    plain = font.render(name, True, (255, 255, 255))
    assert pygame.image.tobytes(shaped, "RGBA") != pygame.image.tobytes(plain, "RGBA")
    mixed = render_line(font, f"Trust in {name}: 40", (255, 255, 255))
    assert mixed.get_height() == font.get_height() and mixed.get_width() > shaped.get_width()
