"""The talks screen: reached from a team's orders, played from the keyboard, private to
the team, and fitting a projector at scale 2.0."""

from itertools import product
from pathlib import Path

import pygame

from game.model.actions import Talk
from game.rules.talks import support_problem
from game.session.talk_turn import talk_turn
from game.ui.base import walk
from game.ui.screenshots import ScriptedGame
from game.ui.widgets import Button, Label
from tests.ui.test_game_keyboard import tab_to
from tests.ui.test_orders import first_orders
from tests.ui.test_overflow import problems

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def open_talks(app, drive):
    """A team's orders screen, then T: its talks screen."""
    orders = first_orders(app)
    drive.press(app, pygame.K_t, unicode="t")
    top = app.stack.top
    assert type(top).__name__ == "TalksScene" and top.viewer == orders.viewer
    return orders, top


def shown(app) -> str:
    return " ".join(t for w in walk(app.stack.top.ensure_root()) for t in w.texts())


def test_the_talks_open_from_the_orders_and_esc_comes_back(app, drive):
    orders = first_orders(app)
    assert drive.find(app, "orders:talks").text.startswith("Talks")
    orders, talks = open_talks(app, drive)
    assert "Talks: " in shown(app) and "Your package" in shown(app)
    drive.press(app, pygame.K_ESCAPE)
    assert app.stack.top is orders and not orders.chosen


def test_a_proposal_made_by_keyboard_reaches_the_talks(app, drive):
    """Digits pick an option of the issue holding the focus, Tab jumps to the next issue,
    Enter on Propose sends the package to the state's talks."""
    orders, talks = open_talks(app, drive)
    role = talks.viewer
    issues = talk_turn(talks.session, role).issues
    first, second = issues[0], issues[1]
    tab_to(app, drive, f"talks:option:{first.id}:{first.options[0].id}")
    drive.press(app, pygame.K_2, unicode="2")
    assert talks.choices[first.id] == first.options[1].id
    drive.press(app, pygame.K_TAB)
    assert drive.focused_key(app) == f"talks:option:{second.id}:{second.options[0].id}"
    drive.press(app, pygame.K_3, unicode="3")
    assert talks.choices[second.id] == second.options[2].id
    assert drive.find(app, f"talks:option:{second.id}:{second.options[2].id}").selected
    before = len(talks.session.state.talks)
    tab_to(app, drive, "talks:propose")
    drive.press(app, pygame.K_RETURN)
    assert len(talks.session.state.talks) == before, "Propose asks 'Send it?' first"
    assert "Send it?" in shown(app) and drive.focused_key(app) == "talks:send"
    drive.press(app, pygame.K_RETURN)
    drive.press(app, pygame.K_RETURN)  # a double Enter: the second lands on the chooser
    sent = [m for m in talks.session.state.talks[before:] if m.sender == role]
    assert len([m for m in sent if m.kind == "propose"]) == 1, "sent once, not twice"
    assert dict(sent[0].terms)[first.id] == first.options[1].id
    assert dict(sent[0].terms)[second.id] == second.options[2].id
    assert talks.note == f"Sent proposal {sent[0].id}."
    assert drive.focused_key(app).startswith(f"talks:option:{first.id}:")


def test_a_refusal_shows_in_one_line(app, drive):
    """With every addressee toggled off, Propose is refused in words and nothing is sent."""
    orders, talks = open_talks(app, drive)
    for role in talk_turn(talks.session, talks.viewer).parties:
        tab_to(app, drive, f"talks:to:{role}")
        drive.press(app, pygame.K_RETURN)
    before = len(talks.session.state.talks)
    tab_to(app, drive, "talks:propose")
    drive.press(app, pygame.K_RETURN)
    assert len(talks.session.state.talks) == before
    assert talks.note.startswith("Not sent: ") and "\n" not in talks.note
    note = next(w for w in walk(talks.ensure_root())
                if isinstance(w, Label) and w.text == talks.note)
    assert app.surface.get_rect().contains(note.rect)


def test_accepting_an_ai_proposal_concludes_the_agreement(app, drive):
    """Solo: an AI delegation proposes a package to the team alone; Accept, from the
    keyboard, concludes the agreement."""
    for _ in ScriptedGame(app, solo=True).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "OrdersScene":
            break
    session, me = top.session, top.viewer
    other = next(r for r in session.game.talks.parties if r != me)
    t = session.game.talks
    acceptable = next(p for p in (tuple(zip(t.issues, choice, strict=True))
                                  for choice in product(*(t.options[i] for i in t.issues)))
                      if support_problem(session.state, session.game, me, p) is None)
    session.submit(Talk(other, "propose", 0, (me,), tuple(acceptable)))
    proposal = session.state.talks[-1].id
    top.open_talks()
    talks = app.stack.top
    assert any(p.id == proposal for p in talks.now().waiting)
    assert "Proposals waiting for your answer" in shown(app)
    tab_to(app, drive, f"talks:accept:{proposal}")
    drive.press(app, pygame.K_RETURN)
    assert session.state.agreement is not None
    assert session.state.agreement.status == "pending"
    assert "You accepted proposal" in talks.note
    assert "Agreed by" in shown(app)


def test_the_talks_fit_at_scale_two_without_cut_words(make_app, drive):
    app = make_app(2.0, size=(1280, 720))
    orders, talks = open_talks(app, drive)
    assert problems(app) == []
    for w in walk(talks.ensure_root()):
        if isinstance(w, Button):
            dx, width = w._inner(w.ui, w.rect.width)
            for line in w.ui.wrap(w.text, "body", True, width):
                assert set(line.split()) <= set(w.text.split()), (w.text, line)
        elif isinstance(w, Label):
            for line in w.ui.wrap(w.text, w.size, w.bold, w.rect.width):
                assert set(line.split()) <= set(w.text.split()), (w.text, line)


def test_a_scenario_without_talks_has_no_talks_button(app, drive):
    game = ScriptedGame(app, scenario=SCENARIOS / "incidents-at-sea-1972.yaml")
    for _ in game.play(every=True):
        top = app.stack.top
        if type(top).__name__ == "OrdersScene":
            break
    else:
        raise AssertionError(game.problem or "no orders screen")
    assert not any(w.key == "orders:talks" for w in walk(top.ensure_root()))
    drive.press(app, pygame.K_t, unicode="t")
    assert app.stack.top is top
