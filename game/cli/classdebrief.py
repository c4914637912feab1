"""`python main.py classdebrief FILES... --out FILE.html [--csv FILE]`: several tables compared.

Each FILE is one table's save or replay, labelled Table 1, Table 2, ... in the order
given. The HTML is the class debrief (see game.debrief.classdebrief); --csv adds one row
per team and table for assessment. An unfinished game shows only public facts unless
--full. Every problem is one line on stderr with exit status 2, and nothing is written
until every file has been read; then the HTML and the CSV are written both or neither
(game.files.atomic.write_all, as the lab writes its reports).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.debrief.classdebrief import class_csv, class_debrief_html, read_tables
from game.files.atomic import WriteFailed, write_all
from game.words.i18n import N_, _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The classdebrief command's options."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help=_("each table's save or replay file, in the order to show them"))
    parser.add_argument("--out", required=True, metavar="FILE.html", help=_("the HTML file to write"))
    parser.add_argument("--csv", metavar="FILE", help=_("also write one CSV row per team and table"))
    parser.add_argument("--scenario", help=_("scenario file for every game (default: each one's own)"))
    parser.add_argument("--full", action="store_true",
                        help=_("show the scores of unfinished games too (for the teacher's eyes)"))


def run(args: argparse.Namespace, replace_problem) -> int:
    """Read every game, then write the class debrief (and the CSV); 0, or 2 on bad input.

    `replace_problem(out, flag, what, earlier)` says why an output file may not be written."""
    problem = _targets_problem(args, replace_problem)
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    games = read_tables(args.files, args.scenario)
    sources = {label: os.path.basename(path) for label, path in zip(games, args.files, strict=True)}
    html = class_debrief_html(games, args.full, sources)
    table = class_csv(games, args.full, sources) if args.csv else None
    outputs = {Path(args.out): html} | ({Path(args.csv): table} if table is not None else {})
    try:
        write_all(outputs)  # both or neither: a CSV that fails leaves no new debrief either
    except WriteFailed as exc:
        print(_("error: {problem}; no file was written").format(problem=exc), file=sys.stderr)
        return 2
    for path in outputs:
        print(_("wrote {file}").format(file=path))
    return 0


def _targets_problem(args: argparse.Namespace, replace_problem) -> str | None:
    """Why --out or --csv may not be written (one line), or None: never over a game given,
    never over each other, and only over an earlier output of the same kind."""
    outs = [("--out", Path(args.out))] + ([("--csv", Path(args.csv))] if args.csv else [])
    inputs = [Path(f) for f in args.files]
    for flag, out in outs:
        if any(_same(out, f) for f in inputs):
            return _("{option} {file}: this is one of the games to compare; give another file "
                     "name").format(option=flag, file=out)
    if args.csv and _same(Path(args.csv), Path(args.out)):
        return _("--csv {file}: give a different file from --out").format(file=args.csv)
    return (replace_problem(Path(args.out), "--out", N_("class debrief"),
                            lambda head: head.lower().startswith(b"<!doctype html")
                            and b"class debrief" in head.lower())
            or (replace_problem(Path(args.csv), "--csv", N_("class debrief CSV"),
                                lambda head: head.startswith(b"table,source,")) if args.csv else None))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False
