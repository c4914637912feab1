"""A whole classroom game, Title to End, driven only by posted keyboard events."""

import pygame

from game.ui.play.end import EndScene
from game.ui.play.public import HandoffScene


def tab_to(app, drive, key: str, limit: int = 80) -> None:
    """Press Tab until the widget `key` has the focus."""
    for _ in range(limit):
        if drive.focused_key(app) == key:
            return
        drive.press(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reached {key}; stuck on {drive.focused_key(app)}")


def setup_game(app, drive, rounds: int) -> None:
    """Title -> New game (3 human teams, `rounds` rounds, seed 77) -> Start."""
    drive.press(app, pygame.K_1)
    assert type(app.stack.top).__name__ == "NewGameScene"
    tab_to(app, drive, "new:rounds")
    for _ in range(app.stack.top.rounds - rounds):
        drive.press(app, pygame.K_LEFT)
    tab_to(app, drive, "new:seed")
    for _ in range(9):
        drive.press(app, pygame.K_BACKSPACE)
    for ch in "77":
        drive.press(app, getattr(pygame, f"K_{ch}"), unicode=ch)
    assert app.stack.top.seed == "77"
    tab_to(app, drive, "new:start")
    drive.press(app, pygame.K_RETURN)


def play_screen(app, drive) -> None:
    """One keyboard move on whatever game screen is showing."""
    top = app.stack.top
    kind = type(top).__name__
    if kind == "HandoffScene":
        wait_for_handoff(top)
    if kind == "ResolutionScene" and top.playing():
        top.started -= top.ARM_S  # past the moment in which keys are ignored
    if kind == "OrdersScene":
        offers = [k for k in keys(app) if k.startswith("action:") and top.scenario.action(
            k.split(":")[2].split("@")[0]).offer]
        if offers:  # an offer first, so that the other teams have something to answer
            tab_to(app, drive, offers[0])
            drive.press(app, pygame.K_RETURN)
        while app.stack.top is top and (
                open_actions := [k for k in keys(app) if k.startswith("action:")]):
            press_number(app, drive, drive.find(app, open_actions[0]).number)
        if app.stack.top is top:
            tab_to(app, drive, "orders:confirm")
            drive.press(app, pygame.K_RETURN)
        tab_to(app, drive, "confirm:yes")  # the review: "Send these orders: …?"
    elif kind == "EventScene":
        tab_to(app, drive, "event:go")
    elif kind == "ConfirmScene":  # the review of a team's orders
        tab_to(app, drive, "confirm:yes")
    elif kind == "ResponsesScene":  # then the review of the answers, as for orders
        for k in [k for k in keys(app) if k.startswith("accept:") or k == "responses:noted"]:
            tab_to(app, drive, k)
            drive.press(app, pygame.K_RETURN)
        tab_to(app, drive, "responses:confirm")
    drive.press(app, pygame.K_RETURN)


def press_number(app, drive, number: int) -> None:
    """Type an order's menu number: one digit, or two quickly one after the other."""
    for i, ch in enumerate(str(number)):
        drive.press(app, getattr(pygame, f"K_{ch}"), unicode=ch, quick=i > 0)
    if getattr(app.stack.top, "refining", None) is not None:  # 1 of 1-19: Enter keeps item 1
        drive.press(app, pygame.K_RETURN, quick=True)


def wait_for_handoff(scene) -> None:
    """Let the hand-off's moment pass (it ignores keys pressed sooner)."""
    scene.opened = scene.clock() - scene.ARM_S


def keys(app) -> list[str]:
    """Keys of the focusable widgets on the top screen."""
    scene = app.stack.top
    return [w.key for w in scene.focus.focusables(scene.ensure_root())]


def test_full_classroom_game_by_keyboard(app, drive):
    """Three human teams play every round with keys only and reach the End screen."""
    setup_game(app, drive, rounds=10)
    seen = set()
    for _ in range(300):
        if isinstance(app.stack.top, EndScene):
            break
        seen.add(type(app.stack.top).__name__)
        play_screen(app, drive)
    assert isinstance(app.stack.top, EndScene)
    session = app.stack.top.session
    assert session.state.over and session.state.round == 10 and session.seed == 77
    assert {"HandoffScene", "BriefingScene", "EventScene", "OrdersScene", "ResponsesScene",
            "ResolutionScene"} <= seen
    tab_to(app, drive, "end:debrief")
    drive.press(app, pygame.K_RETURN)
    assert "Saved:" in app.stack.top.exported
    path = app.stack.top.exported.split("Saved: ", 1)[1]
    assert open(path, encoding="utf-8").read().startswith("<!doctype html>")
    tab_to(app, drive, "end:title")
    drive.press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ == "TitleScene"


def confirm_in_dialog(app, drive) -> None:
    """On the confirmation dialog (focus on "No, go back"), choose Yes."""
    assert type(app.stack.top).__name__ == "ConfirmScene"
    assert drive.focused_key(app) == "confirm:no"
    tab_to(app, drive, "confirm:yes")
    drive.press(app, pygame.K_RETURN)


def test_escape_opens_facilitator_and_end_game(app, drive):
    """Esc on a game screen opens the facilitator panel; ending the game asks in a
    dialog whose default is "No, go back" and which ignores a double Enter."""
    setup_game(app, drive, rounds=3)
    assert isinstance(app.stack.top, HandoffScene)
    drive.press(app, pygame.K_ESCAPE)
    assert type(app.stack.top).__name__ == "FacilitatorScene"
    drive.press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, HandoffScene)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:end")
    drive.press(app, pygame.K_RETURN)
    drive.press(app, pygame.K_RETURN, quick=True)  # a double Enter: ignored by the dialog
    assert type(app.stack.top).__name__ == "ConfirmScene"
    drive.press(app, pygame.K_RETURN)  # "No, go back"
    assert type(app.stack.top).__name__ == "FacilitatorScene"
    assert not app.stack.top.flow.session.state.over
    drive.press(app, pygame.K_RETURN)
    confirm_in_dialog(app, drive)
    assert isinstance(app.stack.top, EndScene)


