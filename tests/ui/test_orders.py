"""The orders screen by keyboard: picking keeps the focus in the list of actions."""

import pygame

from game.ui.base import walk
from game.ui.screenshots import ScriptedGame
from tests.ui.test_game_keyboard import press_number


def first_orders(app):
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "OrdersScene" and not top.chosen:
            return top
    raise AssertionError("no orders screen")


def numbers(app, scene=None) -> dict[str, int]:
    """Each order card's key -> its number, as the orders screen shows it."""
    scene = scene or app.stack.top
    return {w.key: w.number for w in walk(scene.ensure_root()) if w.key and
            w.key.startswith("action:")}


def test_numbers_stay_fixed_while_picking(app, drive):
    """Every item of the full menu has a number; picking never renumbers; unavailable items
    keep theirs and say why; items above 9 are reached by typing two digits."""
    top = first_orders(app)
    before = numbers(app)
    assert sorted(before.values()) == list(range(1, len(top.menu) + 1)) and len(top.menu) > 9
    open_ = top._listed()
    first = open_[0]
    press_number(app, drive, top.menu.index(first) + 1)
    assert top.chosen == [first]
    assert numbers(app) == before
    mine = next(w for w in walk(top.ensure_root()) if w.key == f"action:{first.text()}")
    assert mine.selected and "picked" in mine.detail  # in words and a ☑, not colour alone
    shut = [a for a in top.menu if a not in top._listed() and a not in top.chosen]
    assert shut, "something is closed once points are spent"
    card = drive.find(app, f"action:{shut[0].text()}")
    assert not card.enabled and "not available:" in card.detail
    high = [a for a in top._listed() if top.menu.index(a) >= 9]
    if high:
        press_number(app, drive, top.menu.index(high[0]) + 1)
        assert top.chosen[-1] == high[0]
        assert numbers(app, top) == before


def _open_item(top, low: int = 1, high: int = 9) -> int:
    """The number of an open item between `low` and `high`."""
    return next(i for i in range(low, high + 1) if top.menu[i - 1] in top._listed())


def test_a_digit_picks_at_once_and_a_second_digit_refines_it(app, drive):
    """1 picks item 1 there and then, and says so; a 2 typed at once makes it item 12
    instead, and the line says that too."""
    top = first_orders(app)
    assert len(top.menu) >= 12
    first = _open_item(top)
    drive.press(app, getattr(pygame, f"K_{first}"), unicode=str(first))
    assert top.chosen == [top.menu[first - 1]]
    assert f"Picked item {first}" in top.note
    if first * 10 + 1 <= len(top.menu):
        assert "second digit" in top.note
        second = first * 10 + 1
        drive.press(app, pygame.K_1, unicode="1", quick=True)
        item = top.menu[second - 1]
        if item in top.session.legal(top.viewer):
            assert top.chosen == [item] and f"instead of item {first}" in top.note
        else:
            assert top.chosen == [top.menu[first - 1]] and "stays picked" in top.note


def test_a_repeated_digit_never_unpicks(app, drive):
    """0 1 picks item 1 at once; the same keys again say it is already picked and take
    nothing out."""
    top = first_orders(app)
    n = _open_item(top)
    for _ in range(2):
        drive.press(app, pygame.K_0, unicode="0")
        drive.press(app, getattr(pygame, f"K_{n}"), unicode=str(n), quick=True)
        assert top.refining is None  # after a 0 the digit is the whole number
        assert top.menu[n - 1] in top.chosen
    assert top.chosen.count(top.menu[n - 1]) >= 1
    assert top.menu[n - 1] in top._listed() or "already in your orders" in top.note


def test_the_review_waits_while_a_second_digit_may_come(app, drive):
    """A digit whose pick spends the last point opens the review only once the moment
    for a second digit has passed (or Enter ends it), never under the second digit."""
    top = first_orders(app)
    while len(top._listed()) and top.app.stack.top is top:
        options = [i for i in range(1, 10) if top.menu[i - 1] in top._listed()]
        if not options:
            break
        drive.press(app, getattr(pygame, f"K_{options[0]}"), unicode=str(options[0]))
        if top.refining is not None:
            assert app.stack.top is top
            drive.press(app, pygame.K_RETURN, quick=True)  # keeps the pick as it is
    if not top._listed():
        assert type(app.stack.top).__name__ == "ConfirmScene"


def test_the_menu_is_the_same_next_round(app, drive):
    """A role's menu (and so its numbers) is the same from round to round."""
    seen = {}
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "OrdersScene":
            seen.setdefault(top.viewer, []).append(
                sorted((k, n) for k, n in numbers(app).items()))
        if getattr(top, "session", None) and top.session.state.round >= 3:
            break
    assert all(len(v) >= 2 and all(x == v[0] for x in v) for v in seen.values())


def test_last_point_spent_opens_the_review(app, drive):
    """When nothing else fits, the orders are shown for review; a quick second Enter does
    not send them; Change goes back with the focus on Confirm, in view; Confirm sends."""
    top = first_orders(app)
    while app.stack.top is top:
        press_number(app, drive, top.menu.index(top._listed()[0]) + 1)
    review = app.stack.top
    assert type(review).__name__ == "ConfirmScene" and "Send these orders" in review.detail
    assert drive.focused_key(app) == "confirm:no"
    drive.press(app, pygame.K_RETURN, quick=True)
    assert app.stack.top is review and top.viewer not in top.session.state.orders
    drive.press(app, pygame.K_RETURN)  # Change
    assert app.stack.top is top and drive.focused_key(app) == "orders:confirm"
    main = top.ensure_root().items[0]
    assert main.rect.contains(drive.find(app, "orders:confirm").rect)
    drive.press(app, pygame.K_RETURN)
    drive.press(app, pygame.K_DOWN)
    assert drive.focused_key(app) == "confirm:yes"
    drive.press(app, pygame.K_RETURN)
    assert top.viewer in top.session.state.orders or top.flow.hotseat


