"""`python main.py frontier SCENARIO [--json]`: the packages worth agreeing, for an author.

Lists the efficient packages of a scenario's talks (each better than no agreement for
every party, none beaten for one party without costing another) with each party's value,
and each party's walk-away value at the start of a game. With `--json` it prints exactly
`{"walk_away": {role: value}, "frontier": [{"terms": {issue: option}, "values": {role:
value}}]}`. A scenario that does not load, or has no `negotiation:`, is one line (or
`check`'s located lines) on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.authoring.scenarios import load_for_play
from game.cli.briefs import scenario_path
from game.rules import compile_scenario
from game.rules.values import frontier, walk_aways
from game.words import _
from game.words.deal import frontier_heading, frontier_row, no_zone_line, walk_away_row


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The frontier command's options."""
    parser.add_argument("scenario", metavar="SCENARIO",
                        help=_("scenario file, or the name of a bundled one such as "
                             "missile-defence-2011"))
    parser.add_argument("--json", action="store_true",
                        help=_("print the walk-away values and the frontier as JSON"))


def frontier_data(game) -> dict:
    """The JSON form: `{"walk_away": {role: value}, "frontier": [{"terms", "values"}]}`."""
    return {"walk_away": walk_aways(None, game),
            "frontier": [{"terms": dict(p.terms), "values": dict(p.values)}
                         for p in frontier(game)]}


def frontier_lines(game) -> list[str]:
    """The plain-text listing, with option and role names."""
    data = frontier_data(game)
    points = game.talks.parties
    lines = [game.scenario.title, walk_away_row(game.scenario, data["walk_away"]), ""]
    if not data["frontier"]:
        return [*lines, no_zone_line()]
    lines.append(frontier_heading(len(data["frontier"])))
    for n, p in enumerate(data["frontier"], 1):
        terms = tuple(p["terms"].items())
        values = {r: p["values"][r] for r in points}
        lines.append(f"{n:>3}. " + frontier_row(game.scenario, terms, values))
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the frontier; 0, or 2 for a scenario without talks (a file that does not load
    raises ScenarioLoadError, which the command line prints in one line with status 2)."""
    path = scenario_path(args.scenario)
    scenario = load_for_play(path)
    if scenario.negotiation is None:
        print(_("error: {path} has no negotiation, so there is no frontier; add a "
                "'negotiation:' section with issues, options and walk-away values "
                "(see docs/authoring.md)").format(path=path), file=sys.stderr)
        return 2
    game = compile_scenario(scenario)
    if args.json:
        print(json.dumps(frontier_data(game), indent=2, ensure_ascii=False))
    else:
        print("\n".join(frontier_lines(game)))
    return 0
