"""Starting game after game in one process holds no more memory after the first few:
nothing in the rules, the AI or the engine keeps per-game or per-scenario data alive."""

from __future__ import annotations

import gc
import tracemalloc

from ruamel.yaml import YAML

from game.model.scenario import Scenario
from game.session.session import Seat, Session
from tests.helpers import DEFAULT, ROOT

#: The two scenarios' data, read once: each game validates a new Scenario object from it.
SCENARIOS = tuple(YAML(typ="safe").load(path.read_text(encoding="utf-8"))
                  for path in (DEFAULT, ROOT / "tests" / "golden" / "two-roles.yaml"))


def _new_game(n: int) -> None:
    """What a window does on New game: a new Scenario object, a new session, a couple of
    rounds played."""
    scenario = Scenario.model_validate(SCENARIOS[n % 2])
    session = Session(scenario, n, {r: Seat(False) for r in scenario.role_ids})
    session.play_ai(one_round=True)
    session.play_ai(one_round=True)
    assert session.state.records


def _traced() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_memory_does_not_grow_over_a_hundred_games():
    """After 10 games, 90 more across two scenarios add less than 512 KiB of live memory (a
    cache that kept each game's or scenario's data would add several MiB)."""
    tracemalloc.start()
    try:
        for n in range(10):
            _new_game(n)
        early = _traced()
        for n in range(10, 100):
            _new_game(n)
        late = _traced()
    finally:
        tracemalloc.stop()
    print(f"grew by {(late - early) / 1024:.0f} KiB")
    assert late - early < 512 * 1024, f"grew by {(late - early) / 1024:.0f} KiB"
