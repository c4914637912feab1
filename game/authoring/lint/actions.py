"""Lint actions, demands, commitments and ratifications: what they name exists, no action
contradicts itself, every action can be taken, every demand can end, every commitment
can be broken and every ratification can pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.demands import answerable, meets
from game.authoring.lint.milestones import never_causes
from game.authoring.lint.reach import RULES, parties_of, role_choice, start_demands
from game.authoring.problems import Path, Problem
from game.model.scenario import ActionSpec
from game.words import N_, _, ngettext

#: A ratification whose best chance is at most this many percent is flagged as rare.
RARE_PERCENT = 5


def check_action_refs(ctx: Lint) -> Iterator[Problem]:
    """Actions name roles, milestones, demands and actions that exist."""
    for i, a in enumerate(ctx.scenario.actions):
        p: Path = ("actions", i)
        for j, role in enumerate(a.roles):
            yield from ctx.unknown(p + ("roles", j), "role", role, ctx.roles)
            if role in a.roles[:j]:
                yield ctx.problem(p + ("roles", j), _("role '{role}' is listed twice").format(role=role),
                                  "listed-twice")
        if a.establishes:
            yield from ctx.unknown(p + ("establishes",), "milestone", a.establishes,
                                   ctx.milestones)
        for key in ("operating", "not_operating"):
            for j, m in enumerate(getattr(a.requires, key)):
                yield from ctx.unknown(p + ("requires", key, j), "milestone", m, ctx.milestones)
        for key in ("makes_demand", "drops_demand", "satisfies_demand"):
            if getattr(a, key):
                yield from ctx.unknown(p + (key,), "demand", getattr(a, key), ctx.demands)
        if a.requires.demand_standing:
            yield from ctx.unknown(p + ("requires", "demand_standing"), "demand",
                                   a.requires.demand_standing, ctx.demands)
        for j, b in enumerate(a.commitment.broken_by if a.commitment else []):
            yield from ctx.unknown(p + ("commitment", "broken_by", j), "action", b, ctx.actions)


def check_action_sense(ctx: Lint) -> Iterator[Problem]:
    """An action does not make and drop one demand, and only offers get answers."""
    for i, a in enumerate(ctx.scenario.actions):
        if a.makes_demand and a.makes_demand == a.drops_demand:
            yield ctx.problem(("actions", i, "drops_demand"),
                              _("action '{action}' both makes and drops demand '{demand}'")
                              .format(action=a.id, demand=a.makes_demand),
                              "demand-make-and-drop")
        for key in ("on_accept", "on_decline"):
            if getattr(a, key) and not a.offer:
                yield ctx.problem(("actions", i, key),
                                  _("{key} never happens: action '{action}' is not an offer "
                                    "(set offer: true, or move these to effects)")
                                  .format(key=key, action=a.id),
                                  "answers-not-offer", key=True)


def check_actions_takeable(ctx: Lint) -> Iterator[Problem]:
    """Some role can take every action in some game; the first reason it never can."""
    for i, a in enumerate(ctx.scenario.actions):
        if ctx.reach.can_take(a.id) or _reported_elsewhere(ctx, a):
            continue
        path, why, cause = _never_reason(ctx, a)
        keys = " ".join(k for k in (f"action:{a.id}", cause, _consequences(ctx, a)) if k)
        yield ctx.problem(("actions", i) + path,
                          _("action '{action}' can never be taken: {why}").format(action=a.id, why=why),
                          "action-never", key=True, cause=keys)


def _consequences(ctx: Lint, a: ActionSpec) -> str:
    """Cause keys of what stays out of reach because this action can never be taken: the
    demand it alone makes, so problems of that demand fold under this action's."""
    d = a.makes_demand
    if d and d in ctx.demands and not ctx.reach.demand_makers.get(d) \
            and d not in start_demands(ctx.scenario):
        return f"demand:{d}"
    return ""


