"""Why something is not allowed, in words: the rules' refusals (`game.model.results.Refusal`).

`why_not(game, action, refusal)` words why an order is closed, as a clause that follows
the order's own name on a menu (`it costs 2 points, more than you have left`);
`refusal_line(game, refusal, action)` words any refusal of a move, naming the order it
concerns. Ids become names here; nothing is parsed out of a sentence.
"""

from __future__ import annotations

from game.model.actions import Action
from game.model.results import Refusal, RefusalKind
from game.words.i18n import N_, _, ngettext
from game.words.names import (
    action_name,
    demand_name,
    event_title,
    milestone_name,
    move_label,
    phase_name,
    points,
    role_name,
    scenario_of,
)
from game.words.talks import issue_name, option_name

K = RefusalKind

#: Refusals worded by one message; the placeholders are the args, named as in
#: `RefusalKind`'s docstring, ids already put in words (see `_args`). An order's refusal
#: speaks to the team that would give it, in words it can act on.
_MESSAGES = {
    K.SUPPORT: N_("your support at home must be at least {needed}; it is {has} now"),
    K.NEEDS_OPERATING: N_("{milestone} must be operating first"),
    K.WHILE_OPERATING: N_("it is not possible while {milestone} is operating"),
    K.OWN_DEMAND: N_("it is open only while your delegation stands by its public demand "
                     "({demand})"),
    K.DEMAND_STANDING: N_("your delegation already stands by this demand"),
    K.NOT_A_PARTY: N_("{role} is not one of the parties to {milestone}"),
    K.ALREADY_OPERATING: N_("{milestone} is already operating"),
    K.NEEDS_FIRST: N_("{prerequisite} must be operating before {milestone} can be proposed"),
    K.BAD_TARGET: N_("it cannot be aimed at {target}"),
    K.TARGET_NOT_OPERATING: N_("{milestone} is not operating yet"),
    K.IN_FORCE: N_("your delegation already has this commitment in force"),
    K.BEFORE_ROUND: N_("it opens in round {round}"),
    K.TARGET_DEMAND: N_("it is open only toward a delegation that stands by its public demand "
                        "({demand})"),
    K.NEEDS_COMMITMENT: N_("another delegation must first make {role} a commitment ('{action}')"),
    K.DRAFTED: N_("it is already in your orders this round"),
    K.UNKNOWN_ROLE: N_("there is no delegation {role!r} in this scenario"),
    K.UNKNOWN_ACTION: N_("there is no action {action!r} in this scenario"),
    K.UNKNOWN_EVENT: N_("there is no event {event!r} in this scenario"),
    K.CANNOT_TAKE: N_("{role} cannot take this action"),
    K.NOT_GIVING_ORDERS: N_("orders are not due from {role} now"),
    K.GAME_OVER: N_("the game is over"),
    K.ALREADY_ORDERED: N_("{role} has already given its orders this round"),
    K.ALREADY_ANSWERED: N_("{role} has already answered this round"),
    K.ORDERS_FOR_OTHER: N_("{role} cannot give orders for {other}"),
    K.NO_OFFERS: N_("{role} has no offers to answer"),
    K.EVENT_AFTER_ORDERS: N_("an event can be brought in only before any orders are given"),
    K.EVENT_THIS_ROUND: N_("'{event}' has already happened this round"),
    K.EVENT_ONCE: N_("'{event}' can happen only once a game and has already happened"),
    K.NOT_A_MOVE: N_("that is not a move"),
    K.NO_TALKS: N_("this scenario has no talks over terms"),
    K.TALKS_SETTLED: N_("a package has been agreed: the talks are over"),
    K.NOT_IN_TALKS: N_("{role} does not take part in the talks"),
    K.NO_ADDRESSEE: N_("a proposal goes to at least one other delegation, each named once"),
    K.TERM_OUTSIDE: N_("the package binds {role}, so {role} must be one of its addressees"),
    K.NO_PROPOSAL: N_("there is no open proposal {ref} that you may answer or withdraw"),
    K.DUPLICATE: N_("you already have this proposal open to the same delegations (proposal "
                    "{ref}); wait for their answer, or withdraw it first"),
    K.REJECTED: N_("'{option}' failed ratification earlier and is out of the talks"),
    K.ACCEPT_SUPPORT: N_("accepting '{option}' needs support at home of at least {needed}; "
                         "yours is {has}"),
}

#: Why a proposal is closed, by how (`proposal_closed`'s args).
_CLOSED = {
    "countered": N_("proposal {ref} is closed: {role} countered it"),
    "declined": N_("proposal {ref} is closed: {role} declined it"),
    "withdrawn": N_("proposal {ref} is closed: {role} withdrew it"),
    "answered": N_("you have already accepted proposal {ref}; it waits for the others' answers"),
    "past": N_("proposal {ref} was made in an earlier round; proposals close when the round "
               "ends"),
}

#: The moves a wrong-phase refusal is about, by the move named in its args.
_WRONG_PHASE = {
    "orders": N_("orders are closed: the game is in the {phase} phase"),
    "answers": N_("no answers are due: the game is in the {phase} phase"),
    "resolve": N_("the round cannot resolve in the {phase} phase"),
}


