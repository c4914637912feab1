"""Fold follow-on problems under their cause, so one mistake prints as one problem.

Problems name their causes as keys (`milestone:x`, `role:north`); problems sharing a
key, directly or through another problem naming both, form one group. The group is
printed as its root cause - an unknown id before a milestone's own trouble before
everything that follows from it, then the earliest in the file - with the rest
folded under it.
"""

from __future__ import annotations

from game.authoring.problems import Problem

#: Codes that name a root cause, by how early they come in a chain of consequences.
ROOTS = {"milestone-cycle": 1, "milestone-no-proposal": 1, "milestone-non-party": 1,
         "progress-unreachable": 1, "demand-never-made": 1, "duplicate-id": 1, "fog": 1,
         "action-never": 1, "progress-too-slow": 1, "satisfies-never-aimed": 1,
         "commitment-never-kept": 1}


def _rank(p: Problem) -> tuple:
    first = -1 if p.code == "id-typo" else 0 if "unknown-" in p.code else \
        ROOTS.get(p.code, 2)
    return (first, p.file, p.line, p.col, p.path)


def fold(problems: list[Problem]) -> list[Problem]:
    """The problems with each group of one cause folded under its root, in file order."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for p in problems:
        keys = p.cause.split()
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])
    groups: dict[str, list[Problem]] = {}
    alone: list[Problem] = []
    for p in problems:
        if p.cause:
            groups.setdefault(find(p.cause.split()[0]), []).append(p)
        else:
            alone.append(p)
    for group in groups.values():
        group.sort(key=_rank)
        rest = tuple(sorted(group[1:], key=lambda p: (p.file, p.line, p.col)))
        alone.append(group[0].with_folded(rest) if rest else group[0])
    return sorted(alone, key=lambda p: (p.file, p.line, p.col, p.path, p.message))


def unfold(problems: list[Problem]) -> list[Problem]:
    """Every problem, the folded ones included, in file order."""
    out = [q for p in problems for q in (p.with_folded(()), *p.folded)]
    return sorted(out, key=lambda p: (p.file, p.line, p.col, p.path, p.message))