def test_continue_resumes_the_autosave(make_app, drive):
    """Play into round 2, close, reopen: Continue resumes the same game in the same round."""
    from game.ui.screenshots import ScriptedGame
    app = make_app()
    game = ScriptedGame(app)
    for _ in game.play(every=True):
        state = app.stack.top.session.state if hasattr(app.stack.top, "session") else None
        if state is not None and state.round == 2:
            break
    seed = app.stack.top.session.seed
    again = make_app()
    again.step()  # the title looks for the autosave after its first frame
    assert drive.find(again, "title:Continue").enabled
    assert drive.focused_key(again) == "title:Continue"
    drive.press(again, pygame.K_RETURN)
    assert type(again.stack.top).__name__ == "ContinueScene"
    assert drive.focused_key(again).startswith("continue:")  # the newest game
    drive.press(again, pygame.K_RETURN)
    top = again.stack.top
    assert top.session.seed == seed and top.session.state.round == 2
    assert type(top).__name__ in ("EventScene", "HandoffScene")


def test_page_down_scrolls_a_long_screen(make_app, drive):
    """PageDown and Home scroll the page for keyboard users."""
    from game.ui.screens.settings_screen import SettingsScene
    app = make_app(2.0)
    app.stack.push(SettingsScene(app))
    app.draw()
    view = app.stack.top.ensure_root()
    assert view.offset == 0
    drive.press(app, pygame.K_PAGEDOWN)
    assert app.stack.top.ensure_root().offset > 0
    drive.press(app, pygame.K_HOME)
    assert app.stack.top.ensure_root().offset == 0


def test_facilitator_injects_an_event_and_undoes_a_round(make_app, drive):
    """From the panel: number keys pick the event to inject; Undo goes back one round."""
    from game.ui.screenshots import ScriptedGame
    app = make_app()
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "EventScene" and top.session.state.round == 2:
            break
    session = app.stack.top.session
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:inject")
    drive.press(app, pygame.K_RETURN)
    event = session.scenario.events[2]  # not yet happened in round 2
    assert not any(e.source == event.id for e in session.state.ledger)
    drive.press(app, pygame.K_3)
    assert not any(e.source == event.id for e in session.state.ledger), "it asks first"
    confirm_in_dialog(app, drive)
    assert type(app.stack.top).__name__ == "EventScene"
    assert any(e.cause == "event" and e.source == event.id for e in session.state.ledger)
    drive.press(app, pygame.K_ESCAPE)
    tab_to(app, drive, "fac:undo")
    drive.press(app, pygame.K_RETURN)
    assert session.state.round == 2, "Undo asks for confirmation first"
    drive.press(app, pygame.K_RETURN)  # "No, go back"
    assert session.state.round == 2 and type(app.stack.top).__name__ == "FacilitatorScene"
    drive.press(app, pygame.K_RETURN)
    confirm_in_dialog(app, drive)
    assert session.state.round == 1 and type(app.stack.top).__name__ == "EventScene"


def test_a_finished_game_continues_on_its_end_screen(make_app, drive):
    """Esc on the End screen opens the facilitator panel (as the key hint says); after
    leaving, Continue shows the finished game's End screen again, debrief and all."""
    app = make_app()
    setup_game(app, drive, rounds=3)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:end")
    drive.press(app, pygame.K_RETURN)
    confirm_in_dialog(app, drive)
    assert isinstance(app.stack.top, EndScene)
    drive.press(app, pygame.K_ESCAPE)
    assert type(app.stack.top).__name__ == "FacilitatorScene"
    assert not drive.find(app, "fac:end").enabled
    assert "not available now" in drive.find(app, "fac:end").detail  # in words, not grey only
    tab_to(app, drive, "fac:quit")
    drive.press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ == "TitleScene"
    again = make_app()
    again.step()
    drive.press(again, pygame.K_2)
    drive.press(again, pygame.K_1)
    assert isinstance(again.stack.top, EndScene)
    assert drive.focused_key(again) == "end:debrief"


def test_event_list_opens_on_its_first_event(make_app, drive):
    """Inject an event… puts the focus on event 1; Esc returns to the Inject button."""
    from game.ui.screenshots import ScriptedGame
    app = make_app()
    for _ in ScriptedGame(app).play(every=True):
        if type(app.stack.top).__name__ == "EventScene":
            break
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:inject")
    drive.press(app, pygame.K_RETURN)
    first = app.stack.top.flow.scenario.events[0]
    assert drive.focused_key(app) == f"event:{first.title}"
    drive.press(app, pygame.K_ESCAPE)
    assert drive.focused_key(app) == "fac:inject"
