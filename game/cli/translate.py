"""`python main.py translate SCENARIO --lang LANG [--out FILE]`: a scenario's translation file.

Writes the companion `NAME.<lang>.yaml` beside the scenario (game.authoring.companion holds
its format and checks), keeping every translation an earlier one already has and saying
what it kept, added, marked stale and dropped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path as FilePath

from game.authoring.companion import (
    LANG,
    Merge,
    companion_path,
    merge,
    read_companion,
    shape_problems,
    skeleton,
)
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

    An existing companion loses no translation: current ones are kept, stale ones (their
    English changed) are kept with their old `en:` and marked for review, and entries the
    scenario no longer has are kept when they hold a translation (only empty ones are
    dropped); what was done is printed, entry names included. A companion in another
    language or the wrong shape is refused and left as it is. The file is written
    atomically: the old one stays whole until the new one replaces it."""

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
            old, source = read_companion(out)
        except ScenarioError as exc:
            print(_("error: {path} cannot be read, so it is left as it is:").format(path=out),
                  file=sys.stderr)
            print(str(exc), file=sys.stderr)
            return 2
        if not isinstance(old, dict) or "texts" not in old:
            print(_("error: {path} exists and is not a translation file; give another --out").format(
                path=out), file=sys.stderr)
            return 2
        if isinstance(old.get("language"), str) and old["language"] != args.lang:
            print(_("error: {path} holds the {old} translation, not {lang}, so it is left as it "
                    "is; give --lang {old} to update it, or another --out").format(
                path=out, old=old["language"], lang=args.lang), file=sys.stderr)
            return 2
        wrong = [p for p in shape_problems(old, source, args.lang) if p.is_error]
        if wrong:  # rewriting it would lose what cannot be read as entries
            print(_("error: {path} is left as it is, so no translation in it is lost; fix this "
                    "first: {problem}").format(path=out, problem=wrong[0].text()), file=sys.stderr)
            return 2
    plan = merge(scenario, args.lang, old)
    write_atomic(out, skeleton(scenario, args.lang, old, FilePath(args.scenario).name))
    keys = texts(scenario)
    done = sum(1 for k in keys if isinstance((old or {}).get("texts", {}).get(k), dict)
               and (old or {})["texts"][k].get(args.lang))
    print(ngettext("wrote {path}: {n} text, {done} translated",
                   "wrote {path}: {n} texts, {done} translated", len(keys)).format(
        path=out, n=len(keys), done=done))
    if old is not None:
        for line in report(plan):
            print(line)
    return 0


def report(plan: Merge) -> list[str]:
    """What bringing a companion up to date did, one sentence a line, entries named."""
    lines = [
        ngettext("kept {n} current translation", "kept {n} current translations",
                 len(plan.kept)).format(n=len(plan.kept)),
        ngettext("{n} new text to translate", "{n} new texts to translate",
                 len(plan.new)).format(n=len(plan.new)) + _names(plan.new),
        ngettext("{n} stale translation kept and marked for review (its English changed)",
                 "{n} stale translations kept and marked for review (their English changed)",
                 len(plan.stale)).format(n=len(plan.stale)) + _names(plan.stale),
        ngettext("dropped {n} untranslated entry the scenario no longer has",
                 "dropped {n} untranslated entries the scenario no longer has",
                 len(plan.dropped)).format(n=len(plan.dropped)) + _names(plan.dropped),
    ]
    if plan.extra:
        lines.append(ngettext(
            "kept {n} translated entry the scenario no longer has, at the end of the file "
            "(move it to its new key or remove it)",
            "kept {n} translated entries the scenario no longer has, at the end of the file "
            "(move each to its new key or remove it)", len(plan.extra)).format(
                n=len(plan.extra)) + _names(plan.extra))
    return lines


def _names(keys: list[str]) -> str:
    """`: a, b, c` naming the entries, or nothing."""
    return f": {', '.join(keys)}" if keys else ""