def _reported_elsewhere(ctx: Lint, a: ActionSpec) -> bool:
    """True when a proposal fails only because its milestone has no party among its roles,
    which the milestone's own problem says."""
    return bool(a.establishes and a.establishes in ctx.milestones
                and not role_choice(ctx.scenario, a) & parties_of(ctx.scenario, a.establishes)
                and not any(b.establishes == a.establishes and ctx.reach.can_take(b.id)
                            for b in ctx.scenario.actions))


def _never_reason(ctx: Lint, a: ActionSpec) -> tuple[Path, str, str]:
    """(sub-path, reason, cause) for an action no role can ever take."""
    req = a.requires
    for m in req.operating:
        if m in ctx.milestones and m not in ctx.establishable:
            return (("requires", "operating"), _("it needs milestone '{milestone}' operating, "
                                                 "which can never operate").format(milestone=m),
                    f"milestone:{m}")
    both = sorted(set(req.operating) & set(req.not_operating))
    if both:
        return (("requires",), _("it needs milestone '{milestone}' both operating and not "
                                 "operating").format(milestone=both[0]), "")
    if req.demand_standing and req.demand_standing in ctx.demands:
        return (("requires", "demand_standing"), _("only a role standing by demand "
                                                   "'{demand}' may take it, and none of its "
                                                   "roles can make that demand")
                .format(demand=req.demand_standing), f"demand:{req.demand_standing}")
    if a.establishes and a.establishes in ctx.milestones:
        return (("roles",), _("none of its roles is a party of milestone '{milestone}'")
                .format(milestone=a.establishes), "")
    if a.target == "milestone":
        # Its roles' milestones that can never operate are the cause: fold under theirs.
        roles = role_choice(ctx.scenario, a)
        idle = [m.id for m in ctx.scenario.milestones
                if set(m.parties) & roles and m.id not in ctx.establishable]
        return (("target",), _("it withdraws from a milestone, and none of its roles is a "
                               "party of a milestone that can operate"),
                " ".join(never_causes(ctx, m) for m in idle))
    unknown = [r for r in a.roles if r not in ctx.roles]
    if unknown or not role_choice(ctx.scenario, a):
        return (("roles",), _("none of its roles exists"), " ".join(f"role:{r}" for r in unknown))
    roles = role_choice(ctx.scenario, a)
    for rule in RULES:
        narrowed = rule(ctx.scenario, a, ctx.reach, roles)
        if not narrowed:
            why = _RULE_WHY.get(rule.__name__)
            return ((), _(why) if why else _("no role may take it"), _rule_cause(ctx, a))
        roles = narrowed
    return ((), _("no role may take it"), "")


def _rule_cause(ctx: Lint, a: ActionSpec) -> str:
    """Cause keys of a requirement that rules an action out: the demand no role can stand
    by, or the action making the commitment it needs, when that is out of reach itself."""
    req = a.requires
    demand = getattr(req, "target_demands", None)
    given = getattr(req, "received_commitment", None)
    keys = []
    if demand and demand in ctx.demands and not ctx.reach.demand_makers.get(demand):
        keys.append(f"demand:{demand}")
    if given and given in ctx.actions and not ctx.reach.can_take(given):
        keys.append(f"action:{given}")
    return " ".join(keys)


_RULE_WHY = {
    "_aimed": N_("`aims` lets none of its roles take it"),
    "_from_round": N_("its earliest round (requires.from_round) comes after the last round"),
    "_target_demands": N_("it must be aimed at a role standing by the demand in "
                          "requires.target_demands, and no other role can stand by it"),
    "_received": N_("it needs a commitment received from another role (requires."
                    "received_commitment), and no other role can make that commitment to its "
                    "roles"),
}


def check_demand_refs(ctx: Lint) -> Iterator[Problem]:
    """Demands name actions that exist, and some action makes each demand."""
    made = {a.makes_demand for a in ctx.scenario.actions} | set(start_demands(ctx.scenario))
    for i, d in enumerate(ctx.scenario.demands):
        for j, b in enumerate(d.backed_down_by):
            yield from ctx.unknown(("demands", i, "backed_down_by", j), "action", b, ctx.actions)
        if d.id not in made:
            yield ctx.problem(("demands", i), _("no action makes demand '{demand}'; add an "
                                                "action with `makes_demand: {demand}`")
                              .format(demand=d.id),
                              "demand-never-made", cause=f"demand:{d.id}")


