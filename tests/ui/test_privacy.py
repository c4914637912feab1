"""Hand-off screens never receive or draw private information."""

from game.ui.base import walk
from game.ui.play.public import HandoffScene
from game.ui.play.text import action_label
from game.ui.screenshots import ScriptedGame


def private_texts(session) -> set[str]:
    """Every objective of every role, and every order given this round but not yet revealed."""
    sc = session.scenario
    texts = {o.text for r in sc.roles for o in r.objectives}
    texts |= {r.briefing.strip() for r in sc.roles}
    if not session.state.over:
        texts |= {action_label(sc, a) for acts in session.state.orders.values() for a in acts}
    return texts


def test_handoff_scenes_get_only_the_public_view(app):
    """Each hand-off reads view_for(None): no objectives, no orders, no offers, fogged support."""
    game = ScriptedGame(app)
    handoffs = 0
    for _ in game.play(every=True):
        top = app.stack.top
        if not isinstance(top, HandoffScene):
            continue
        handoffs += 1
        view = top.view
        assert top.viewer is None and view.role is None
        assert view.objectives == () and view.orders == () and view.offers == ()
        assert view.own_support() is None
        shown = [t for w in walk(top.ensure_root()) for t in w.texts()]
        leaks = [p for p in private_texts(top.session) if any(p in t for t in shown)]
        assert leaks == [], f"hand-off for {top.role} shows {leaks}"
    assert handoffs >= 3


def test_private_screen_shows_own_objectives_only(app):
    """The orders screen shows its own team's objectives and none of the others'."""
    game = ScriptedGame(app)
    for _ in game.play():
        top = app.stack.top
        if type(top).__name__ == "OrdersScene":
            break
    sc = top.scenario
    shown = " ".join(t for w in walk(top.ensure_root()) for t in w.texts())
    mine = sc.role(top.viewer).objectives
    others = [o for r in sc.roles if r.id != top.viewer for o in r.objectives]
    assert all(o.text in shown for o in mine)
    assert not any(o.text in shown for o in others if o.text not in {m.text for m in mine})
