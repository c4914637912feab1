"""A misspelt id at its definition: when several places use one unknown id and all of
them resemble the same defined id, the definition is the likely typo, and it is
reported there as the root of the problems that follow from it.
"""

from __future__ import annotations

from game.authoring.lint.context import Lint
from game.authoring.problems import Problem
from game.words import ngettext

LISTS = {"milestone": "milestones", "action": "actions", "role": "roles", "demand": "demands"}


def id_typos(ctx: Lint, problems: list[Problem]) -> list[Problem]:
    """A root problem at each definition that several unknown references resemble."""
    uses: dict[tuple[str, str, str], int] = {}
    for p in problems:
        key = p.resembles
        if key and key[0] in LISTS:
            uses[key] = uses.get(key, 0) + 1
    out = []
    for (kind, used, defined), n in sorted(uses.items()):
        items = getattr(ctx.scenario, LISTS[kind])
        index = next((i for i, item in enumerate(items) if item.id == defined), None)
        if n < 2 or index is None:
            continue
        message = _typo(kind, n)
        out.append(ctx.problem((LISTS[kind], index, "id"),
                               message.format(defined=defined, n=n, used=used), "id-typo",
                               cause=f"{kind}:{used} {kind}:{defined}"))
    return out



def _typo(kind: str, n: int) -> str:
    """A misspelt id of this kind, used wrongly in `n` places (always two or more)."""
    if kind == "milestone":
        return ngettext("milestone id '{defined}' may be misspelt: {n} place uses '{used}' "
                        "instead; if '{used}' is right, change this id to it",
                        "milestone id '{defined}' may be misspelt: {n} places use '{used}' "
                        "instead; if '{used}' is right, change this id to it", n)
    if kind == "action":
        return ngettext("action id '{defined}' may be misspelt: {n} place uses '{used}' "
                        "instead; if '{used}' is right, change this id to it",
                        "action id '{defined}' may be misspelt: {n} places use '{used}' "
                        "instead; if '{used}' is right, change this id to it", n)
    if kind == "role":
        return ngettext("role id '{defined}' may be misspelt: {n} place uses '{used}' "
                        "instead; if '{used}' is right, change this id to it",
                        "role id '{defined}' may be misspelt: {n} places use '{used}' "
                        "instead; if '{used}' is right, change this id to it", n)
    return ngettext("demand id '{defined}' may be misspelt: {n} place uses '{used}' "
                    "instead; if '{used}' is right, change this id to it",
                    "demand id '{defined}' may be misspelt: {n} places use '{used}' "
                    "instead; if '{used}' is right, change this id to it", n)
