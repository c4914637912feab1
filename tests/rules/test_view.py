"""Rule cases for information: what each team may see."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.rules import view_for
from game.rules.view import answering_view
from tests.helpers import play_round, start
from tests.rules.test_properties import SCENARIOS, random_game


def test_own_support_is_exact_and_others_are_a_range():
    """A team sees its own support exactly and another's as a range that contains it."""
    sc, s = start()
    v = view_for(s, sc, "north")
    assert v.support["north"] == (50, 50)
    lo, hi = v.support["south"]
    assert lo <= 50 <= hi and hi - lo == 30


def test_transparency_narrows_the_fog():
    """Transparency measures toward a viewer narrow its range of the measuring role's support."""
    sc, s = start()
    s, _ = play_round(s, sc, {"south": ["south:gift@north"]})
    lo, hi = view_for(s, sc, "north").support["south"]
    assert hi - lo == 20 and lo <= s.support["south"] <= hi


def test_objectives_are_private():
    """Each team sees only its own objectives; the public view sees none."""
    sc, s = start()
    assert [o.id for o in view_for(s, sc, "north").objectives] == ["calm"]
    assert view_for(s, sc, None).objectives == ()


def test_others_support_changes_are_hidden_from_the_ledger():
    """While playing, a team's ledger hides exact changes to other roles' support."""
    sc, s = start()
    s, _ = play_round(s, sc, {"south": ["south:shout"]})
    assert not [e for e in view_for(s, sc, "north").ledger() if e.meter == "support.south"]
    assert [e for e in view_for(s, sc, "south").ledger() if e.meter == "support.south"]


def test_orders_are_private_until_revealed():
    """A team's orders are not in another team's view until the round is revealed."""
    from game.model.actions import Action, Orders
    from game.rules import apply_action

    sc, s = start()
    s = apply_action(s, sc, Orders("north", (Action("north", "gift", "south"),)))
    assert view_for(s, sc, "south").orders == ()
    assert view_for(s, sc, None).orders == ()
    assert view_for(s, sc, "north").orders == (Action("north", "gift", "south"),)


def test_everything_is_revealed_at_the_end():
    """When the game is over, every support value is shown exactly."""
    sc, s = start()
    for _ in range(4):
        s, _ = play_round(s, sc, {})
    assert all(lo == hi for lo, hi in view_for(s, sc, "north").support.values())


def test_private_range_lies_inside_the_public_one():
    """A team's own range sits inside the public range, so comparing them reveals nothing."""
    from tests.helpers import with_support

    for seed in range(40):
        for level in (0, 3, 50, 97, 100):
            sc, s = start(with_support(south=level), seed)
            s.meters[sc.transparency_meter[("south", "north")]] = seed % 4  # a test set-up
            plo, phi = view_for(s, sc, None).support["south"]
            lo, hi = view_for(s, sc, "north").support["south"]
            assert plo <= lo <= level <= hi <= phi
            assert hi - lo == max(4, 30 - 10 * (seed % 4))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_an_answering_view_is_the_view_of_the_responses_phase(name, seed, pick):
    """A team's view from the orders phase, brought to the responses phase, is exactly the
    view made afresh then: giving orders changes nothing else a team may see."""
    game = SCENARIOS[name]
    _, states = random_game(game, seed, pick)
    opening = {}
    for s in states:
        if s.phase == "orders" and not s.orders:
            opening[s.round] = s
        if s.phase == "responses":
            for role in game.roles:
                early = view_for(opening[s.round], game, role)
                assert answering_view(early, s, game) == view_for(s, game, role)


def _ranges_by_round(game, states):
    """(round, viewer, role) -> (true value, range, transparency toward the viewer) at the
    opening of each round's orders phase."""
    out = {}
    for s in states:
        if s.phase != "orders" or s.orders:
            continue
        for viewer in (None, *game.roles):
            for role in game.roles:
                if role == viewer:
                    continue
                value = s.meters[game.support_meter[role]]
                measures = 0 if viewer is None else s.meters[game.transparency_meter[(role, viewer)]]
                out[(s.round, viewer, role)] = value, view_for(s, game, viewer).support[role], measures
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_the_place_in_the_fog_is_drawn_afresh_each_round(name, seed, pick):
    """Over a random game the invariants hold every round (the true value inside, a team's
    range inside the public one, width set by transparency), and a range does not follow
    the hidden value step for step: its move between rounds differs from the hidden change."""
    game = SCENARIOS[name]
    r = game.rules
    ranges = _ranges_by_round(game, random_game(game, seed, pick)[1])
    shifts = []
    for (rnd, viewer, role), (value, (lo, hi), measures) in ranges.items():
        assert lo <= value <= hi
        assert hi - lo == min(r.fog_width, max(r.fog_min, r.fog_width - r.fog_narrow * measures))
        plo, phi = ranges[(rnd, None, role)][1]
        assert plo <= lo <= hi <= phi
        if (before := ranges.get((rnd - 1, viewer, role))) is not None:
            shifts.append((lo - before[1][0], value - before[0]))
    if len(shifts) >= 8:
        assert any(bound != hidden for bound, hidden in shifts)


def test_a_range_that_moves_does_not_reveal_the_hidden_change():
    """Across many seeds the public range's move between two rounds differs from the hidden
    change most of the time, and never in one fixed way."""
    game = SCENARIOS["default"]
    same = total = 0
    for seed in range(30):
        ranges = _ranges_by_round(game, random_game(game, seed, seed + 1)[1])
        for (rnd, viewer, role), (value, (lo, _hi), _m) in ranges.items():
            before = ranges.get((rnd - 1, viewer, role))
            if viewer is None and before is not None and 0 < lo and _hi < 100:
                total += 1
                same += lo - before[1][0] == value - before[0]
    assert total > 50 and same < total / 4
