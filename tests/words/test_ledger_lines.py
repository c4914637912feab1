"""Ledger lines name their cause once: the note never repeats the event, action or milestone."""

import re

from game.model.actions import Action, InjectEvent
from game.rules import apply_action
from game.words.ledger import ledger_line
from game.words.names import event_title, milestone_name
from tests.helpers import start
from tests.rules.test_properties import SCENARIOS, random_game

KINDS = {"event", "action", "response", "rule", "drift", "commitment", "demand", "milestone",
         "ratification"}


def _source_names(game, entry) -> set[str]:
    """The words that name an entry's source: event title, action name, milestone name."""
    sc = game.scenario
    names = {event_title(sc, entry.source)} if entry.cause == "event" else set()
    names.add(milestone_name(sc, entry.source))
    if re.fullmatch(r"[a-z_]+:[a-z_]+(@[a-z_]+)?", entry.source):
        move = Action.from_text(entry.source)
        names |= {a.name for a in sc.actions if a.id == move.action_id}
        names.add(milestone_name(sc, move.target or ""))
    return {n for n in names if n and n != entry.source}


def _sample():
    """One entry for each (game, cause, kind of detail) from random games, until every kind of
    cause has been seen; plus an event brought in by the facilitator."""
    found = {}
    for seed in range(60):
        for name, game in SCENARIOS.items():
            for e in random_game(game, seed, seed * 7 + 1)[1][-1].ledger:
                found.setdefault((name, e.cause, e.detail.kind), (game, e))
        if {cause for _, cause, _ in found} >= KINDS:
            break
    sc, s = start()
    found["injected"] = sc, apply_action(s, sc, InjectEvent("alarm")).ledger[-1]
    return list(found.values())


def test_no_ledger_line_names_its_source_twice():
    """For a sample of every kind of cause, each name of the source appears once at most:
    `NATO: Brief on programme plans → Moscow (repeat 2: trust gains at 60%)`."""
    sample = _sample()
    assert {e.cause for _, e in sample} >= KINDS
    for game, entry in sample:
        line = ledger_line(game, entry)
        for name in _source_names(game, entry):
            assert line.count(name) <= 1, line
