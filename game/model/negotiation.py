"""The talks' schema: what a scenario says is being negotiated, and what each role values.

A scenario may carry a `negotiation`: a few issues, each with options. A package sets one
option for every issue. Each role has private values for the options (points, summed over
the package) and a walk-away value for no agreement, which conditions on the game state
move. An agreement needs every party to accept the same package; its terms then become
commitments (see `TermSpec`), carried out or not in later rounds. The rules are in
docs/rules.md, section "The talks"; the keys in docs/authoring.md.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from game.model.basics import Condition, Effect, Id, Strict

#: The largest value an option or a walk-away value may have, either way, in points.
VALUE_MAX = 40


class TermSpec(Strict):
    """What an option binds one role to once the package is in force: a deed (take one of
    `do` within `term` rounds; kept when taken, broken when the term runs out) or a
    restraint (never take one of `avoid` for `term` rounds; broken when taken, kept when
    the term runs out). Kept and broken terms move trust as commitments do."""

    role: Id = Field(description="The role that carries the term out.")
    toward: Id = Field(description="The role the term is owed to; it gains or loses trust.")
    name: str = Field(description="The term in a few words, as the ledger and the debrief name it.")
    do: list[Id] = Field(
        default_factory=list,
        description="A deed: actions of which the role must take one within `term` rounds.")
    avoid: list[Id] = Field(
        default_factory=list,
        description="A restraint: actions the role must not take for `term` rounds.")
    term: int = Field(3, ge=1, le=20, description="Rounds the term runs.")
    keep_reward: int = Field(2, ge=0, le=20,
                             description="Trust `toward` gains in `role` when the term is kept.")
    break_penalty: int = Field(6, ge=0, le=50,
                               description="Trust `toward` loses in `role` when it is broken.")

    @model_validator(mode="after")
    def _one_kind(self) -> TermSpec:
        if bool(self.do) == bool(self.avoid):
            raise ValueError("a term is either a deed (`do`) or a restraint (`avoid`): give one")
        if self.role == self.toward:
            raise ValueError(f"a term of {self.role} is owed to another role, not itself")
        return self


class TermRatification(Strict):
    """A seeded roll against one role's domestic support that an option must pass before
    the package enters into force (for example a treaty before a legislature)."""

    role: Id = Field(description="The role whose domestic support is read.")
    threshold: int = Field(
        ge=0, le=100, description="Support at or below which ratification never passes.")
    percent_per_point: int = Field(
        1, ge=0, le=100, description="Chance gained, in percent, per support point above threshold.")
    max_percent: int = Field(
        100, ge=0, le=100, description="The highest chance ratification can ever have.")
    on_fail: list[Effect] = Field(
        default_factory=list, description="Effects when ratification fails (a public defeat); "
                                          "`actor` is the role above.")

    def chance(self, support: int) -> int:
        """The chance of passing, in whole percent (0-100), at this level of support."""
        return max(0, min(self.max_percent, (support - self.threshold) * self.percent_per_point))


class OptionSpec(Strict):
    """One of an issue's options."""

    id: Id
    name: str = Field(description="The option in a few words, as menus and the debrief name it.")
    values: dict[Id, int] = Field(
        default_factory=dict,
        description=f"Role -> points this option is worth to it (-{VALUE_MAX} to {VALUE_MAX}); "
                    "private to that role. Roles left out value it at 0.")
    terms: list[TermSpec] = Field(
        default_factory=list, description="What the option binds each role to once agreed.")
    ratification: TermRatification | None = Field(
        None, description="A roll the option must pass before the package enters into force.")
    min_support: dict[Id, int] = Field(
        default_factory=dict,
        description="Role -> the domestic support (0-100) it needs to accept a package with "
                    "this option.")

    @model_validator(mode="after")
    def _values_in_range(self) -> OptionSpec:
        for role, value in self.values.items():
            if abs(value) > VALUE_MAX:
                raise ValueError(f"values: {role} {value} lies outside -{VALUE_MAX}..{VALUE_MAX}")
        for role, need in self.min_support.items():
            if not 0 <= need <= 100:
                raise ValueError(f"min_support: {role} {need} lies outside 0..100")
        return self


class IssueSpec(Strict):
    """One question the talks settle; a package picks exactly one of its options."""

    id: Id
    name: str = Field(description="The issue in a few words.")
    description: str = Field("", description="What is at stake, in neutral words.")
    options: list[OptionSpec] = Field(min_length=2, max_length=6,
                                      description="The options, the status quo first.")

    def option(self, option_id: str) -> OptionSpec:
        """The option with this id; StopIteration if there is none."""
        return next(o for o in self.options if o.id == option_id)


class WalkAwayChange(Strict):
    """A change to a walk-away value while a condition on the game state holds."""

    when: Condition = Field(description="What must hold; `self` means the role.")
    amount: int = Field(ge=-VALUE_MAX, le=VALUE_MAX, description="Points added while it holds.")


class WalkAway(Strict):
    """What no agreement is worth to a role: a base value and changes with the game state."""

    value: int = Field(ge=-VALUE_MAX, le=VALUE_MAX, description="Points with no agreement.")
    changes: list[WalkAwayChange] = Field(
        default_factory=list, description="Changes that apply while their condition holds.")


class Negotiation(Strict):
    """What is being negotiated, by whom, and what no agreement is worth."""

    issues: list[IssueSpec] = Field(min_length=1, max_length=6, description="The issues.")
    walk_away: dict[Id, WalkAway] = Field(
        description="Role -> its walk-away value; every role that may take part needs one.")
    parties: list[Id] = Field(
        default_factory=list,
        description="Roles that may take part in the talks; empty means every role.")
    public: bool = Field(
        False, description="True: every proposal is seen by every delegation. False: only by "
                           "its sender and addressees (what is agreed is always public).")
    from_round: int = Field(1, ge=1, description="The first round in which the talks are open.")
    on_agreement: list[Effect] = Field(
        default_factory=list,
        description="Effects when a package enters into force; `parties` are its parties.")
    broken_term_points: int = Field(
        3, ge=0, le=20, description="Points a role loses at the end for each term it broke.")
    messages_per_round: int = Field(
        6, ge=1, le=20, description="The most talk messages one delegation may send in a round.")

    def issue(self, issue_id: str) -> IssueSpec:
        """The issue with this id; StopIteration if there is none."""
        return next(i for i in self.issues if i.id == issue_id)
