"""Lint effects that cannot matter: a zero change, progress toward a milestone that needs
none, transparency when the fog cannot narrow, effects of a milestone's suspension when
nothing can ever suspend it, and `actor` in a milestone's opening effects (a milestone
starts operating by agreement, with no single actor).
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.milestones import never_causes
from game.authoring.lint.walk import effects
from game.authoring.problems import Path, Problem
from game.model.scenario import Effect
from game.words import _


def check_effects_matter(ctx: Lint) -> Iterator[Problem]:
    """Every effect can change something in some game."""
    suspendable = _suspendable(ctx)
    for path, e, _words in effects(ctx.scenario):
        why = _why_idle(ctx, path, e, suspendable)
        if why:
            yield ctx.problem(path, _("this effect can never change anything: {why}")
                              .format(why=why), "effect-no-matter", cause=_cause(ctx, path, e))


def _fogged(ctx: Lint, e: Effect) -> bool:
    """True for a transparency effect while the fog cannot narrow."""
    r = ctx.scenario.rules
    return e.kind == "transparency" and (r.fog_narrow == 0 or r.fog_width <= r.fog_min)


def _cause(ctx: Lint, path: Path, e: Effect) -> str:
    """The fog, or a milestone that can never operate, when that is why the effect is idle,
    so the effect folds under that problem."""
    if e.amount != 0 and _fogged(ctx, e):
        return "rules:fog"
    if path[0] == "milestones":
        m = ctx.scenario.milestones[path[1]].id
        return never_causes(ctx, m) if m not in ctx.establishable else ""
    return ""


def _why_idle(ctx: Lint, path: Path, e: Effect, suspendable: set[str]) -> str | None:
    s = ctx.scenario
    if e.amount == 0:
        return _("it changes {meter} by 0").format(meter=e.kind)
    if e.kind == "progress":
        spec = next((m for m in s.milestones if m.id == e.milestone), None)
        if spec is not None and spec.progress_needed == 0:
            return _("milestone '{milestone}' needs no progress (progress_needed is 0), and "
                     "progress counts only toward agreeing it").format(milestone=e.milestone)
    if _fogged(ctx, e):
        return _("the fog cannot narrow (fog_narrow is 0 or fog_width is at most fog_min)")
    if path[0] == "milestones" and path[2] == "on_suspended" and \
            s.milestones[path[1]].id not in suspendable:
        return _("nothing can ever suspend milestone '{milestone}': no party of it or of its "
                 "prerequisites can take a withdrawal").format(milestone=s.milestones[path[1]].id)
    if path[0] == "milestones" and path[2] == "on_operating" and "actor" in (e.who, e.toward) \
            and e.kind in ("support", "trust", "transparency"):
        return _("a milestone starts operating by agreement, so `actor` names no role here")
    return None


def _suspendable(ctx: Lint) -> set[str]:
    """Milestones a withdrawal can suspend: directly, or through a prerequisite."""
    s, r = ctx.scenario, ctx.reach
    withdrawers = {x for a in s.actions if a.withdraws for x in r.takers.get(a.id, ())}
    direct = {m.id for m in s.milestones if set(m.parties) & withdrawers}
    requires = {m.id: set(m.requires) for m in s.milestones}
    out = set(direct)
    changed = True
    while changed:
        more = {m for m, pre in requires.items() if m not in out and pre & out}
        changed = bool(more)
        out |= more
    return out
