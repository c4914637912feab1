"""`python main.py translate SCENARIO --lang LANG [--out FILE]`: a scenario's translation file.

Writes the companion `NAME.<lang>.yaml` beside the scenario (game.authoring.companion holds
its format and checks), keeping the translations an earlier one already has.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path as FilePath

from game.authoring.companion import LANG, companion_path, read_companion, skeleton
from game.authoring.problems import ScenarioError
from game.authoring.scenarios import ScenarioLoadError, load_for_play
from game.authoring.translations import texts
from game.files.atomic import write_atomic
from game.words import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `translate` command's options."""
    parser.add_argument("scenario", metavar="SCENARIO", help=_("the scenario file to translate"))
    parser.add_argument("--lang", required=True, metavar="LANG",
                        help=_("the language to translate into, such as ru (a two- or three-letter code)"))
    parser.add_argument("--out", metavar="FILE",
                        help=_("the file to write (default: SCENARIO.LANG.yaml beside the scenario)"))


def run(args: argparse.Namespace) -> int:
    """Write (or bring up to date) a scenario's companion in one language; 0, or 2 on bad input.

    An existing companion keeps its translations; keys the scenario no longer has are dropped."""

    if not LANG.match(args.lang):
        print(_("error: --lang {lang}: give a language code such as ru, uk or pt_BR").format(
            lang=args.lang), file=sys.stderr)
        return 2
    try:
        scenario = load_for_play(args.scenario, translate=False)
    except ScenarioLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = FilePath(args.out) if args.out else companion_path(args.scenario, args.lang)
    old = None
    if out.is_file():
        try:
            old, _source = read_companion(out)
        except ScenarioError as exc:
            print(_("error: {path} cannot be read, so it is left as it is:").format(path=out),
                  file=sys.stderr)
            print(str(exc), file=sys.stderr)
            return 2
        if not isinstance(old, dict) or "texts" not in old:
            print(_("error: {path} exists and is not a translation file; give another --out").format(
                path=out), file=sys.stderr)
            return 2
    write_atomic(out, skeleton(scenario, args.lang, old, FilePath(args.scenario).name))
    keys = texts(scenario)
    done = sum(1 for k in keys if isinstance((old or {}).get("texts", {}).get(k), dict)
               and (old or {})["texts"][k].get(args.lang))
    print(ngettext("wrote {path}: {n} text, {done} translated",
                   "wrote {path}: {n} texts, {done} translated", len(keys)).format(
        path=out, n=len(keys), done=done))
    return 0
