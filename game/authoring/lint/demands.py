"""Lint how demands end by the hands of others: an action that meets a demand can be
aimed at a role that makes it, a demand with a reward for being met can be met, and
each action a demand lists as backing down is one its makers take or accept - and not
the very offer that meets the demand.

The engine meets a demand when an action with `satisfies_demand` takes effect toward
a role standing by it (an offer only once accepted), and counts backing down when a
role standing by the demand takes, or accepts, an action in its `backed_down_by`.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.reach import may_aim, parties_of
from game.authoring.problems import Problem
from game.model.scenario import ActionSpec
from game.words import _


def aimable(ctx: Lint, a: ActionSpec, roles: frozenset[str] | set[str]) -> bool:
    """True if some role that can take `a` may aim it at one of `roles` (another role)."""
    if a.target != "role":
        return False
    return any(may_aim(a, x, set(roles) - {x}) for x in ctx.reach.takers.get(a.id, ()))


def answerable(ctx: Lint, a: ActionSpec, roles: frozenset[str] | set[str]) -> bool:
    """True if one of `roles` can ever be asked to answer the offer `a`."""
    if not a.offer:
        return False
    if a.establishes:
        takers = ctx.reach.takers.get(a.id, frozenset())
        return any(takers - {y} for y in parties_of(ctx.scenario, a.establishes) & set(roles))
    return aimable(ctx, a, roles)


def meets(ctx: Lint, demand: str) -> list[ActionSpec]:
    """The actions that can meet the demand in some game: aimed at a role that makes it."""
    makers = ctx.reach.demand_makers.get(demand, frozenset())
    return [a for a in ctx.scenario.actions if a.satisfies_demand == demand and aimable(ctx, a, makers)]


def check_satisfiers_aimed(ctx: Lint) -> Iterator[Problem]:
    """An action with `satisfies_demand` can be aimed at a role that makes the demand."""
    s, r = ctx.scenario, ctx.reach
    for i, a in enumerate(s.actions):
        d = a.satisfies_demand
        makers = r.demand_makers.get(d or "", frozenset())
        if not d or d not in ctx.demands or not makers or not r.can_take(a.id):
            continue
        if aimable(ctx, a, makers):
            continue
        if a.target != "role":
            why = _("it is aimed at no role (target: {target}); set target: role").format(
                target=a.target)
        else:
            why = _("no role that can take it may aim it at {roles}, who make the demand; "
                    "change its `roles` or `aims`").format(roles=_names(makers))
        yield ctx.problem(("actions", i, "satisfies_demand"),
                          _("action '{action}' can never meet demand '{demand}': {why}")
                          .format(action=a.id, demand=d, why=why), "satisfies-never-aimed",
                          cause=f"demand-met:{d}")


def check_demand_rewards(ctx: Lint) -> Iterator[Problem]:
    """A demand whose `satisfied_reward` is above 0 can be met in some game."""
    for i, d in enumerate(ctx.scenario.demands):
        if not d.satisfied_reward or not ctx.reach.demand_makers.get(d.id) or meets(ctx, d.id):
            continue
        named = [a.id for a in ctx.scenario.actions if a.satisfies_demand == d.id]
        why = (_("none of the actions that meet it ({actions}) can be aimed at a role that "
                 "makes it").format(actions=", ".join(named)) if named else
               _("no action has `satisfies_demand: {demand}`").format(demand=d.id))
        yield ctx.problem(("demands", i, "satisfied_reward"),
                          _("demand '{demand}' can be dropped or backed down from but never "
                            "met: {why}, so its satisfied_reward never applies; add an action "
                            "another role aims at its makers with `satisfies_demand: {demand}`, "
                            "or set satisfied_reward to 0").format(demand=d.id, why=why),
                          "demand-reward-dead", key=True, cause=f"demand-met:{d.id}")


def check_backdowns(ctx: Lint) -> Iterator[Problem]:
    """Every action in `backed_down_by` is one the demand's makers take or are asked to
    accept, and none of them is an offer that meets the same demand."""
    s, r = ctx.scenario, ctx.reach
    spec = {a.id: a for a in s.actions}
    for i, d in enumerate(s.demands):
        makers = r.demand_makers.get(d.id, frozenset())
        if not makers:
            continue
        for j, b in enumerate(d.backed_down_by):
            a = spec.get(b)
            if a is None or not r.can_take(b):
                continue
            path = ("demands", i, "backed_down_by", j)
            if a.satisfies_demand == d.id and a.offer:
                yield ctx.problem(path, _("'{action}' meets demand '{demand}' and also counts "
                                          "as backing down from it: a maker that accepts it "
                                          "pays the audience cost and the demand is gone before "
                                          "it can be met, so its satisfied_reward never "
                                          "applies; remove it from backed_down_by")
                                  .format(action=b, demand=d.id),
                                  "backdown-meets")
            elif not (r.takers.get(b, frozenset()) & makers) and not answerable(ctx, a, makers):
                yield ctx.problem(path, _("'{action}' never counts as backing down from "
                                          "demand '{demand}': only a role standing by the "
                                          "demand backs down, by taking or accepting the "
                                          "action, and {roles} can do neither; list an action "
                                          "its makers take, or remove it")
                                  .format(action=b, demand=d.id, roles=_names(makers)),
                                  "backdown-other-role")


def _names(roles: frozenset[str] | set[str]) -> str:
    return ", ".join(sorted(roles))
