"""`python main.py whatif REPLAY --round N ...`: branch a saved game from the command line.

    whatif FILE --round N                        list every team's choices in round N
    whatif FILE --round N --role R               list one team's choices
    whatif FILE --round N --role R --orders brief_plans@moscow consult_allies
    whatif FILE --round N --role R --orders      (no orders at all that round)
    whatif FILE --round N --role R --answers nato:expert_talks@washington=decline
    ... [--out FILE.html] [--scenario PATH]

Orders are action ids with an optional @target, as the text mode lists them (the role
may be left off). Answers name an offer by its key and say accept or decline (yes/no).
The comparison is printed; with --out the debrief with the branch is written as well.
Every problem is one line on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import program
from game.authoring.scenarios import ScenarioLoadError
from game.debrief.branch import branch_lines
from game.debrief.debrief import debrief_html
from game.debrief.whatif import Change, WhatIfError, branch, choices, script_of
from game.files.atomic import write_atomic
from game.model.actions import Action, BadMoveText
from game.session.saves import SaveError
from game.words import _, action_label, role_name

_YES, _NO = ("accept", "yes", "y", "a", "+"), ("decline", "no", "n", "d", "-")


class UsageError(ValueError):
    """An option that cannot be used; the message says what to give instead."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The whatif command's options."""
    parser.add_argument("file", metavar="REPLAY", help=_("a replay or save file"))
    parser.add_argument("--round", type=int, required=True, metavar="N", help=_("the round to change"))
    parser.add_argument("--role", help=_("the team whose decision changes (needed with --orders/--answers)"))
    parser.add_argument("--orders", nargs="*", metavar="ACTION",
                        help=_("the team's new orders, e.g. brief_plans@moscow consult_allies "
                             "(give --orders alone for no orders)"))
    parser.add_argument("--answers", nargs="+", metavar="OFFER=accept|decline",
                        help=_("the team's new answers, e.g. nato:expert_talks@washington=decline"))
    parser.add_argument("--out", help=_("also write the debrief with the branch to this HTML file"))
    parser.add_argument("--scenario", help=_("scenario file (default: the one recorded)"))


def run(args: argparse.Namespace, load_saved, out_problem=lambda out: None) -> int:
    """Run the command; `load_saved(file, scenario)` rebuilds the saved session and
    `out_problem(path)` says (one line) why --out may not be written there, or None."""
    try:
        session = load_saved(args.file, args.scenario)
        if args.orders is None and args.answers is None:
            print("\n".join(choice_lines(session, args.round, args.role)))
            return 0
        return _branch(session, args, out_problem)
    except (SaveError, ScenarioLoadError, WhatIfError, UsageError, OSError) as exc:
        print(_("error: {problem}").format(problem=_one_line(exc)), file=sys.stderr)
        return 2


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _branch(session, args: argparse.Namespace, out_problem) -> int:
    if not args.role:
        raise UsageError(_("--role: say whose decision changes, one of {r}").format(
            r=", ".join(session.scenario.role_ids)))
    role = _role(session, args.role)
    orders = None if args.orders is None else tuple(parse_action(t, role) for t in args.orders)
    answers = None if args.answers is None else tuple(parse_answer(t) for t in args.answers)
    problem = out_problem(Path(args.out)) if args.out else None
    if problem:
        raise UsageError(problem)
    result = branch(session, Change(args.round, role, orders, answers))
    print("\n".join(branch_lines(result)))
    if args.out:
        write_atomic(Path(args.out), debrief_html(session, branch=result))
        print(_("wrote {f}").format(f=args.out))
    return 0


def _role(session, text: str) -> str:
    sc = session.scenario
    for role in sc.roles:
        if text.lower() in (role.id, role.name.lower()):
            return role.id
    raise UsageError(_("--role {r}: unknown role; the roles are {all}").format(
        r=text, all=", ".join(sc.role_ids)))


def parse_action(text: str, role: str) -> Action:
    """`brief_plans@moscow` (or `washington:brief_plans@moscow`) as an Action of `role`."""
    try:
        action = Action.from_text(text if ":" in text else f"{role}:{text}")
    except BadMoveText:
        raise UsageError(_("--orders {t}: give an action id with an optional @target, "
                           "for example brief_plans@moscow").format(t=text)) from None
    if action.role != role:
        raise UsageError(_("--orders {t}: that order is {o}'s, not {r}'s").format(
            t=text, o=action.role, r=role))
    return action


def parse_answer(text: str) -> tuple[str, bool]:
    """`nato:expert_talks@washington=decline` as (offer key, accepted)."""
    key, sep, verdict = text.rpartition("=")
    verdict = verdict.strip().lower()
    if not sep or not key or verdict not in _YES + _NO:
        raise UsageError(_("--answers {t}: give OFFER=accept or OFFER=decline, with the offer's "
                           "key as the listing shows it").format(t=text))
    return key.strip(), verdict in _YES


def choice_lines(session, round_no: int, role: str | None) -> list[str]:
    """What each team (or one) could do in a round, as `main.py whatif` lists it."""
    sc, script = session.scenario, script_of(session)
    roles = [_role(session, role)] if role else list(sc.role_ids)
    out = [_("Round {n}: what each team did, and what it could have done instead.").format(
        n=round_no)]
    for r in roles:
        ch = choices(session, round_no, r, script)
        width = max((len(_short(a)) for a in ch.menu), default=0) + 2
        out += ["", _("{who} ({r}) ordered: {did}").format(
            who=role_name(sc, r), r=r, did=" ".join(_short(a) for a in ch.orders) or _("nothing")),
            _("  could order, within its points for the round (--orders ACTION ...):"),
            *(f"    {_short(a).ljust(width)}[{sc.action(a.action_id).cost} pt] "
              f"{action_label(sc, a)}" for a in ch.menu)]
        if ch.answers:
            out.append(_("  answered (use --answers OFFER=accept|decline):"))
            out += [f"    {k}={'accept' if ok else 'decline'}" for k, ok in ch.answers]
    example = roles[0]
    out += ["", _("Example: {command} whatif FILE --round {n} --role {r} --orders {a}").format(
        command=program.name(), n=round_no, r=example,
        a=_short(choices(session, round_no, example, script).menu[-1]))]
    return out


def _short(action: Action) -> str:
    return action.text().split(":", 1)[1]
