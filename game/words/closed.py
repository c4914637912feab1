"""Why an order is closed, in plain words for players.

The rules give their reasons as short fixed texts with ids in them (`game.rules.legal`,
`game.rules.requirements`), such as "needs progress 2, has 0" or "not a valid target".
`plain_reason` matches each such text and says it as a sentence a student can act on
("the Transparency regime needs 2 steps of progress; it has 0 so far"), with ids named.
A reason no pattern knows is returned with its ids named, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from game.words.i18n import _, ngettext
from game.words.names import role_name, scenario_of

Say = Callable[[dict[str, str]], str]


def _uses(m: dict[str, str]) -> str:
    n = int(m["limit"])
    return ngettext("it may be taken only once a game, and it has been",
                    "it may be taken only {n} times a game, and it has been", n).format(n=n)


# Each rules text (a full match) and the sentence that says it; names are filled in later.
PATTERNS: list[tuple[re.Pattern[str], Say]] = [(re.compile(p), say) for p, say in [
    (r"needs domestic support (?P<need>\d+), has (?P<has>\d+)",
     lambda m: _("your support at home must be at least {need}; it is {has} now").format(**m)),
    (r"needs (?P<m>\S+) operating",
     lambda m: _("{m} must be operating first").format(**m)),
    (r"not possible while (?P<m>\S+) is operating",
     lambda m: _("it is not possible while {m} is operating").format(**m)),
    (r"only while standing by the demand (?P<d>\S+)",
     lambda m: _("it is open only while your delegation stands by its public demand ({d})").format(**m)),
    (r"that demand is already standing",
     lambda m: _("your delegation already stands by this demand")),
    (r"may be taken only (?P<limit>\d+) time\(s\)", _uses),
    (r"(?P<role>\S+) is not a party to (?P<m>\S+)",
     lambda m: _("{role} is not one of the parties to {m}").format(**m)),
    (r"(?P<m>\S+) is already operating",
     lambda m: _("{m} is already operating").format(**m)),
    (r"(?P<m>\S+) needs (?P<pre>\S+) operating first",
     lambda m: _("{pre} must be operating before {m} can be proposed").format(**m)),
    (r"(?P<m>\S+) needs progress (?P<need>\d+), has (?P<has>\d+)",
     lambda m: _("{m} needs {need} steps of progress before it can be proposed; it has {has} so "
                 "far").format(**m)),
    (r"not a valid target",
     lambda m: _("what it works on is not operating yet")),
    (r"that commitment is already in force",
     lambda m: _("your delegation already has this commitment in force")),
    (r"not before round (?P<first>\d+)",
     lambda m: _("it opens in round {first}").format(**m)),
    (r"only toward a delegation standing by the demand (?P<d>\S+)",
     lambda m: _("it is open only toward a delegation that stands by its public demand ({d})")
     .format(**m)),
    (r"needs (?P<role>\S+) to hold a commitment made by (?P<a>\S+) first",
     lambda m: _("another delegation must first make {role} a commitment ({a})").format(**m)),
    (r"costs (?P<cost>\d+), more than the points left",
     lambda m: _("it costs {cost} points, more than you have left").format(**m)),
    (r"already ordered this round",
     lambda m: _("it is already in your orders this round")),
    (r"(?P<role>\S+) cannot give orders now",
     lambda m: _("orders are not due from {role} now").format(**m)),
    (r"(?P<role>\S+) cannot take (?P<a>\S+)",
     lambda m: _("{role} cannot take this action").format(**m)),
    (r"not open now",
     lambda m: _("it is not open now")),
]]


def plain_reason(game, reason: str) -> str:
    """`reason` from the rules (without the action in front) as a plain sentence, with the
    roles, milestones, demands and actions it names given their names."""
    for pattern, say in PATTERNS:
        found = pattern.fullmatch(reason.strip())
        if found:
            return say({k: _name(game, v) for k, v in found.groupdict().items()})
    return _name(game, reason)


def _name(game, text: str) -> str:
    """Ids in `text` by their names (roles, milestones, demands, actions)."""
    sc = scenario_of(game)
    names = {r.id: role_name(sc, r.id) for r in sc.roles}
    names.update({m.id: m.name for m in sc.milestones})
    names.update({d.id: d.name for d in sc.demands})
    names.update({a.id: f"'{a.name}'" for a in sc.actions})
    if text in names:
        return names[text]
    for found, name in names.items():
        text = re.sub(rf"\b{re.escape(found)}\b", name, text)
    return text
