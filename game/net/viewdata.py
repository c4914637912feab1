"""A team's view as JSON-ready data, and the same data labelled in words for the web pages.

`view_dict(view)` turns a `PlayerView` into plain data, reading only the view's public
fields and `ledger()`: the viewer's own domestic support is exact, every other role's is
the range the rules give. `present(data, scenario, notes)` turns that data into what a
page shows (names, labels, grouped ledger lines). Nothing here reads the game state, so
a page can never show more than the rules put in the view.
"""

from __future__ import annotations

from typing import Any

from game.model.scenario import Scenario
from game.model.state import LedgerEntry
from game.rules.ledger import group_by_cause
from game.rules.view import PlayerView
from game.textui import render
from game.words import _

Data = dict[str, Any]

LEDGER_FIELDS = LedgerEntry._fields


def view_dict(view: PlayerView) -> Data:
    """The view as plain data: meters, own orders and offers, revealed records, visible ledger.

    Shape: {"role", "round", "rounds", "phase", "tension", "band", "trust": [{"from", "to",
    "value"}], "support": {role: [low, high]}, "milestones": {id: status}, "progress": {id: n},
    "commitments": [...], "demands": [[role, demand]], "event": id | None, "objectives":
    [{"id", "text", "points"}], "orders": [action text], "offers": [{"key", "responders"}],
    "submitted": [role], "records": [...], "breakdown": bool, "ledger": [entry]}."""
    return {
        "role": view.role, "round": view.round, "rounds": view.rounds, "phase": view.phase,
        "tension": view.tension, "band": view.band,
        "trust": [{"from": a, "to": b, "value": v} for (a, b), v in sorted(view.trust.items())],
        "support": {r: list(view.support[r]) for r in view.support},
        "milestones": dict(view.milestones), "progress": dict(view.progress),
        "commitments": [_commitment(c) for c in view.commitments],
        "demands": sorted([list(d) for d in view.demands]),
        "event": view.event.id if view.event else None,
        "objectives": [{"id": o.id, "text": o.text, "points": o.points} for o in view.objectives],
        "orders": [a.text() for a in view.orders],
        "offers": [{"key": o.key, "responders": list(o.responders)} for o in view.offers],
        "submitted": sorted(view.submitted),
        "records": [{"round": r.round, "event": r.event, "orders": [a.text() for a in r.orders],
                     "responses": [list(x) for x in r.responses]} for r in view.records],
        "breakdown": view.breakdown,
        "ledger": [dict(zip(LEDGER_FIELDS, e, strict=True)) for e in view.ledger()],
    }


def _commitment(c) -> Data:
    return {"key": c.key, "action_id": c.action_id, "name": c.name, "actor": c.actor,
            "recipient": c.recipient, "made": c.made, "expires": c.expires, "status": c.status,
            "ended": c.ended}


def present(data: Data, scenario: Scenario, notes: dict[int, list[str]]) -> Data:
    """What a page shows for `data` (from `view_dict`); `notes` are AI reasoning lines by round."""
    name = lambda r: render.role_name(scenario, r)  # noqa: E731
    return {
        "role": data["role"], "round": data["round"], "rounds": data["rounds"],
        "phase": data["phase"], "phase_label": _phase_label(data["phase"]),
        "tension": data["tension"], "band": data["band"], "breakdown": data["breakdown"],
        "trust": _trust(data, scenario),
        "support": [_support(scenario, r, data["support"][r]) for r in scenario.role_ids],
        "milestones": _milestones(data, scenario),
        "commitments": [{"name": c["name"], "actor": name(c["actor"]),
                         "recipient": name(c["recipient"]), "made": c["made"],
                         "expires": c["expires"], "status": c["status"]}
                        for c in data["commitments"]],
        "event": _event(scenario, data["event"]),
        "objectives": data["objectives"],
        "orders": [render.action_label(scenario, a) for a in data["orders"]],
        "offers": [_offer(scenario, o["key"]) for o in data["offers"]],
        "submitted": [name(r) for r in data["submitted"]],
        "records": [_record(scenario, rec, data["ledger"], notes.get(rec["round"], []))
                    for rec in reversed(data["records"])],
        "so_far": ledger_groups(scenario, [LedgerEntry(**e) for e in data["ledger"]
                                           if e["round"] == data["round"] and not _revealed(data)]),
    }


def _revealed(data: Data) -> bool:
    """True once the current round's ledger belongs to a revealed record (or the game is over)."""
    return data["phase"] == "over" or any(r["round"] == data["round"] for r in data["records"])


def _phase_label(phase: str) -> str:
    return {"orders": _("Orders: each team chooses its actions in secret"),
            "responses": _("Answers: teams that received offers accept or decline them"),
            "resolve": _("Resolution"), "over": _("The game is over")}.get(phase, phase)


def _trust(data: Data, scenario: Scenario) -> list[Data]:
    values = {(t["from"], t["to"]): t["value"] for t in data["trust"]}
    return [{"role": render.role_name(scenario, a),
             "cells": [{"toward": render.role_name(scenario, b), "value": values.get((a, b))}
                       for b in scenario.role_ids if b != a]}
            for a in scenario.role_ids]


def _support(scenario: Scenario, role: str, span: list[int]) -> Data:
    spec = scenario.role(role)
    low, high = span
    return {"role": spec.name, "label": spec.domestic_label, "low": low, "high": high,
            "exact": low == high}


def _milestones(data: Data, scenario: Scenario) -> list[Data]:
    return [{"name": m.name, "description": m.description, "status": data["milestones"][m.id],
             "progress": data["progress"].get(m.id, 0), "needed": m.progress_needed}
            for m in scenario.milestones]


def _event(scenario: Scenario, event_id: str | None) -> Data | None:
    spec = next((e for e in scenario.events if e.id == event_id), None)
    return {"title": spec.title, "text": spec.text.strip()} if spec else None


def _offer(scenario: Scenario, key: str) -> Data:
    spec = scenario.action(key.partition(":")[2].partition("@")[0])
    return {"key": key, "label": render.action_label(scenario, key),
            "description": spec.description.strip(), "teaching_note": spec.teaching_note.strip()}


def _record(scenario: Scenario, rec: Data, ledger: list[Data], notes: list[str]) -> Data:
    orders = [{"role": render.role_name(scenario, r),
               "actions": [render.action_label(scenario, a).split(": ", 1)[1]
                           for a in rec["orders"] if a.partition(":")[0] == r]}
              for r in scenario.role_ids]
    responses = [(_("{who} accepted: {offer}") if ok else _("{who} declined: {offer}")).format(
        who=render.role_name(scenario, who), offer=render.action_label(scenario, key))
        for who, key, ok in rec["responses"]]
    entries = [LedgerEntry(**e) for e in ledger if e["round"] == rec["round"]]
    return {"round": rec["round"], "event": _event(scenario, rec["event"]), "orders": orders,
            "responses": responses, "notes": notes, "ledger": ledger_groups(scenario, entries)}


def ledger_groups(scenario: Scenario, entries: list[LedgerEntry]) -> list[Data]:
    """Ledger entries grouped by cause: [{"title", "changes": [text]}]."""
    return [{"title": render.cause_title(scenario, group[0]),
             "changes": [f"{render.meter_label(scenario, e.meter)}: {e.before} → {e.after} "
                         f"({e.amount:+d}) {e.note}" for e in group]}
            for _title, group in group_by_cause(entries)]
