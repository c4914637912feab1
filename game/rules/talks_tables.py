"""The talks compiled once per scenario: issues, options, values and terms as tables.

`compile_talks` turns a scenario's `negotiation` (see `game.model.negotiation`) into a
`TalkTables` that the rules, the AI and the lab read: every package in a fixed order,
each role's value for each option, and each term by its key. Rules: docs/rules.md,
"The talks".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from types import MappingProxyType

from game.model.negotiation import IssueSpec, Negotiation, OptionSpec, TermSpec
from game.model.scenario import Scenario
from game.model.state import Package


@dataclass(frozen=True, slots=True, eq=False)
class TalkTables:
    """A negotiation as tables.

    - `spec`: the scenario's `Negotiation`.
    - `issues`: issue ids in file order; `options`: issue id -> its option ids in order.
    - `parties`: the roles that may take part, in the scenario's role order.
    - `value`: (role, issue id, option id) -> points (0 where the scenario gives none).
    - `packages`: every whole package, in a fixed order (issue order, option order).
    - `terms`: term key (`issue.option.n`) -> its `TermSpec`; `term_keys`: (issue, option)
      -> the keys of that option's terms.
    """

    spec: Negotiation
    issues: tuple[str, ...]
    options: Mapping[str, tuple[str, ...]]
    parties: tuple[str, ...]
    value: Mapping[tuple[str, str, str], int]
    packages: tuple[Package, ...]
    terms: Mapping[str, TermSpec]
    term_keys: Mapping[tuple[str, str], tuple[str, ...]]

    def issue(self, issue_id: str) -> IssueSpec:
        """The issue with this id; StopIteration if there is none."""
        return self.spec.issue(issue_id)

    def option(self, issue_id: str, option_id: str) -> OptionSpec:
        """The option of that issue; StopIteration if there is none."""
        return self.spec.issue(issue_id).option(option_id)

    def package_value(self, package: Package, role: str) -> int:
        """What a whole package is worth to `role`, in points: the sum of its options' values."""
        value = self.value
        return sum(value.get((role, i, o), 0) for i, o in package)

    def bound(self, package: Package) -> frozenset[str]:
        """The roles the package's terms bind, as carrying out or as owed."""
        out: set[str] = set()
        for issue, option in package:
            for key in self.term_keys[(issue, option)]:
                t = self.terms[key]
                out.update((t.role, t.toward))
        return frozenset(out)


def compile_talks(scenario: Scenario) -> TalkTables | None:
    """The scenario's talks as tables, or None if it has no `negotiation`."""
    n = scenario.negotiation
    if n is None:
        return None
    roles = scenario.role_ids
    parties = tuple(r for r in roles if not n.parties or r in n.parties)
    value = {}
    terms = {}
    term_keys = {}
    for issue in n.issues:
        for option in issue.options:
            for role, points in option.values.items():
                value[(role, issue.id, option.id)] = points
            keys = []
            for k, term in enumerate(option.terms, 1):
                key = f"{issue.id}.{option.id}.{k}"
                terms[key] = term
                keys.append(key)
            term_keys[(issue.id, option.id)] = tuple(keys)
    options = {i.id: tuple(o.id for o in i.options) for i in n.issues}
    issues = tuple(i.id for i in n.issues)
    packages = tuple(tuple(zip(issues, combo, strict=True))
                     for combo in product(*(options[i] for i in issues)))
    return TalkTables(n, issues, MappingProxyType(options), parties, MappingProxyType(value),
                      packages, MappingProxyType(terms), MappingProxyType(term_keys))
