"""A team's view as JSON-ready data, and the same data labelled in words for the web pages.

`view_dict(view)` is the view's own plain data (`PlayerView.to_dict()`): the viewer's own
domestic support is exact, every other role's is the range the rules give.
`present(data, scenario, notes)` turns that data into what a page shows, in the words
of `game.words` (names, labels, ledger lines grouped by cause). Nothing here reads the
game state, so a page can never show more than the rules put in the view.
"""

from __future__ import annotations

from typing import Any

from game import words
from game.model.scenario import Scenario
from game.model.state import LedgerEntry
from game.rules.view import PlayerView
from game.words import _

Data = dict[str, Any]

def view_dict(view: PlayerView) -> Data:
    """The view as plain data (`PlayerView.to_dict()`): everything in it is what the rules let
    the viewer see, with the viewer's own support exact and every other role's as a range."""
    return view.to_dict()


def present(data: Data, scenario: Scenario, notes: dict[int, list[str]],
            memo: dict | None = None) -> Data:
    """What a page shows for `data` (from `view_dict`); `notes` are AI reasoning lines by round.

    `memo` (a dict the caller keeps per game) holds revealed rounds already put in words,
    keyed by everything they are made from, so that a long game's history is not reworded
    for every page at every move."""
    by_round: dict[int, list[LedgerEntry]] = {}
    for e in data["ledger"]:
        by_round.setdefault(e["round"], []).append(LedgerEntry.from_dict(e))
    memo = {} if memo is None else memo
    return {
        "role": data["role"], "round": data["round"], "rounds": data["rounds"],
        "phase": data["phase"], "phase_label": _phase_label(data["phase"]),
        "tension": data["tension"], "band": words.band_name(data["band"]),
        "breakdown": data["breakdown"],
        "trust": _trust(data, scenario),
        "support": [_support(scenario, r, data["support"][r]) for r in scenario.role_ids],
        "milestones": _milestones(data, scenario),
        "commitments": [_commitment(scenario, c) for c in data["commitments"]],
        "event": _event(scenario, data["event"]),
        "brought_in": _brought_in(scenario, data["event"], by_round.get(data["round"], [])),
        "objectives": data["objectives"],
        "orders": [words.action_label(scenario, a) for a in data["orders"]],
        "offers": [_offer(scenario, o["key"]) for o in data["offers"]],
        "submitted": [words.role_name(scenario, r) for r in data["submitted"]],
        "records": [_remembered(memo, scenario, rec, by_round.get(rec["round"], []),
                                notes.get(rec["round"], [])) for rec in reversed(data["records"])],
        "so_far": ledger_groups(scenario, [] if _revealed(data) else by_round.get(data["round"], [])),
    }


def _remembered(memo: dict, scenario: Scenario, rec: Data, entries: list[LedgerEntry],
                notes: list[str]) -> Data:
    key = (rec["round"], rec["event"], tuple(rec["orders"]), tuple(map(tuple, rec["responses"])),
           tuple(entries), tuple(notes))
    found = memo.get(key)
    if found is None:
        if len(memo) > 4096:
            memo.clear()
        found = memo[key] = _record(scenario, rec, entries, notes)
    return found


def _revealed(data: Data) -> bool:
    """True once the current round's ledger belongs to a revealed record (or the game is over)."""
    return data["phase"] == "over" or any(r["round"] == data["round"] for r in data["records"])


def _phase_label(phase: str) -> str:
    return {"orders": _("Orders: each team chooses its actions in secret"),
            "responses": _("Answers: teams that received offers accept or decline them"),
            "resolve": _("Resolution"), "over": _("The game is over")}.get(phase, phase)


def _trust(data: Data, scenario: Scenario) -> list[Data]:
    values = data["trust"]
    return [{"role": words.role_name(scenario, a),
             "cells": [{"toward": words.role_name(scenario, b), "value": values.get(a, {}).get(b)}
                       for b in scenario.role_ids if b != a]}
            for a in scenario.role_ids]


def _support(scenario: Scenario, role: str, span: list[int]) -> Data:
    spec = scenario.role(role)
    low, high = span
    return {"role": spec.name, "label": spec.domestic_label, "low": low, "high": high,
            "exact": low == high}


def _milestones(data: Data, scenario: Scenario) -> list[Data]:
    return [{"name": m.name, "description": m.description,
             "status": words.status_name(data["milestones"][m.id]),
             "operating": data["milestones"][m.id] == "operating",
             "progress": data["progress"].get(m.id, 0), "needed": m.progress_needed}
            for m in scenario.milestones]


def _commitment(scenario: Scenario, c: Data) -> Data:
    return {"name": c["name"], "actor": words.role_name(scenario, c["actor"]),
            "recipient": words.role_name(scenario, c["recipient"]), "made": c["made"],
            "expires": c["expires"], "status": c["status"]}


def _event(scenario: Scenario, event_id: str | None) -> Data | None:
    spec = next((e for e in scenario.events if e.id == event_id), None)
    return {"title": spec.title, "text": spec.text.strip()} if spec else None


def _brought_in(scenario: Scenario, drawn: str | None, entries: list[LedgerEntry]) -> list[Data]:
    """Events of one round other than the one drawn for it (the facilitator brought them in),
    found from the round's public ledger, in the order they came in."""
    seen: list[str] = []
    for e in entries:
        if e.cause == "event" and e.source != drawn and e.source not in seen:
            seen.append(e.source)
    return [card for card in (_event(scenario, i) for i in seen) if card]


def _offer(scenario: Scenario, key: str) -> Data:
    spec = scenario.action(key.partition(":")[2].partition("@")[0])
    return {"key": key, "action": spec.id, "label": words.move_label(scenario, key),
            "description": spec.description.strip(), "teaching_note": spec.teaching_note.strip()}


def _record(scenario: Scenario, rec: Data, entries: list[LedgerEntry], notes: list[str]) -> Data:
    orders = [{"role": words.role_name(scenario, r),
               "actions": [words.action_label(scenario, a) for a in rec["orders"]
                           if a.partition(":")[0] == r]}
              for r in scenario.role_ids]
    responses = [words.response_line(scenario, who, key, ok) for who, key, ok in rec["responses"]]
    return {"round": rec["round"], "event": _event(scenario, rec["event"]),
            "brought_in": _brought_in(scenario, rec["event"], entries), "orders": orders,
            "responses": responses, "notes": notes, "ledger": ledger_groups(scenario, entries)}


def ledger_groups(scenario: Scenario, entries: list[LedgerEntry]) -> list[Data]:
    """Ledger entries grouped by kind of cause, in the game's words: [{"title", "changes"}]."""
    return [{"title": heading, "changes": lines}
            for heading, lines in words.ledger_groups(scenario, entries)]
