"""`python main.py briefs [SCENARIO] --out FILE.html`: printable role briefs, one page per role.

Each page holds a delegation's briefing, its private objectives, its menu of orders with
the teaching notes and, when a hosted game of this scenario is open to joining on this
data folder, the team's join code (a page per table and role when the host runs several
tables). Print it from a browser; the pages break one per role. Problems are one line on
stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.scenarios import DEFAULT_SCENARIO, SCENARIO_DIR, load_for_play
from game.debrief.briefs import briefs_html, host_codes
from game.files.atomic import write_atomic
from game.net.cli import host_dir
from game.words.i18n import N_, _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The briefs command's options."""
    parser.add_argument("scenario", nargs="?", default=None, metavar="SCENARIO",
                        help=_("scenario file, or the name of a bundled one such as "
                               "open-skies-1990 (default: {default})").format(
                            default=DEFAULT_SCENARIO.name))
    parser.add_argument("--out", required=True, metavar="FILE.html", help=_("the HTML file to write"))
    parser.add_argument("--no-codes", action="store_true",
                        help=_("leave out the join codes even if a hosted game is open to joining"))


def run(args: argparse.Namespace, replace_problem) -> int:
    """Write the briefs; 0, or 2 on bad input (reported by the caller's error handling)."""

    out = Path(args.out)
    problem = replace_problem(out, "--out", N_("set of role briefs"),
                              lambda head: head.lower().startswith(b"<!doctype html")
                              and b"role briefs" in head.lower())
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    scenario = load_for_play(scenario_path(args.scenario) if args.scenario else DEFAULT_SCENARIO)
    codes = {} if args.no_codes else host_codes(host_dir(), scenario)
    write_atomic(out, briefs_html(scenario, codes or None))
    print(_("wrote {file}").format(file=out))
    for table, table_codes in codes.items():
        n = len(table_codes)
        print((ngettext("with the join codes of the hosted game ({table}): {n} team",
                        "with the join codes of the hosted game ({table}): {n} teams", n)
               if table else
               ngettext("with the join codes of the hosted game: {n} team",
                        "with the join codes of the hosted game: {n} teams", n)).format(
            table=table, n=n))
    return 0


def scenario_path(given: str) -> Path:
    """The file `given` names: a path, or the name of a bundled scenario (with or without
    .yaml) when no such file exists here."""
    path = Path(given)
    bundled = SCENARIO_DIR / (given if given.endswith(".yaml") else f"{given}.yaml")
    if not path.exists() and "/" not in given and bundled.is_file():
        return bundled
    return path