def check_demands_can_end(ctx: Lint) -> Iterator[Problem]:
    """A demand that is made can also end: be met, dropped, or backed down from."""
    s, r = ctx.scenario, ctx.reach
    for i, d in enumerate(s.demands):
        makers = set(r.demand_makers.get(d.id, ()))
        if not makers:
            continue
        ends = any(r.takers.get(a.id, frozenset()) & makers for a in s.actions
                   if a.drops_demand == d.id or a.id in d.backed_down_by)
        ends = ends or any(a.id in d.backed_down_by and answerable(ctx, a, makers)
                           for a in s.actions)
        ends = ends or bool(meets(ctx, d.id))
        if not ends:
            enders = [*d.backed_down_by, *(a.id for a in s.actions
                                           if d.id in (a.drops_demand, a.satisfies_demand))]
            causes = " ".join(k for k in (_out_of_reach(ctx, enders), f"demand-met:{d.id}") if k)
            yield ctx.problem(("demands", i), _("demand '{demand}' can never end once made: no "
                                                "action its makers can take drops it or backs "
                                                "down from it, and no action meets it; its "
                                                "audience cost and reward never apply")
                              .format(demand=d.id),
                              "demand-stuck", cause=causes)


def check_commitments(ctx: Lint) -> Iterator[Problem]:
    """Every commitment can be broken by its maker, so keeping it is a real choice."""
    s, r = ctx.scenario, ctx.reach
    for i, a in enumerate(s.actions):
        if not a.commitment or not r.can_take(a.id):
            continue
        makers = r.takers[a.id]
        unknown = _out_of_reach(ctx, a.commitment.broken_by)
        if not any(r.takers.get(b, frozenset()) & makers for b in a.commitment.broken_by):
            yield ctx.problem(("actions", i, "commitment", "broken_by"),
                              _("commitment '{commitment}' can never be broken: no action in "
                                "broken_by can be taken by {roles}, so its break_penalty never "
                                "applies").format(commitment=a.commitment.name,
                                                  roles=", ".join(sorted(makers))),
                              "commitment-unbreakable",
                              key=True, cause=unknown)


def _out_of_reach(ctx: Lint, actions) -> str:  # noqa: ANN001 - ids
    """Cause keys of the named actions that are unknown or can never be taken, so a
    problem that follows from them folds under theirs."""
    return " ".join(dict.fromkeys(f"action:{b}" for b in actions
                                  if b not in ctx.actions or not ctx.reach.can_take(b)))


def check_ratifications(ctx: Lint) -> Iterator[Problem]:
    """Every ratification can pass at some level of support (at most 100)."""
    for i, a in enumerate(ctx.scenario.actions):
        rat = a.ratification
        if rat is None:
            continue
        best = rat.chance(100)
        path = ("actions", i, "ratification")
        if best <= 0:
            why = ratification_why(rat)
            yield ctx.problem(path, _("this ratification can never pass: {why}; the chance is "
                                      "(support - threshold) x percent_per_point, at most "
                                      "max_percent").format(why=why),
                              "ratification-never", key=True)
        elif best <= RARE_PERCENT:
            yield ctx.problem(path, ngettext("this ratification passes at most {n} time in 100, "
                                             "even with full support",
                                             "this ratification passes at most {n} times in 100, "
                                             "even with full support", best).format(n=best),
                              "ratification-rare", key=True)


def ratification_why(rat) -> str:  # noqa: ANN001 - a Ratification
    """Why a ratification can never pass, as a clause."""
    if rat.max_percent == 0:
        return _("max_percent is 0")
    if rat.percent_per_point == 0:
        return _("percent_per_point is 0")
    return _("support never rises above the threshold {threshold}").format(
        threshold=rat.threshold)
