"""Lint the talks (`negotiation:`): ids that exist and are unique, a walk-away value for
every party, terms that bind parties, and a bargain worth having.

The schema checks each value on its own. Here: every role named in values, walk-away
values, parties, terms, `min_support` and ratification is a role; every action a term
names is an action; issue ids are unique, and option ids within each issue; every party
has a walk-away value; a term binds only parties; some package is worth at least its
walk-away value to every party (a zone of agreement, as `game.rules.values.in_zone`
has it); and no single package is best for every party, for then the talks have
nothing to bargain over.

A package is one option for every issue; its value to a role is the sum of the role's
values for its options. The bargain checks read the base walk-away values (`value`),
not the changes that the game state brings.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.actions import ratification_why
from game.authoring.lint.context import Lint, closest, hint
from game.authoring.lint.walk import nested
from game.authoring.problems import Path, Problem
from game.model.basics import RELATIVE_ROLES
from game.model.negotiation import Negotiation
from game.words import _, ngettext

N = "negotiation"


def parties(ctx: Lint) -> list[str]:
    """The roles that may take part in the talks: `parties`, or every role if it is empty."""
    n = ctx.scenario.negotiation
    if n is None:
        return []
    return list(dict.fromkeys(n.parties)) if n.parties else [r.id for r in ctx.scenario.roles]


def _unknown(ctx: Lint, path: Path, kind: str, ref: str, known: set[str], *,
             key: bool = False) -> Iterator[Problem]:
    """`talks-unknown-role` or `talks-unknown-action` if `ref` is not a known id, with the
    closest one as a hint; uses of one unknown id fold together as elsewhere."""
    if ref in known:
        return
    close = closest(ref, known)
    cause = f"{kind}:{ref}" + (f" {kind}:{close}" if close else "")
    what = (_("unknown role '{ref}'") if kind == "role" else _("unknown action '{ref}'"))
    yield ctx.problem(path, what.format(ref=ref) + hint(ref, known), f"talks-unknown-{kind}", key=key,
                      cause=cause, resembles=(kind, ref, close) if close else None)


def check_talks_refs(ctx: Lint) -> Iterator[Problem]:
    """Roles and actions the talks name exist; `self` only in a walk-away change."""
    n = ctx.scenario.negotiation
    if n is None:
        return
    for j, role in enumerate(n.parties):
        yield from _unknown(ctx, (N, "parties", j), "role", role, ctx.roles)
        if role in n.parties[:j]:
            yield ctx.problem((N, "parties", j), _("party '{role}' is listed twice").format(role=role),
                              "listed-twice")
    for role, walk in n.walk_away.items():
        yield from _unknown(ctx, (N, "walk_away", role), "role", role, ctx.roles, key=True)
        for c, change in enumerate(walk.changes):
            yield from _condition_roles(ctx, (N, "walk_away", role, "changes", c, "when"),
                                        change.when)
    for i, issue in enumerate(n.issues):
        for j, option in enumerate(issue.options):
            at = (N, "issues", i, "options", j)
            for key in ("values", "min_support"):
                for role in getattr(option, key):
                    yield from _unknown(ctx, at + (key, role), "role", role, ctx.roles, key=True)
            for t, term in enumerate(option.terms):
                for key in ("role", "toward"):
                    yield from _unknown(ctx, at + ("terms", t, key), "role", getattr(term, key),
                                        ctx.roles)
                for key in ("do", "avoid"):
                    for k, action in enumerate(getattr(term, key)):
                        yield from _unknown(ctx, at + ("terms", t, key, k), "action", action,
                                            ctx.actions)
            if option.ratification is not None:
                rat = option.ratification
                yield from _unknown(ctx, at + ("ratification", "role"), "role", rat.role,
                                    ctx.roles)
                if rat.chance(100) <= 0:
                    yield ctx.problem(at + ("ratification",),
                                      _("option '{option}' can never be ratified: {why}, so no "
                                        "package with it ever enters into force")
                                      .format(option=option.id, why=ratification_why(rat)),
                                      "ratification-never", key=True)
                for e, effect in enumerate(rat.on_fail):
                    yield from _effect_refs(ctx, at + ("ratification", "on_fail", e), effect)
    for e, effect in enumerate(n.on_agreement):
        yield from _effect_refs(ctx, (N, "on_agreement", e), effect)


def _condition_roles(ctx: Lint, top: Path, cond) -> Iterator[Problem]:  # noqa: ANN001
    """Roles and milestones in a walk-away change's condition; `self` is the role."""
    for path, c in nested(top, cond):
        for key in ("operating", "not_operating"):
            for j, m in enumerate(getattr(c, key)):
                yield from ctx.unknown(path + (key, j), "milestone", m, ctx.milestones)
        refs = [(path + ("trust", j, k), ref) for j, t in enumerate(c.trust)
                for k, ref in (("from", t.from_), ("to", t.to))]
        refs += [(path + (key, j, "role"), t.role)
                 for key in ("support", "commitments_kept", "commitments_broken")
                 for j, t in enumerate(getattr(c, key))]
        for at, ref in refs:
            if ref == "self" or ref in ctx.roles:
                continue
            if ref in RELATIVE_ROLES:
                yield ctx.problem(at, _("'{ref}' means nothing in a walk-away change; use a "
                                        "role id or self (the role whose walk-away value it is)")
                                  .format(ref=ref),
                                  "role-word")
            else:
                yield from _unknown(ctx, at, "role", ref, ctx.roles)