def _args(sc, refusal: Refusal) -> dict[str, object]:
    """A refusal's args by name, ids put in words."""
    kind, a = refusal
    if kind in (K.NEEDS_OPERATING, K.WHILE_OPERATING, K.ALREADY_OPERATING, K.TARGET_NOT_OPERATING):
        return {"milestone": milestone_name(sc, a[0])}
    if kind in (K.OWN_DEMAND, K.DEMAND_STANDING, K.TARGET_DEMAND):
        return {"demand": demand_name(sc, a[0])}
    if kind in (K.UNKNOWN_ROLE, K.NOT_GIVING_ORDERS, K.ALREADY_ORDERED, K.ALREADY_ANSWERED,
                K.NO_OFFERS):
        return {"role": role_name(sc, a[0])}
    if kind in (K.EVENT_THIS_ROUND, K.EVENT_ONCE, K.UNKNOWN_EVENT):
        return {"event": event_title(sc, a[0])}
    return _MORE.get(kind, lambda sc, *a: {})(sc, *a)


_MORE = {
    K.NOT_IN_TALKS: lambda sc, role: {"role": role_name(sc, role)},
    K.TERM_OUTSIDE: lambda sc, role: {"role": role_name(sc, role)},
    K.NO_PROPOSAL: lambda sc, ref: {"ref": ref},
    K.DUPLICATE: lambda sc, ref: {"ref": ref},
    K.REJECTED: lambda sc, issue, option: {"option": option_name(sc, issue, option)},
    K.ACCEPT_SUPPORT: lambda sc, issue, option, needed, has: {
        "option": option_name(sc, issue, option), "needed": needed, "has": has},
    K.SUPPORT: lambda sc, needed, has: {"needed": needed, "has": has},
    K.NOT_A_PARTY: lambda sc, role, m: {"role": role_name(sc, role),
                                        "milestone": milestone_name(sc, m)},
    K.NEEDS_FIRST: lambda sc, m, pre: {"milestone": milestone_name(sc, m),
                                       "prerequisite": milestone_name(sc, pre)},
    K.BEFORE_ROUND: lambda sc, n: {"round": n},
    K.BAD_TARGET: lambda sc, text: {"target": _target(sc, text)},
    K.NEEDS_COMMITMENT: lambda sc, role, action: {"role": role_name(sc, role),
                                                  "action": action_name(sc, action)},
    K.UNKNOWN_ACTION: lambda sc, action: {"action": action},
    K.CANNOT_TAKE: lambda sc, role, action: {"role": role_name(sc, role),
                                             "action": action_name(sc, action)},
    K.ORDERS_FOR_OTHER: lambda sc, role, other: {"role": role_name(sc, role),
                                                 "other": role_name(sc, other)},
}


def _target(sc, action_text: str) -> str:
    """Whom or what an order is aimed at, in words."""
    target = action_text.partition("@")[2]
    return role_name(sc, target) if target in sc.role_ids else milestone_name(sc, target)


def why_not(game, action: Action | None, refusal: Refusal | None) -> str:
    """Why an order is not open (`game.rules.legal.why_illegal`), as a clause to follow the
    order's name, or "" for no refusal. `action` is the order refused (kept for callers
    that word it; the clause itself never repeats it)."""
    if refusal is None:
        return ""
    sc = scenario_of(game)
    kind, args = refusal
    if kind == K.COST:
        return _("it costs {cost}, more than you have left").format(cost=points(args[0]))
    if kind == K.USES:
        return ngettext("it may be taken only once a game, and it has been",
                        "it may be taken only {limit} times a game, and it has been",
                        args[0]).format(limit=args[0])
    if kind == K.PROGRESS:
        return ngettext("{milestone} needs {needed} step of progress before it can be proposed; "
                        "it has {has} so far",
                        "{milestone} needs {needed} steps of progress before it can be proposed; "
                        "it has {has} so far", args[1]).format(
            milestone=milestone_name(sc, args[0]), needed=args[1], has=args[2])
    if kind == K.WRONG_PHASE:
        if args[0] == "talks":
            return _("the talks are closed: the game is in the {phase} phase").format(
                phase=phase_name(args[1]))
        return _(_WRONG_PHASE[args[0]]).format(phase=phase_name(args[1]))
    if kind == K.TALKS_CLOSED:
        return _("the talks open in round {round}").format(round=args[0])
    if kind == K.TALK_LIMIT:
        return ngettext("a delegation may send only {limit} message a round",
                        "a delegation may send only {limit} messages a round",
                        args[0]).format(limit=args[0])
    if kind == K.BAD_PACKAGE:
        if not args[0]:
            return _("a package sets each issue once: '{extra}' is one too many").format(
                extra=args[1])
        return _("a package sets one known option for every issue: check '{issue}'").format(
            issue=issue_name(sc, args[0]))
    if kind == K.PROPOSAL_CLOSED:
        return _(_CLOSED[args[1]]).format(ref=args[0], role=role_name(sc, args[2])
                                          if args[2] else "")
    if kind == K.MUST_ANSWER:
        offers = ", ".join(move_label(sc, key) for key in args[1:])
        return _("{role} must answer exactly these offers: {offers}").format(
            role=role_name(sc, args[0]), offers=offers)
    return _(_MESSAGES[kind]).format(**_args(sc, refusal))


def refusal_line(game, refusal: Refusal, action: Action | None = None) -> str:
    """Any refusal in words; one about an order names the order first:
    `Washington: Offer a legal guarantee → Moscow: needs domestic support 40, has 35`."""
    why = why_not(game, action, refusal)
    if action is None:
        return why
    return _("{action}: {why}").format(action=move_label(game, action), why=why)
