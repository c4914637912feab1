"""Every text/background pair a theme declares reaches WCAG contrast 4.5:1."""

import pytest

from game.ui.theme import THEME_FILES, contrast_ratio, load_theme


def test_contrast_ratio_extremes():
    """Black on white is 21:1; a colour on itself is 1:1."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#56B4E9", "#56B4E9") == pytest.approx(1.0)


def test_contrast_ratio_is_symmetric():
    """Order of the two colours does not matter."""
    assert contrast_ratio("#E69F00", "#12161c") == pytest.approx(contrast_ratio("#12161c", "#E69F00"))


@pytest.mark.parametrize("name", sorted(THEME_FILES))
def test_every_declared_pair_reaches_4_5(name):
    """Each style (fg on bg) in each theme is readable: contrast >= 4.5:1."""
    theme = load_theme(name)
    low = [(style, round(contrast_ratio(fg, bg), 2)) for style, fg, bg in theme.pairs()
           if contrast_ratio(fg, bg) < 4.5]
    assert not low, f"{name}: styles below 4.5:1: {low}"


@pytest.mark.parametrize("name", sorted(THEME_FILES))
def test_themes_declare_the_same_styles(name):
    """Both themes offer the same style names, so switching never breaks a screen."""
    assert set(load_theme(name).styles) == set(load_theme("default").styles)


def test_okabe_ito_palette_present():
    """The accent colours are the Okabe-Ito palette."""
    colours = {c for c in load_theme("default").colours.values()}
    okabe_ito = {(230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66),
                 (0, 114, 178), (213, 94, 0), (204, 121, 167), (0, 0, 0)}
    assert okabe_ito <= colours


@pytest.mark.parametrize("name", sorted(THEME_FILES))
def test_board_graphics_stand_out_in_both_themes(name):
    """Delegation colours, the tension dial's bands and the focus halo are graphics:
    each reaches 3:1 against the panel behind it (WCAG 1.4.11), and the delegations'
    colours are all different (their emblems and names say the same in other ways)."""
    theme = load_theme(name)
    panel = theme.style("panel").bg
    graphics = (*theme.delegations, *theme.bands, theme.colour("focus"))
    low = [c for c in graphics if contrast_ratio(c, panel) < 3]
    assert not low, f"{name}: graphics below 3:1 on the panel: {low}"
    assert len(set(theme.delegations)) == len(theme.delegations) >= 8  # scenarios have up to 8
    assert len(theme.bands) == 4
