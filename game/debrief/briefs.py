"""Printed role briefs: one page per delegation with its briefing, objectives and menu.

A teacher prints them before the lesson and hands each team its own page, so every team
has read its briefing before the first talks. A page holds the delegation's briefing,
its private objectives with their points, its full menu of orders (every action it could
ever take, the same list the window and the text mode number) with each action's cost,
aims and teaching note, and, when a hosted game of this scenario is waiting for its teams
on this data folder, the team's join code.

With several hosted tables there is a page per delegation and table, each with that
table's code. `host_codes` reads the codes from the host's saved seats
(`<data dir>/host/seats.json`, or `seats.json` in a folder per table beneath it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from markupsafe import Markup, escape

from game.debrief.page import render, rtl_names
from game.files.bounded import ReadRefused, read_regular
from game.model.scenario import Scenario
from game.session.menu import full_menu
from game.words import _, family_name, milestone_name, points, prose, role_name
from game.words.report import aimed_at, brief_heading, join_code_line, points_line

#: Largest seats or save file read when looking for join codes.
_CAP = 20_000_000


def briefs_html(scenario: Scenario, codes: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The role briefs as one HTML document: a printed page per role, or per table and role.

    `codes` maps a table's label ("" for a host's only game) to {role id: join code}."""
    pages = []
    for table, table_codes in (codes or {"": {}}).items():
        pages += [_page(scenario, role.id, table, table_codes.get(role.id, ""))
                  for role in scenario.roles]
    return render("briefs.html.j2", names=rtl_names(scenario),
                  title=_("Role briefs: {title}").format(title=scenario.title), pages=pages)


def _page(sc: Scenario, role: str, table: str, code: str) -> dict:
    spec = sc.role(role)
    return {"heading": brief_heading(spec.name, sc.title), "table": table,
            "who": prose(spec.description), "code": code, "code_line": _code_line(code) if code else "",
            "briefing": prose(spec.briefing).split("\n"),
            "objectives": [(prose(o.text), points(o.points)) for o in spec.objectives],
            "points": points_line(sc.rules.points_per_round), "menu": _menu(sc, role),
            "private": _("For the {role} team only: keep this page from the other teams.").format(
                role=role_name(sc, role))}


def _code_line(code: str) -> Markup:
    """The join code's sentence, the code in it set large and boxed (one line on paper)."""
    mark = "\x00"
    return escape(join_code_line(mark)).replace(
        mark, Markup('<span class="code">{}</span>').format(code))


def _menu(sc: Scenario, role: str) -> list[dict]:
    """The role's menu, one entry per action (its aims listed together), grouped by family."""
    aims: dict[str, list[str]] = {}
    for action in full_menu(sc, role):
        named = [] if not action.target else [
            role_name(sc, action.target) if action.target in sc.role_ids
            else milestone_name(sc, action.target)]
        aims.setdefault(action.action_id, []).extend(named)
    families: dict[str, list[dict]] = {}
    for action_id, targets in aims.items():
        spec = sc.action(action_id)
        families.setdefault(spec.family, []).append({
            "name": spec.name, "cost": points(spec.cost),
            "aims": aimed_at(targets) if targets else "", "note": prose(spec.teaching_note)})
    return [{"family": family_name(f), "actions": items} for f, items in families.items()]


def host_codes(folder: Path, scenario: Scenario) -> dict[str, dict[str, str]]:
    """{table label: {role: join code}} of the hosted games of `scenario` saved in `folder`
    (the host's folder, `<data dir>/host`) that are not over and still open to joining.

    The host's only game has the label ""; a game in a folder of its own beneath `folder`
    is labelled by that folder's name. Files that cannot be read are passed over: the
    briefs are still printed, without codes."""
    found: dict[str, dict[str, str]] = {}
    seats_files = [folder / "seats.json", *sorted(folder.glob("*/seats.json"))]
    for seats_file in seats_files:
        codes = _codes(seats_file, scenario.id)
        if codes:
            found["" if seats_file.parent == folder else seats_file.parent.name] = codes
    return found


def _codes(seats_file: Path, scenario_id: str) -> dict[str, str]:
    """A hosted game's device codes, if its save is of `scenario_id`, unfinished and open."""
    try:
        seats = json.loads(read_regular(seats_file, _CAP, "hosted game's seats"))
        game = json.loads(read_regular(seats_file.parent / "game.json", _CAP, "hosted game"))
    except (ReadRefused, OSError, ValueError):
        return {}
    if not isinstance(seats, dict) or not isinstance(game, dict):
        return {}
    if game.get("scenario_id") != scenario_id or game.get("phase") == "over" \
            or not seats.get("joining_open", False):
        return {}
    plans = seats.get("seats") or {}
    return {role: plan["code"] for role, plan in plans.items()
            if isinstance(plan, dict) and plan.get("kind") == "device" and isinstance(plan.get("code"), str)
            and plan["code"]}
