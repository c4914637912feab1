"""Architecture rules that keep the game headless below the UI and deterministic."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_headless_packages_never_load_pygame():
    """Importing the model, rules, AI, engine and text mode does not load pygame at all."""
    code = ("import sys, game.model.scenario, game.rules, game.ai, game.session.session, "
            "game.session.saves, game.session.replay, game.debrief.debrief, game.textui.main, game.words; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_no_global_randomness_in_the_game():
    """The rules, AI and engine never draw from the global random module."""
    pattern = re.compile(r"^\s*(import random|from random import)", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if "ui" not in p.relative_to(ROOT / "game").parts[:1] and pattern.search(p.read_text())]
    assert offenders == []


def test_no_role_id_is_hard_coded():
    """Role ids come from scenarios only: the default scenario's ids never appear in code."""
    ids = ("washington", "moscow", "nato")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if any(f'"{i}"' in p.read_text() or f"'{i}'" in p.read_text() for i in ids)]
    assert offenders == []


def test_personas_read_only_the_public_view():
    """AI personas decide from their PlayerView's public fields: no private view internals, no state."""
    drivers = {"policy.py", "__init__.py"}  # the engine-side driver hands each persona its view
    offenders = []
    for path in (ROOT / "game" / "ai").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"view\._[a-z]", text) or (path.name not in drivers and "GameState" in text):
            offenders.append(path.name)
    assert offenders == []


def _reachable(*roots) -> list:
    """Every object reachable from `roots` through gc referents, without following classes,
    modules or functions (which lead to the whole program, not to data the roots hold)."""
    import gc
    import types

    stop = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType,
            types.MethodType, types.CodeType)
    seen, todo, found = set(), list(roots), []
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, stop):
            continue
        seen.add(id(obj))
        found.append(obj)
        todo.extend(gc.get_referents(obj))
    return found


def _state_containers(state) -> set[int]:
    """The ids of the state's mutable containers, and of the state itself."""
    parts = [state, state.meters, state.milestones, state.uses, state.orders, state.responses,
             state.ledger, state.records, *state.responses.values()]
    return {id(p) for p in parts}


def _running_session():
    from game.session.session import Seat, Session
    from tests.helpers import default_scenario

    sc = default_scenario()
    seats = {r: Seat(i == 0) for i, r in enumerate(sc.role_ids)}
    session = Session(sc, 5, seats)
    for _ in range(3):  # a few rounds: the human seat gives no orders, the AI seats play
        human = session.next_human()
        if human:
            from game.model.actions import Orders
            session.submit(Orders(human, ()))
        session.play_ai(one_round=True)
    return session


def test_a_view_reaches_no_game_state():
    """Walked from a running session, the object graph of every view (each team's and the
    public one) holds no GameState and none of the state's containers."""
    from game.model.state import GameState

    session = _running_session()
    for role in (*session.scenario.role_ids, None):
        view = session.view(role)
        found = _reachable(view)
        assert not [o for o in found if isinstance(o, GameState)]
        assert not {id(o) for o in found} & _state_containers(session.state)


def test_personas_are_handed_nothing_that_reaches_the_state():
    """What the engine hands a persona (its view, the legal orders, its generator) reaches no
    GameState and none of the state's containers."""
    from game.ai import make_policy
    from game.ai.policy import ai_orders, ai_responses
    from game.model.state import GameState

    session = _running_session()
    handed = []

    class Spy:
        name = "spy"

        def __init__(self, inner):
            self.inner = inner

        def choose(self, view, legal, rng):
            handed.append((view, legal, rng))
            return self.inner.choose(view, legal, rng)

        def respond(self, view, offer, rng):
            handed.append((view, offer, rng))
            return self.inner.respond(view, offer, rng)

    state, game = session.state, session.game
    for role in game.roles:
        if state.phase == "orders" and role not in state.orders:
            ai_orders(Spy(make_policy("reciprocator", game)), state, game, role)
        elif state.phase == "responses":
            ai_responses(Spy(make_policy("reciprocator", game)), state, game, role)
    assert handed
    found = _reachable(*handed)
    assert not [o for o in found if isinstance(o, GameState)]
    assert not {id(o) for o in found} & _state_containers(state)


def test_no_identity_or_module_level_caches_in_rules_or_ai():
    """The rules and the AI keep no caches: no id()-keyed tables, no lru_cache or cache
    decorators, no module-level dict or list that is written to."""
    pattern = re.compile(r"(?<!def )\bid\(|lru_cache|functools\.cache|@cache\b|^_[A-Z_]+: (dict|list)",
                         re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for pkg in ("rules", "ai")
                 for p in (ROOT / "game" / pkg).glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_core_packages_never_import_the_front_ends():
    """engine, ai, rules, model and words never import the text mode or the window."""
    pattern = re.compile(r"^\s*(from|import)\s+game\.(textui|ui)\b", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for pkg in ("engine", "ai", "rules", "model", "words")
                 for p in (ROOT / "game" / pkg).rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
