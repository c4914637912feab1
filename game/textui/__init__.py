"""The text mode: the same game in a terminal, for hot-seat play, screen readers and scripts.

`game.textui.main` starts and finishes games from the command line, `play` runs the
round loop, `render` turns views into text, and `console` handles hidden input.
"""