def test_answering_an_offer_moves_on_to_the_next(app, drive):
    """Enter on Accept answers that offer and moves the focus to the next offer still
    open, then to Confirm: one Enter per offer, one to confirm."""
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "ResponsesScene" and top.view.offers and not top.answers:
            break
    else:
        raise AssertionError("no responses screen")
    offers = [o.key for o in top.view.offers]
    assert drive.focused_key(app) == f"accept:{offers[0]}"
    for key in offers[1:]:
        drive.press(app, pygame.K_RETURN)
        assert drive.focused_key(app) == f"accept:{key}"
    drive.press(app, pygame.K_RETURN)
    assert drive.focused_key(app) == "responses:confirm"
    assert all(top.answers[k] is True for k in offers)
    drive.press(app, pygame.K_RETURN)
    review = app.stack.top
    assert type(review).__name__ == "ConfirmScene" and review.heading == "Send these answers?"
    assert drive.focused_key(app) == "confirm:no"  # Change is the default


def test_offers_start_unanswered_and_confirm_says_why(app, drive):
    """No offer has a default answer: each shows ☐ Accept / ☐ Decline, and Confirm is
    disabled, saying how many are still to answer, until every offer is answered."""
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "ResponsesScene" and top.view.offers and not top.answers:
            break
    else:
        raise AssertionError("no responses screen with offers")
    for offer in top.view.offers:
        assert drive.find(app, f"accept:{offer.key}").selected is False
        assert drive.find(app, f"decline:{offer.key}").selected is False
    confirm = drive.find(app, "responses:confirm")
    assert not confirm.enabled and "still to answer" in confirm.text
    drive.press(app, pygame.K_RETURN, quick=True)
    assert not top.answers, "a key pressed as the screen opens answers nothing"


def _shape(scene) -> list[tuple]:
    """What the room sees of a screen from afar: its widgets' kinds, styles and sizes
    in order, without their words."""
    from game.ui.containers import ScrollView
    page = next(w for w in walk(scene.ensure_root()) if isinstance(w, ScrollView))
    return [(type(w).__name__, getattr(w, "style", None), getattr(w, "size", None))
            for w in walk(page)]


def test_answers_screens_look_alike_with_or_without_offers(app, drive):
    """A team without offers sees the answers screen in the same shape as a team with
    one offer (same heading, panel, buttons and Confirm), and both go through the same
    review: nothing on the projector says who received offers."""
    screens, shapes = {}, {}
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "ResponsesScene" and not top.answers and not top.noted:
            screens.setdefault(len(top.view.offers), top)
            shapes.setdefault(len(top.view.offers), _shape(top))
            if 0 in screens:
                break
    assert 0 in screens, "a team without offers came to the answers screen"
    none = screens[0]
    assert none.heading.startswith("Answers: ")
    labels = [w for w in walk(none.ensure_root()) if type(w).__name__ == "Label"]
    assert labels[1].text.startswith("Accept or decline each offer")
    kinds = [k for k, _s, _z in _shape(none)]
    assert kinds.count("Panel") == 1 and kinds.count("Row") == 1
    assert drive.find(app, "responses:confirm").text.startswith("Confirm answers")
    assert 1 in shapes, "the scripted game's first team to answer had one offer"

    def parts(shape):  # the same parts in the same order, whatever the words
        return [x for x in shape if x[0] not in ("Button", "Spacer")
                and x != ("Label", "panel", "small")]
    assert parts(shapes[1]) == parts(shapes[0])
    none.note_none()
    none.confirm()
    review = app.stack.top
    assert type(review).__name__ == "ConfirmScene" and review.heading == "Send these answers?"
    assert "none (no offer reached your delegation)" in review.detail


def test_order_cards_never_cut_a_word(make_app):
    """At every projector size the cards' names wrap between words ("programme" and
    "Washington" stay whole), and the whole menu takes at most a few PageDowns."""
    from game.ui.containers import ScrollView
    from game.ui.screenshots import SIZES
    for size, scale in SIZES:
        app = make_app(scale, size=size)
        top = first_orders(app)
        root = top.ensure_root()
        for card in (w for w in walk(root) if w.key and w.key.startswith("action:")):
            words = set(card.text.split())
            dx, width = card._inner(card.ui, card.rect.width)
            for line in card.ui.wrap(card.text, "body", True, width):
                assert set(line.split()) <= words, (size, scale, card.text, line)
        view = next(w for w in walk(root) if isinstance(w, ScrollView))
        assert view.content_h <= view.rect.height * 4, (size, scale)


def test_what_a_digit_did_is_said_in_view_and_never_on_the_next_screen(app, drive):
    """The line saying what was picked stays in view below the page, however far the
    focus scrolled it, and goes with the team's screen: the next hand-off shows none."""
    top = first_orders(app)
    n = _open_item(top)
    drive.press(app, getattr(pygame, f"K_{n}"), unicode=str(n))
    note = next(w for w in walk(top.ensure_root()) if "Picked item" in " ".join(w.texts()))
    assert app.surface.get_rect().contains(note.rect)
    top.send()
    shown = " ".join(t for w in walk(app.stack.top.ensure_root()) for t in w.texts())
    assert "Picked item" not in shown and type(app.stack.top).__name__ == "HandoffScene"