def _effect_refs(ctx: Lint, path: Path, effect) -> Iterator[Problem]:  # noqa: ANN001
    """Role ids and milestones in a talks effect; role words are left to the rules."""
    for key in ("who", "toward"):
        ref = getattr(effect, key)
        if key in effect.model_fields_set and ref not in RELATIVE_ROLES:
            yield from _unknown(ctx, path + (key,), "role", ref, ctx.roles)
    if effect.milestone:
        yield from ctx.unknown(path + ("milestone",), "milestone", effect.milestone,
                               ctx.milestones)


def check_talks_ids(ctx: Lint) -> Iterator[Problem]:
    """Issue ids are unique, and option ids within each issue."""
    n = ctx.scenario.negotiation
    if n is None:
        return
    lists: list[tuple[Path, list]] = [((N, "issues"), n.issues)]
    lists += [((N, "issues", i, "options"), issue.options) for i, issue in enumerate(n.issues)]
    for path, items in lists:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                line = ctx.source.locate(path + (first[item.id], "id"))[0]
                text = (_("duplicate issue id '{id}' (first used on line {line})") if len(path) == 2
                        else _("duplicate option id '{id}' (first used on line {line})"))
                yield ctx.problem(path + (i, "id"), text.format(id=item.id, line=line),
                                  "talks-duplicate-id")
            first.setdefault(item.id, i)


def check_talks_parties(ctx: Lint) -> Iterator[Problem]:
    """Every party has a walk-away value, and every term binds parties."""
    n = ctx.scenario.negotiation
    if n is None:
        return
    who = [p for p in parties(ctx) if p in ctx.roles]
    for p in who:
        if p in n.walk_away:
            continue
        path = (N, "parties", n.parties.index(p)) if n.parties else (N, "walk_away")
        yield ctx.problem(path, _("party '{role}' has no walk-away value: give it one under "
                                  "walk_away ({role}: {{value: 0}} means no agreement is worth "
                                  "nothing to it)").format(role=p),
                          "talks-walk-away", key=not n.parties,
                          cause=f"role:{p}")
    if not n.parties:
        return
    for i, issue in enumerate(n.issues):
        for j, option in enumerate(issue.options):
            for t, term in enumerate(option.terms):
                for key in ("role", "toward"):
                    role = getattr(term, key)
                    if role in who or role not in ctx.roles:
                        continue
                    text = (_("term '{term}' binds '{role}', which is not a party to the talks "
                              "({parties}), so no package with option '{option}' can ever be "
                              "proposed; add '{role}' to parties or change the term")
                            if key == "role" else
                            _("term '{term}' is owed to '{role}', which is not a party to the "
                              "talks ({parties}), so no package with option '{option}' can ever "
                              "be proposed; add '{role}' to parties or change the term"))
                    yield ctx.problem((N, "issues", i, "options", j, "terms", t, key),
                                      text.format(term=term.name, role=role,
                                                  parties=", ".join(who), option=option.id),
                                      "talks-term-party",
                                      cause=f"role:{role}")


def check_talks_bargain(ctx: Lint) -> Iterator[Problem]:
    """Some package is in the zone of agreement, and no package is best for all."""
    n = ctx.scenario.negotiation
    who = [p for p in parties(ctx) if p in ctx.roles]
    if n is None or len(who) < 2 or any(p not in n.walk_away for p in who):
        return
    yield from _no_contest(ctx, n, who)
    yield from _no_zone(ctx, n, who)


def _no_contest(ctx: Lint, n: Negotiation, who: list[str]) -> Iterator[Problem]:
    """A warning when one package gives every party the most it can get.

    A package's value is a sum over issues, so a package is best for a role exactly when
    each of its options is among that role's best for the issue."""
    best: list[str] = []
    for issue in n.issues:
        shared = [o.id for o in issue.options
                  if all(o.values.get(p, 0) == max(x.values.get(p, 0) for x in issue.options)
                         for p in who)]
        if not shared:
            return
        best.append(f"{issue.id}={shared[0]}")
    yield ctx.problem((N, "issues"), _("the package {package} is the best for every party "
                                       "({parties}), so the talks have nothing to bargain over: "
                                       "give the parties different favourite options in some "
                                       "issue").format(package=", ".join(best),
                                                       parties=", ".join(who)),
                      "talks-no-contest", key=True)


def _no_zone(ctx: Lint, n: Negotiation, who: list[str]) -> Iterator[Problem]:
    """A warning when no package gives every party at least its base walk-away value."""
    floor = [n.walk_away[p].value for p in who]
    # Every distinct vector of the parties' values, with the first package that has it.
    sums: dict[tuple[int, ...], tuple[str, ...]] = {tuple(0 for _ in who): ()}
    for issue in n.issues:
        grown: dict[tuple[int, ...], tuple[str, ...]] = {}
        for vec, package in sums.items():
            for o in issue.options:
                key = tuple(v + o.values.get(p, 0) for v, p in zip(vec, who, strict=True))
                grown.setdefault(key, package + (f"{issue.id}={o.id}",))
        sums = grown

    def margin(vec: tuple[int, ...]) -> int:
        return min(v - f for v, f in zip(vec, floor, strict=True))

    vec = max(sums, key=margin)
    if margin(vec) >= 0:
        return
    short = [ngettext("{role} lacks {n} point", "{role} lacks {n} points", f - v)
             .format(role=p, n=f - v) for p, v, f in zip(who, vec, floor, strict=True) if v < f]
    walk = ", ".join(f"{p} {f}" for p, f in zip(who, floor, strict=True))
    yield ctx.problem((N, "walk_away"), _("no package gives every party at least its walk-away "
                                          "value ({values}): every package leaves some party "
                                          "worse off than no agreement; the closest is "
                                          "{package}, where {short}; lower a walk-away value "
                                          "or raise some option's values")
                      .format(values=walk, package=", ".join(sums[vec]), short=", ".join(short)),
                      "talks-no-zone", key=True)
