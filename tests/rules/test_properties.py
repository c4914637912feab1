"""Property-based random play: meters stay in range, only legal moves apply, replay is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model.actions import Action, IllegalAction, Orders, Responses
from game.rules import apply_action, legal_actions, new_game, offers_to, resolve_round
from game.rules.legal import check_action
from game.rules.rng import Rng
from game.session.session import Seat, Session
from tests.helpers import compiled, default_scenario, two_roles

SCENARIOS = {"default": compiled(default_scenario()), "two_roles": compiled(two_roles())}
PROPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def random_game(sc, seed: int, choice_seed: int):
    """Play a whole game with random legal orders and answers; return the moves and states."""
    rng = Rng(choice_seed)
    state = new_game(sc, seed)
    moves, states = [], [state]
    while not state.over:
        if state.phase == "orders":
            role = next(r for r in sc.role_ids if r not in state.orders)
            chosen = []
            while (legal := legal_actions(state, sc, role, chosen)) and rng.below(4):
                chosen.append(rng.choice(legal))
            move = Orders(role, tuple(chosen))
        else:
            role = next(r for r in sc.role_ids if r not in state.responses and offers_to(state, sc, r))
            move = Responses(role, tuple((o.key, rng.below(2) == 1) for o in offers_to(state, sc, role)))
        state = apply_action(state, sc, move)
        moves.append(move)
        if state.phase == "resolve":
            state, _ = resolve_round(state, sc)
        states.append(state)
    return moves, states


def meters_in_range(state) -> bool:
    values = [state.tension, *state.trust.values(), *state.support.values(), *state.progress.values(),
              *state.transparency.values()]
    return all(0 <= v <= 100 for v in values)


@PROPS
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_meters_stay_in_range(name, seed, pick):
    """Whatever legal moves are played, every meter stays within 0-100 after every move."""
    _, states = random_game(SCENARIOS[name], seed, pick)
    assert all(meters_in_range(s) for s in states)
    assert all(0 <= e.after <= 100 and e.amount == e.after - e.before for e in states[-1].ledger)


def start_value(game, meter) -> int:
    """A meter's value as the scenario sets it, before any ledger entry."""
    r = game.scenario.rules
    if meter.field == "tension":
        return r.start_tension
    if meter.field == "trust":
        seeded = {(t.from_, t.to): t.value for t in r.start_trust}
        return seeded.get(meter.key, r.default_trust)
    if meter.field == "support":
        return next(x.start_support for x in game.scenario.roles if x.id == meter.key)
    return 0  # progress and transparency start at nothing


@PROPS
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_every_meter_changes_only_through_the_ledger(name, seed, pick):
    """For every meter, without exception, its value is its start plus its ledger entries, each
    entry starts where the one before ended, and it stays within its clamp."""
    game = SCENARIOS[name]
    _, states = random_game(game, seed, pick)
    for state in (states[len(states) // 2], states[-1]):
        for meter in game.meters:
            value = start_value(game, meter)
            for e in state.ledger:
                if e.meter == meter.name:
                    assert e.before == value and e.cause and e.source
                    value = e.after
            assert value == state.meter(meter.name)
            assert 0 <= value <= meter.high


def test_transparency_is_clamped_where_the_fog_is_narrowest():
    """Transparency counts measures only until the fog is as narrow as it gets."""
    game = SCENARIOS["two_roles"]  # fog 30 wide, 10 narrower per measure, at least 4
    assert game.meter("transparency.north.south").high == 3


@PROPS
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32))
def test_replaying_the_log_reproduces_state_and_ledger(name, seed, pick):
    """A game is determined by scenario, seed and moves: replaying the log gives the same state."""
    sc = SCENARIOS[name]
    moves, states = random_game(sc, seed, pick)
    seats = {r: Seat(True) for r in sc.role_ids}
    replayed = Session.from_log(sc.scenario, seed, seats, moves).state
    assert replayed == states[-1]
    assert replayed.ledger == states[-1].ledger


@PROPS
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32), pick=st.integers(0, 2**32),
       cut=st.integers(0, 60))
def test_legal_actions_and_check_action_agree(name, seed, pick, cut):
    """Every listed action passes check_action, and every other action is refused with a reason."""
    sc = SCENARIOS[name]
    moves, states = random_game(sc, seed, pick)
    state = states[min(cut, len(states) - 1)]
    if state.phase != "orders":
        return
    for role in sc.role_ids:
        legal = set(legal_actions(state, sc, role))
        for spec in sc.scenario.actions:
            for target in [None, *sc.role_ids, *(m.id for m in sc.milestones)]:
                action = Action(role, spec.id, target)
                try:
                    check_action(state, sc, action)
                    ok = role not in state.orders
                except IllegalAction:
                    ok = False
                assert ok == (action in legal), action.text()


def test_illegal_moves_never_apply():
    """An action outside the legal list raises IllegalAction and the state is unchanged."""
    sc = SCENARIOS["default"]
    state = new_game(sc, 3)
    role = sc.role_ids[0]
    legal = set(legal_actions(state, sc, role))
    illegal = [Action(role, s.id, t) for s in sc.scenario.actions for t in (None, *sc.role_ids)
               if Action(role, s.id, t) not in legal]
    assert illegal
    for action in illegal:
        before = state.copy()
        try:
            apply_action(state, sc, Orders(role, (action,)))
        except IllegalAction:
            assert state == before
        else:
            raise AssertionError(f"{action.text()} was applied though not legal")
