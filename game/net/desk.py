"""The facilitator's desk over every table: the class at a glance, and commands for one
table or all of them at once.

`glance(table, devices)` is one table's line on the facilitator's page: round, phase, who
has still to give orders, tension, the talks timer and the devices each team has connected.
It holds nothing private: only what the public board of that table shows, and the seats.
`facilitate(room, target, command, arg)` carries out a facilitator command (see
`HostedGame.facilitate`) at one table, or at every table with `target` "all".
"""

from __future__ import annotations

from functools import cache

from game import words
from game.ai import PERSONAS
from game.authoring.scenarios import list_scenarios, load_for_play
from game.net.hosted import NetError
from game.net.tables import Classroom, Table
from game.words import _
from game.words.i18n import current_language, language
from game.words.personas import persona_choices

EVERY_TABLE = "all"
CLASS_COMMANDS = ("pause", "resume", "timer_start", "timer_pause", "timer_resume", "timer_add",
                  "inject", "undo", "end", "joining")


def glance(table: Table, devices: dict[str, int]) -> dict:
    """One table at a glance: {"id", "label", "version", "title", "round", "rounds", "phase",
    "phase_label", "waiting": [delegation names still to move], "tension", "band", "paused",
    "over", "ending", "joining_open", "timer", "teams": [{"role", "name", "kind",
    "devices"}]}. `devices` counts the pages open per role."""
    game = table.game
    board = game.board_data()  # the public view in words, kept until the game changes
    sc = game.pages.session().scenario  # in the desk's own language
    return {
        "id": table.id, "label": table.label, "version": game.version, "title": board["title"],
        "round": board["round"],
        "rounds": board["rounds"], "phase": board["phase"], "phase_label": board["phase_label"],
        "waiting": [words.role_name(sc, r) for r in game.session.waiting_for()],
        "tension": board["tension"], "band": board["band"], "paused": board["paused"],
        "over": board["outcome"] is not None,
        "ending": board["outcome"]["name"] if board["outcome"] else "",
        "joining_open": game.secrets.joining_open, "timer": game.timer_data(),
        "teams": [{"role": p.role, "name": words.role_name(sc, p.role), "kind": p.kind,
                   "devices": devices.get(p.role, 0)} for p in game.secrets.seats.values()],
    }


def facilitate(room: Classroom, target: object, command: object, arg: object = None) -> str:
    """Carry out a facilitator command at table `target`, or at every table for "all";
    returns what happened, a line per table for "all". NetError for a bad target or
    command, or when no table could carry it out."""
    if target != EVERY_TABLE:
        return room.table(target).game.facilitate(command, arg)
    if command not in CLASS_COMMANDS:
        raise NetError(_("That command works one table at a time; choose a table first."))
    lines, done = [], 0
    for table in room.tables.values():
        try:
            message = table.game.facilitate(command, arg)
            done += 1
        except NetError as exc:
            message = str(exc)
        lines.append(_("{table}: {message}").format(table=table.label, message=message))
    if not done:
        raise NetError("\n".join(lines))
    return "\n".join(lines)


@cache
def scenario_choices(lang: str | None = None) -> list[dict]:
    """The scenarios a new table can play, from the game's scenario folder: [{"file", "title",
    "roles": [{"id", "name", "personas": {persona id: neutral label}}], "rounds"}], loaded once
    per language (`lang`, else the current one). A file that does not load is left out."""
    out = []
    with language(lang or current_language()):
        for path in list_scenarios():
            try:
                sc = load_for_play(path)
            except ValueError:
                continue
            out.append({"file": path.name, "title": sc.title, "rounds": sc.rounds,
                        "roles": [{"id": r.id, "name": r.name,
                                   "personas": persona_choices(sc, r.id, PERSONAS)}
                                  for r in sc.roles]})
    return out
