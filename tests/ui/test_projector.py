"""Projector layouts: on every shared screen the public state fits in the window, unscrolled.

Checked at every size `--screenshot` renders (1280x720 at UI scale 1.0, 1.5 and 2.0;
1920x1080 at 2.0), in both themes.
"""

from pathlib import Path

import pytest

from game.authoring.companion import is_companion
from game.ui.base import walk
from game.ui.containers import ScrollView
from game.ui.play.board import Board
from game.ui.screenshots import SIZES, THEMES, ScriptedGame

SHARED = ("HandoffScene", "EventScene", "ResolutionScene", "EndScene")
CELLS = {"ClockCell", "TensionDial", "TrustDiagram", "SupportBars", "CoopTrack", "Commitments"}


def shared_screens(app):
    """Each kind of shared screen once, as the scripted classroom game reaches it."""
    seen = set()
    for _ in ScriptedGame(app).play(every=True):
        kind = type(app.stack.top).__name__
        if kind in SHARED and kind not in seen:
            seen.add(kind)
            yield kind, app.stack.top
    assert seen == set(SHARED)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("size", "scale"), SIZES)
def test_public_state_lies_inside_the_window(make_app, size, scale, theme):
    app = make_app(scale, theme == "high_contrast", size)
    window = app.surface.get_rect()
    for kind, scene in shared_screens(app):
        root = scene.ensure_root()
        boards = [w for w in walk(root) if isinstance(w, Board)]
        assert len(boards) == 1, kind
        board = boards[0]
        assert not any(isinstance(w, ScrollView) and board in walk(w) for w in walk(root))
        assert board.rect.width * board.rect.height >= window.width * window.height * 0.45, kind
        cells = board.children()
        assert {type(c).__name__ for c in cells} == CELLS
        for cell in cells:
            assert window.contains(cell.rect) and cell.rect.width > 40, (kind, cell)
        for a in cells:
            assert not any(a is not b and a.rect.colliderect(b.rect) for b in cells), (kind, a)
        app.dirty = True
        app.draw()  # and it draws


def test_the_board_says_it_all_in_words(make_app):
    """Every public fact is on the board in words, not only in colour or position."""
    app = make_app(2.0, size=(1280, 720))
    for kind, scene in shared_screens(app):
        if kind != "EventScene":
            continue
        scene.flow.timer.clock = lambda: 0.0  # time stands still: no race with the clock
        scene.flow.timer.restart()
        scene.invalidate()
        board = next(w for w in walk(scene.ensure_root()) if isinstance(w, Board))
        words = " ".join(board.texts())
        view, sc = scene.view, scene.scenario
        assert f"Round {view.round} of {view.rounds}" in words
        assert "Talks timer 05:00: Talks under way" in words
        assert f"Tension {view.tension} of 100: {view.band}" in words
        for (a, b), value in view.trust.items():
            assert f"{sc.role(a).name} → {sc.role(b).name} {value}" in words
        for role in sc.role_ids:
            low, high = view.support[role]
            assert f"{sc.role(role).domestic_label}: {low}–{high}" in words
        for ms in sc.milestones:
            assert ms.name in words
        assert "Commitments in force" in words
        return


def test_delegation_colours_follow_the_role_order(app):
    """The first role gets the first colour and emblem, whatever its id."""
    from game.ui.identity import EMBLEMS, delegations
    from game.ui.services import load_scenario, scenario_files
    sc = load_scenario(scenario_files()[0][0])
    who = delegations(sc, app.ui.theme)
    assert list(who) == list(sc.role_ids)
    for i, d in enumerate(who.values()):
        assert d.colour == app.ui.theme.delegations[i] and d.emblem == EMBLEMS[i]
    assert len({d.colour for d in who.values()}) == len(who)


def test_the_countdown_says_its_state_in_words(make_app):
    """Running, paused, time up, and over once the room moves on to orders."""
    from game.ui.play.public import EventScene
    app = make_app(2.0, size=(1280, 720))
    scene = next(s for kind, s in shared_screens(app) if kind == "EventScene")
    assert isinstance(scene, EventScene)

    def clock_line():
        scene.invalidate()
        board = next(w for w in walk(scene.ensure_root()) if isinstance(w, Board))
        return board.cells[0].lines()[0]

    timer = scene.flow.timer
    timer.clock = lambda: 0.0  # time stands still: the test never races the clock
    timer.restart()
    assert clock_line() == "Talks timer 05:00: Talks under way"
    timer.pause()
    assert clock_line().endswith("PAUSED")
    timer.add(-timer.remaining())
    assert clock_line().endswith("TIME IS UP · the round goes on")
    scene.end_talks()
    assert timer.state() == "talks over" and timer.next_tick() is None


SCENARIO_FILES = sorted(p for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")
                        if not is_companion(p))


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_bundled_scenario_fits(make_app, monkeypatch, path, scale):
    """Two, three or four delegations: the board still lies inside a 1280x720 window."""
    from game.ui import services
    monkeypatch.setattr(services, "default_scenario", lambda: path)
    app = make_app(scale, size=(1280, 720))
    window = app.surface.get_rect()
    for kind, scene in shared_screens(app):
        board = next(w for w in walk(scene.ensure_root()) if isinstance(w, Board))
        assert all(window.contains(c.rect) for c in board.children()), kind
        names = " ".join(board.texts())
        assert all(r.name in names for r in scene.scenario.roles), kind
