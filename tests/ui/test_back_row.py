"""The shared screens from the back row: every text large enough, whole and apart.

At every size and theme `--screenshot` renders (1280x720 at UI scale 1.0, 1.5 and
2.0; 1920x1080 at 2.0), for every bundled scenario and for five and eight delegations
(tests/ui/fixtures), each shared screen is drawn and measured: the title, the hand-off,
the event card with its talks timer running, paused and out of time, the event card
with an event the facilitator brought in, the results part-read and read, and the End
screen. Every visible text reaches the least ink height for the scale (18 px from
ascender to descender and 12 px capitals at scale 2.0), lies inside the window, and
touches no other text; the board's text stays inside its cells. The news, the
timer and the scores are in view without scrolling.
"""

from pathlib import Path

import pytest

from game.authoring.companion import is_companion
from game.ui.base import walk
from game.ui.containers import ScrollView
from game.ui.screenshots import SIZES, THEMES, ScriptedGame
from tests.ui.textprobe import problems

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = [*sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if not is_companion(p)),
             ROOT / "tests/ui/fixtures/five-roles.yaml", ROOT / "tests/ui/fixtures/eight-roles.yaml"]


def _check(app, what: str, found: dict) -> None:
    app.stack.top.invalidate()
    found[what] = problems(app)


def in_view(app, key_or_widget) -> bool:
    """True when the widget lies wholly inside the page's visible area."""
    root = app.stack.top.ensure_root()
    widget = key_or_widget if not isinstance(key_or_widget, str) else \
        next(w for w in walk(root) if w.key == key_or_widget)
    view = next(w for w in walk(root) if isinstance(w, ScrollView))
    return view.rect.contains(widget.rect)


def shared_screens(app, scenario: Path, found: dict) -> None:
    """Play two rounds of a classroom game, measuring each shared screen on the way."""
    app.step()
    _check(app, "title", found)
    injected = read = False
    for _ in ScriptedGame(app, scenario=scenario, rounds=2).play(every=True):
        top = app.stack.top
        kind = type(top).__name__
        if kind == "HandoffScene" and "hand-off" not in found:
            _check(app, "hand-off", found)
        elif kind == "EventScene" and "event" not in found:
            timer = top.flow.timer
            timer.clock = lambda: 0.0
            timer.restart()
            _check(app, "event", found)
            assert all(in_view(app, w) for w in _cards(app)), "the news is below the fold"
            timer.pause()
            _check(app, "event, paused", found)
            timer.add(-timer.remaining())
            _check(app, "event, time is up", found)
        elif kind == "EventScene" and top.view.round == 2 and not injected:
            injected = _inject(top)
            if injected:
                _check(app, "event and the facilitator's event", found)
                assert len(_cards(app)) == 2 and all(in_view(app, w) for w in _cards(app))
        elif kind == "ResolutionScene" and not read:
            read = True
            top.started = top.clock() - 2.5 * top.STEP_S
            _check(app, "results, reading", found)
            top.skip()
            _check(app, "results, read", found)
        elif kind == "EndScene":
            _check(app, "end", found)
            assert in_view(app, "end:scores") and in_view(app, "end:debrief")
            return
    raise AssertionError("the game did not reach its end")


def _cards(app):
    from game.ui.widgets import Panel
    return [w for w in walk(app.stack.top.ensure_root())
            if isinstance(w, Panel) and w.style == "card"]


def _inject(scene) -> bool:
    """Bring in an event other than the round's own; False if the scenario has none."""
    own = scene.view.event.id if scene.view.event else None
    for event in scene.scenario.events:
        if event.id != own and not scene.flow.inject(event.id):
            scene.flow.advance()
            return True
    return False


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("size", "scale"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_every_shared_screen_reads_from_the_back_row(make_app, scenario, size, scale, theme):
    app = make_app(scale, theme == "high_contrast", size)
    found: dict[str, list[str]] = {}
    shared_screens(app, scenario, found)
    bad = {what: lines[:5] for what, lines in found.items() if lines}
    assert not bad, bad
