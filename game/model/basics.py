"""The scenario schema's building blocks: ids, role words, ranges, conditions and effects.

Shared by the scenario models (`game.model.scenario`) and the talks' models
(`game.model.negotiation`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=40,
          description="A short identifier: lower-case letters, digits and underscores."),
]

#: Words an effect may use in place of a role id.
RELATIVE_ROLES = ("actor", "target", "responder", "parties", "others", "all", "self")

RoleRef = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$",
          description="A role id, or one of: actor, target, responder, parties, others, all, "
                      "self (the owner of an objective).",
          # Editors offer the role words; role ids are the scenario's own.
          json_schema_extra={"anyOf": [{"enum": list(RELATIVE_ROLES)},
                                       {"pattern": r"^[a-z][a-z0-9_]*$"}]}),
]

Family = Literal["transparency", "assurance", "cooperation", "pressure", "home_front"]
FAMILIES: tuple[str, ...] = ("transparency", "assurance", "cooperation", "pressure", "home_front")


class Strict(BaseModel):
    """Base for every scenario model: unknown keys are errors, values are frozen."""

    # strict: "55" is not a number and `no` is not false, as in the JSON Schema.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Span(Strict):
    """An inclusive range of whole numbers; either end may be left open."""

    min: int | None = Field(None, description="The smallest value that satisfies the test.")
    max: int | None = Field(None, description="The largest value that satisfies the test.")

    def holds(self, value: int) -> bool:
        """True when value lies inside the range."""
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class TrustTest(Span):
    """A test on how far one role trusts another."""

    from_: RoleRef = Field(alias="from", description="The role whose trust is read.")
    to: RoleRef = Field(description="The role being trusted.")


class SupportTest(Span):
    """A test on one role's domestic support."""

    role: RoleRef = Field(description="The role whose domestic support is read.")


class CountTest(Span):
    """A test on how many commitments one role kept or broke."""

    role: RoleRef = Field(description="The role whose record is counted.")


class Condition(Strict):
    """A test on the game state. Every field given must hold; an empty condition always holds."""

    tension: Span | None = Field(None, description="Range the tension meter must lie in.")
    round: Span | None = Field(None, description="Range the current round must lie in.")
    operating_count: Span | None = Field(
        None, description="Range for the number of milestones currently operating.")
    operating: list[Id] = Field(
        default_factory=list, description="Milestones that must all be operating.")
    not_operating: list[Id] = Field(
        default_factory=list, description="Milestones that must all be not operating.")
    trust: list[TrustTest] = Field(default_factory=list, description="Trust tests; all must hold.")
    support: list[SupportTest] = Field(
        default_factory=list, description="Domestic-support tests; all must hold.")
    commitments_kept: list[CountTest] = Field(
        default_factory=list, description="Tests on how many commitments a role has kept.")
    commitments_broken: list[CountTest] = Field(
        default_factory=list, description="Tests on how many commitments a role has broken.")
    breakdown: bool | None = Field(
        None, description="True: the talks broke down. False: they did not.")
    any_of: list[Condition] = Field(
        default_factory=list, description="If given, at least one of these must also hold.")


#: The largest change one effect may make. Tension, trust and support run 0-100, so a
#: change beyond 100 either way can do no more than 100 does; progress runs 0-100 too,
#: and transparency counts measures, of which a game has far fewer than 100.
EFFECT_MAX = 100

Amount = Annotated[int, Field(ge=-EFFECT_MAX, le=EFFECT_MAX)]


class Effect(Strict):
    """One change to one kind of meter or counter. Exactly one kind is chosen.

    Amounts lie in -100..100: every meter runs 0-100, so a bigger change does nothing
    more, and a typo such as 150000 is caught where it is written."""

    tension: Amount | None = Field(
        None, description="Signed change to the tension meter (-100 to 100; tension runs 0-100).")
    trust: Amount | None = Field(
        None, description="Signed change to trust of `who` toward `toward` (-100 to 100; trust "
                          "runs 0-100).")
    support: Amount | None = Field(
        None, description="Signed change to the domestic support of `who` (-100 to 100; support "
                          "runs 0-100).")
    progress: Amount | None = Field(
        None, description="Progress added to `milestone`, for example toward a transparency "
                          "regime (-100 to 100; progress runs 0-100).")
    transparency: Amount | None = Field(
        None, description="Transparency measures by `who` toward `toward`; they narrow the fog "
                          "(-100 to 100).")
    who: RoleRef = Field("actor", description="The role whose meter changes (for trust: who trusts).")
    toward: RoleRef = Field("target", description="For trust and transparency: the other role.")
    milestone: Id | None = Field(None, description="For progress: the milestone that advances.")

    @model_validator(mode="after")
    def _one_kind(self) -> Effect:
        kinds = [k for k in ("tension", "trust", "support", "progress", "transparency")
                 if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("an effect sets exactly one of tension, trust, support, progress, "
                             f"transparency (found {', '.join(kinds) or 'none'})")
        if kinds[0] == "progress" and self.milestone is None:
            raise ValueError("a progress effect needs `milestone`")
        return self

    @property
    def kind(self) -> str:
        """The one kind of change this effect makes."""
        for k in ("tension", "trust", "support", "progress", "transparency"):
            if getattr(self, k) is not None:
                return k
        raise AssertionError("validated effect has no kind")

    @property
    def amount(self) -> int:
        """The signed amount of the change."""
        return getattr(self, self.kind)




Condition.model_rebuild()
