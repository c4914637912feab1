"""Private views: over random games, every view for every viewer at every step holds only
what that viewer may see, and serialises to JSON."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.rules import offers_to, view_for
from tests.rules.test_properties import SCENARIOS, random_game

PRIVACY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_view(state, game, viewer) -> None:
    """Every rule of the fog, for one viewer of one state."""
    view = view_for(state, game, viewer)
    data = json.loads(json.dumps(view.to_dict()))
    over = state.over
    others = [r for r in game.roles if r != viewer]
    for r in game.roles:
        low, high = data["support"][r]
        assert low <= state.support[r] <= high
        if r in others and not over:
            assert high - low >= game.scenario.rules.fog_min > 0, "another team's support is exact"
    hidden = set() if over else {f"support.{r}" for r in others}
    seen = [e for e in state.ledger if e.meter not in hidden]
    assert data["ledger"] == [e.as_dict() for e in seen], "the ledger is not exactly the visible one"
    # A ratification's entry says only whether it passed, never the chance (the support).
    assert all(e["detail"][1:] in ([0], [1]) for e in data["ledger"] if e["detail"][0] == "ratified")
    mine = [a.text() for a in state.orders.get(viewer, ())] if viewer else []
    assert data["orders"] == mine, "orders not the viewer's own"
    due = offers_to(state, game, viewer) if viewer and state.phase == "responses" else []
    assert [o["key"] for o in data["offers"]] == [o.key for o in due]
    assert [r["round"] for r in data["records"]] == list(range(1, len(state.records) + 1))
    own = [o.id for o in game.objectives[viewer]] if viewer else []
    assert [o["id"] for o in data["objectives"]] == own
    text = json.dumps(data)
    for r in others:
        assert all(o.text not in text for o in game.objectives[r]), "another team's objectives"


@PRIVACY
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_every_view_holds_only_what_its_viewer_may_see(name, seed, pick):
    """At every step of a random game, the view of each team and the public view reveal no
    other team's exact support, orders, answers or objectives, and no hidden ledger entry."""
    game = SCENARIOS[name]
    _, states = random_game(game, seed, pick)
    for state in states:
        for viewer in (*game.roles, None):
            check_view(state, game, viewer)


def test_transparency_is_public_in_every_ledger():
    """Transparency entries are in the ledger of every team and of the public view."""
    game = SCENARIOS["two_roles"]
    _, states = random_game(game, 5, 9)
    playing = [s for s in states if not s.over
               and any(e.meter.startswith("transparency.") for e in s.ledger)]
    assert playing, "the random game took no transparency measure"
    state = playing[0]
    for viewer in (*game.roles, None):
        view = view_for(state, game, viewer)
        assert [e for e in view.ledger() if e.meter.startswith("transparency.")] == \
            [e for e in state.ledger if e.meter.startswith("transparency.")]
