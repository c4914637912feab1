"""Words for ids, and scenario text reflowed for the window."""

from game.ui.play.text import prose


def test_prose_joins_lines_and_keeps_paragraphs():
    """YAML block text: single breaks become spaces, blank lines separate paragraphs."""
    assert prose("One line\nand the next.\n\nA new  paragraph\n  here.\n") == \
        "One line and the next.\nA new  paragraph here."
