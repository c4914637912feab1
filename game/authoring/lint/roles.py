"""Lint role references in effects and conditions: role ids that exist, or role words
(`actor`, `parties`, `self`, ...) that mean something where they are used.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint, closest, hint, unknown_message
from game.authoring.lint.walk import conditions, effects, nested
from game.authoring.problems import Path, Problem
from game.model.scenario import RELATIVE_ROLES
from game.words import _

#: Role words that name several roles at once.
GROUPS = frozenset({"parties", "others", "all"})
#: Which role fields each kind of effect reads; the others are ignored by the engine.
ROLE_FIELDS = {"tension": (), "progress": (), "support": ("who",),
               "trust": ("who", "toward"), "transparency": ("who", "toward")}
#: Fields that only some kinds of effect read.
TARGET_FIELDS = ("who", "toward", "milestone")


def check_effect_roles(ctx: Lint) -> Iterator[Problem]:
    """Effects name existing roles, or role words that mean something where they are."""
    for path, e, words in effects(ctx.scenario):
        for key in ROLE_FIELDS[e.kind]:
            yield from _role_ref(ctx, path + (key,), getattr(e, key), words, _where(path))
        # A group word on both sides (parties toward parties) means each toward the others.
        if e.kind in ("trust", "transparency") and e.who == e.toward and e.who not in GROUPS:
            yield ctx.problem(path, _("{meter} of '{role}' toward itself means nothing: who and "
                                      "toward must differ").format(meter=e.kind, role=e.who),
                              "self-pair")
        if e.kind == "progress" and e.milestone:
            yield from ctx.unknown(path + ("milestone",), "milestone", e.milestone,
                                   ctx.milestones)
        used = set(ROLE_FIELDS[e.kind]) | ({"milestone"} if e.kind == "progress" else set())
        for key in sorted(set(TARGET_FIELDS) & e.model_fields_set - used):
            yield ctx.problem(path + (key,), _("`{key}` has no effect on a {meter} change; "
                                               "remove it").format(key=key, meter=e.kind),
                              "effect-field-unused", key=True)


def _where(path: Path) -> str:
    """Where an effect list sits: `event`, `milestone`, or the action's list (`effects`...)."""
    return path[0] if path[0] in ("events", "milestones") else str(path[2])


def _means_nothing(ref: str, where: str, allowed: str) -> str:
    """`'x' means nothing in <where>; use a role id or one of: ...` as one whole message."""
    if where == "events":
        text = _("'{ref}' means nothing in an event (it has no actor or target); use a role id "
                 "or one of: {allowed}")
    elif where == "milestones":
        text = _("'{ref}' means nothing in a milestone's effects; use a role id or one of: "
                 "{allowed}")
    elif where == "objective":
        text = _("'{ref}' means nothing in an objective; use a role id or one of: {allowed}")
    elif where == "condition":
        text = _("'{ref}' means nothing in this condition (`self` is for objectives); use a "
                 "role id or one of: {allowed}")
    else:
        text = _("'{ref}' means nothing in the {list} of this action; use a role id or one "
                 "of: {allowed}")
    return text.format(ref=ref, allowed=allowed, list=where)


def _role_ref(ctx: Lint, path: Path, ref: str, words: frozenset[str],
              where: str) -> Iterator[Problem]:
    """A problem if `ref` is neither a role id nor a role word allowed here."""
    if ref in ctx.roles or ref in words:
        return
    allowed = ", ".join(sorted(words)) or _("none")
    if ref in RELATIVE_ROLES:
        yield ctx.problem(path, _means_nothing(ref, where, allowed), "role-word")
    else:
        close = closest(ref, ctx.roles | words)
        yield ctx.problem(path, unknown_message("role", ref) + hint(ref, ctx.roles | words),
                          "unknown-role", cause=f"role:{ref}",
                          resembles=("role", ref, close) if close else None)


def check_condition_refs(ctx: Lint) -> Iterator[Problem]:
    """Conditions name existing roles and milestones; `self` only inside objectives."""
    for top, cond_, in_objective in conditions(ctx.scenario):
        words = frozenset({"self"}) if in_objective else frozenset()
        where = "objective" if in_objective else "condition"
        for path, cond in nested(top, cond_):
            for key in ("operating", "not_operating"):
                for j, m in enumerate(getattr(cond, key)):
                    yield from ctx.unknown(path + (key, j), "milestone", m, ctx.milestones)
            for j, test in enumerate(cond.trust):
                for key, ref in (("from", test.from_), ("to", test.to)):
                    yield from _role_ref(ctx, path + ("trust", j, key), ref, words, where)
            for key in ("support", "commitments_kept", "commitments_broken"):
                for j, test in enumerate(getattr(cond, key)):
                    yield from _role_ref(ctx, path + (key, j, "role"), test.role, words, where)
