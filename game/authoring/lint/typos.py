"""A misspelt id at its definition: when several places use one unknown id and all of
them resemble the same defined id, the definition is the likely typo, and it is
reported there as the root of the problems that follow from it.
"""

from __future__ import annotations

import re

from game.authoring.lint.context import Lint
from game.authoring.problems import Problem

LISTS = {"milestone": "milestones", "action": "actions", "role": "roles", "demand": "demands"}
_UNKNOWN = re.compile(r"^unknown (\w+) '([^']*)'; did you mean '([^']*)'\?$")


def id_typos(ctx: Lint, problems: list[Problem]) -> list[Problem]:
    """A root problem at each definition that several unknown references resemble."""
    uses: dict[tuple[str, str, str], int] = {}
    for p in problems:
        found = _UNKNOWN.match(p.message)
        if found and found.group(1) in LISTS:
            key = (found.group(1), found.group(2), found.group(3))
            uses[key] = uses.get(key, 0) + 1
    out = []
    for (kind, used, defined), n in sorted(uses.items()):
        items = getattr(ctx.scenario, LISTS[kind])
        index = next((i for i, item in enumerate(items) if item.id == defined), None)
        if n < 2 or index is None:
            continue
        out.append(ctx.problem((LISTS[kind], index, "id"), f"{kind} id '{defined}' may be "
                               f"misspelt: {n} places use '{used}' instead; if '{used}' is "
                               "right, change this id to it", "id-typo",
                               cause=f"{kind}:{used} {kind}:{defined}"))
    return out
