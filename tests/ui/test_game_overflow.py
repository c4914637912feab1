"""Every game screen fits at UI scale 1.0 and 2.0: no text is cut, nothing sticks out."""

import pytest

from game.ui.screenshots import ScriptedGame
from tests.ui.test_overflow import problems


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_game_screens_do_not_overflow(make_app, scale):
    """Title to End through a scripted game: each screen is checked as it is shown."""
    app = make_app(scale)
    names = []
    for name in ScriptedGame(app).play():
        app.draw()
        assert problems(app) == [], name
        names.append(name)
    assert {"hand-off", "briefing", "event-card", "orders", "responses", "resolution",
            "facilitator", "end", "talks"} <= set(names)
