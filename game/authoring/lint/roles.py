"""Lint role references in effects and conditions: role ids that exist, or role words
(`actor`, `parties`, `self`, ...) that mean something where they are used.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint, hint
from game.authoring.lint.walk import conditions, effects, nested
from game.authoring.problems import Path, Problem
from game.model.scenario import RELATIVE_ROLES

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
            yield ctx.problem(path, f"{e.kind} of '{e.who}' toward itself means nothing: "
                                    "who and toward must differ", "self-pair")
        if e.kind == "progress" and e.milestone:
            yield from ctx.unknown(path + ("milestone",), "milestone", e.milestone,
                                   ctx.milestones)
        used = set(ROLE_FIELDS[e.kind]) | ({"milestone"} if e.kind == "progress" else set())
        for key in sorted(set(TARGET_FIELDS) & e.model_fields_set - used):
            yield ctx.problem(path + (key,), f"`{key}` has no effect on a {e.kind} change; "
                                             "remove it", "effect-field-unused", key=True)


def _where(path: Path) -> str:
    """How a person names the place an effect list sits."""
    if path[0] == "events":
        return "an event (it has no actor or target)"
    if path[0] == "milestones":
        return "a milestone's effects"
    return f"the {path[2]} of this action"


def _role_ref(ctx: Lint, path: Path, ref: str, words: frozenset[str],
              where: str) -> Iterator[Problem]:
    """A problem if `ref` is neither a role id nor a role word allowed here."""
    if ref in ctx.roles or ref in words:
        return
    allowed = ", ".join(sorted(words)) or "none"
    if ref in RELATIVE_ROLES:
        yield ctx.problem(path, f"'{ref}' means nothing in {where}; use a role id or one of: "
                                f"{allowed}", "role-word")
    else:
        yield ctx.problem(path, f"unknown role '{ref}'" + hint(ref, ctx.roles | words),
                          "unknown-role", cause=f"role:{ref}")


def check_condition_refs(ctx: Lint) -> Iterator[Problem]:
    """Conditions name existing roles and milestones; `self` only inside objectives."""
    for top, cond_, in_objective in conditions(ctx.scenario):
        words = frozenset({"self"}) if in_objective else frozenset()
        where = "an objective" if in_objective else "this condition (`self` is for objectives)"
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
