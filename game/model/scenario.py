"""The scenario schema: what a scenario file may say, validated strictly with pydantic.

A scenario is data: roles, meters, milestones, actions, events, endings. The rules
engine reads only these models, so a scenario with other roles plays without code
changes. Role ids never appear in code; inside a scenario, effects and conditions
refer to roles either by id or by the relative words below.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

# The building blocks are re-exported: the scenario schema is read from this module.
from game.model.basics import (  # noqa: F401
    EFFECT_MAX,
    FAMILIES,
    RELATIVE_ROLES,
    Amount,
    Condition,
    CountTest,
    Effect,
    Family,
    Id,
    RoleRef,
    Span,
    Strict,
    SupportTest,
    TrustTest,
)
from game.model.negotiation import Negotiation


class Ratification(Strict):
    """A seeded roll against domestic support that a legal instrument must pass."""

    threshold: int = Field(
        ge=0, le=100, description="Support at or below which ratification never passes.")
    percent_per_point: int = Field(
        1, ge=0, le=100, description="Chance gained, in percent, per support point above threshold.")
    max_percent: int = Field(
        100, ge=0, le=100, description="The highest chance ratification can ever have.")
    on_pass: list[Effect] = Field(
        default_factory=list, description="Effects when ratification passes.")
    on_fail: list[Effect] = Field(
        default_factory=list, description="Effects when ratification fails (a public defeat).")

    def chance(self, support: int) -> int:
        """The chance of passing, in whole percent, at this level of support."""
        return max(0, min(self.max_percent, (support - self.threshold) * self.percent_per_point))


class CommitmentSpec(Strict):
    """A promise an action creates toward its target, kept when its term runs out unbroken."""

    name: str = Field(description="How the commitment is named in the game and the debrief.")
    term: int = Field(ge=1, le=20, description="Rounds the commitment runs before it counts as kept.")
    broken_by: list[Id] = Field(
        description="Action ids that, taken by the committed role, break the commitment.")
    keep_reward: int = Field(
        ge=0, description="Trust the recipient gains in the committed role when it is kept.")
    break_penalty: int = Field(
        ge=0, description="Trust the recipient loses in the committed role when it is broken.")

    @model_validator(mode="after")
    def _breaking_costs_more(self) -> CommitmentSpec:
        if self.break_penalty < 2 * self.keep_reward:
            raise ValueError(
                f"break_penalty {self.break_penalty} must be at least twice keep_reward "
                f"{self.keep_reward}: trust is quick to lose")
        return self


class Requirements(Strict):
    """What must hold before an action is legal for its actor."""

    min_support: int | None = Field(None, ge=0, le=100,
                                    description="Lowest domestic support at which it is allowed.")
    operating: list[Id] = Field(default_factory=list,
                                description="Milestones that must be operating.")
    not_operating: list[Id] = Field(default_factory=list,
                                    description="Milestones that must not be operating.")
    demand_standing: Id | None = Field(
        None, description="The actor must currently stand by this public demand.")
    max_uses: int | None = Field(None, ge=1, description="How many times one role may ever take it.")
    from_round: int | None = Field(
        None, ge=1, description="The earliest round in which the action may be taken.")
    target_demands: Id | None = Field(
        None, description="The target must currently stand by this public demand (for example: "
                          "a guarantee can be offered only to a delegation that demands one).")
    received_commitment: Id | None = Field(
        None, description="The actor must have received a commitment, still running or kept, "
                          "made by this action (for example: accepting an assurance needs one).")


class ActionSpec(Strict):
    """An action a delegation can choose in the orders phase."""

    id: Id
    name: str = Field(description="Short name shown on buttons and in the timeline.")
    family: Family = Field(description="One of the five action families.")
    cost: int = Field(ge=1, le=2, description="Points the action costs in the orders phase.")
    description: str = Field(description="What the action is, in plain words.")
    teaching_note: str = Field(description="What the action tends to do, for students.")
    roles: list[Id] = Field(default_factory=list,
                            description="Roles that may take it; empty means every role.")
    aims: dict[Id, list[Id]] = Field(
        default_factory=dict,
        description="For an action aimed at a role: which roles may aim it at whom, as acting "
                    "role -> the roles it may target (for example washington: [moscow]). When "
                    "given, a role not listed may not take the action. Empty: any role that may "
                    "take it may aim it at any other role.")
    target: Literal["none", "role", "milestone"] = Field(
        "none", description="What the action is aimed at.")
    offer: bool = Field(False, description="True if the target(s) must accept or decline it.")
    concession: bool = Field(
        False, description="True if it is a conciliatory step; reciprocated ones earn a bonus.")
    establishes: Id | None = Field(
        None, description="Milestone the offer proposes; every other party of it must accept.")
    withdraws: bool = Field(
        False, description="True if it withdraws the actor from the target milestone.")
    requires: Requirements = Field(default_factory=Requirements,
                                   description="Conditions for the action to be legal.")
    effects: list[Effect] = Field(default_factory=list,
                                  description="Effects applied when the action resolves.")
    on_accept: list[Effect] = Field(default_factory=list,
                                    description="Effects per accepting responder.")
    on_decline: list[Effect] = Field(default_factory=list,
                                     description="Effects per declining responder.")
    commitment: CommitmentSpec | None = Field(
        None, description="A commitment toward the target that the action creates.")
    ratification: Ratification | None = Field(
        None, description="A roll that must pass before the commitment takes effect.")
    makes_demand: Id | None = Field(None, description="A public demand the actor now stands by.")
    drops_demand: Id | None = Field(None, description="A public demand the actor backs down from.")
    satisfies_demand: Id | None = Field(
        None, description="A demand that is met when this action takes effect toward its target.")

    @model_validator(mode="after")
    def _consistent(self) -> ActionSpec:
        if self.establishes and not self.offer:
            raise ValueError("an action that establishes a milestone must be an offer")
        if self.establishes and self.target != "none":
            raise ValueError("a milestone proposal goes to the milestone's parties: "
                             "set target: none")
        if self.offer and self.target == "none" and not self.establishes:
            raise ValueError("an offer needs target: role, or `establishes` to name its parties")
        if self.withdraws and self.target != "milestone":
            raise ValueError("a withdrawal needs target: milestone")
        if (self.commitment or self.ratification) and self.target != "role":
            raise ValueError("a commitment is made toward a role: set target: role")
        if self.ratification and not self.commitment:
            raise ValueError("ratification only makes sense for an action with a commitment")
        if self.aims and self.target != "role":
            raise ValueError("`aims` limits the roles an action is aimed at: set target: role")
        if self.requires.target_demands and self.target != "role":
            raise ValueError("requires.target_demands reads the target's demands: set target: role")
        for actor, aimed in self.aims.items():
            if actor in aimed:
                raise ValueError(f"aims: {actor} may not aim an action at itself")
            if not aimed:
                raise ValueError(f"aims: give {actor} at least one role to aim at, or leave it out")
        return self


class MilestoneSpec(Strict):
    """A step on the cooperation track."""

    id: Id
    name: str = Field(description="Name shown on the cooperation track.")
    description: str = Field(description="What operating this milestone means.")
    parties: list[Id] = Field(min_length=2,
                              description="Roles that must all accept it; any may withdraw.")
    requires: list[Id] = Field(default_factory=list,
                               description="Milestones that must be operating first.")
    progress_needed: int = Field(
        0, ge=0, le=100, description="Progress points needed before it can be agreed (0 to 100: "
                                     "the progress meter runs 0-100, so more could never be reached).")
    on_operating: list[Effect] = Field(
        default_factory=list, description="Effects when it starts operating; `parties` is usable.")
    on_suspended: list[Effect] = Field(
        default_factory=list, description="Effects when it is suspended by a withdrawal.")


class EventSpec(Strict):
    """Something that happens to the delegations at the start of a round."""

    id: Id
    title: str = Field(description="Headline on the event card.")
    text: str = Field(description="The event card's body text.")
    kind: Literal["scripted", "deck", "conditional"] = Field(
        description="scripted: fixed round; deck: weighted draw; conditional: fires when `when` holds.")
    round: int | None = Field(None, ge=1, description="For scripted events: the round it happens.")
    weight: int = Field(1, ge=1, le=100, description="For deck events: relative chance of a draw.")
    when: Condition | None = Field(None, description="For conditional events: the trigger.")
    once: bool = Field(True, description="True if it can happen only once per game.")
    effects: list[Effect] = Field(default_factory=list, description="What the event changes.")

    @model_validator(mode="after")
    def _kind_fields(self) -> EventSpec:
        if self.kind == "scripted" and self.round is None:
            raise ValueError("a scripted event needs `round`")
        if self.kind == "conditional" and self.when is None:
            raise ValueError("a conditional event needs `when`")
        if self.kind != "scripted" and self.round is not None:
            raise ValueError("only scripted events take `round`")
        return self


class ObjectiveSpec(Strict):
    """A private aim worth points to one role, checked at the end."""

    id: Id
    text: str = Field(description="The objective as the team reads it.")
    points: int = Field(ge=0, le=100, description="Points scored if it is met at the end.")
    when: Condition = Field(description="What must hold at the end; `self` means this role.")


class RoleSpec(Strict):
    """A delegation."""

    id: Id
    name: str = Field(description="Display name, for example the capital.")
    description: str = Field(description="One or two lines on who this delegation is.")
    domestic_label: str = Field(description="Label of this role's domestic-support meter.")
    start_support: int = Field(ge=0, le=100, description="Domestic support at the start.")
    briefing: str = Field(description="Who you are, what you want, what constrains you.")
    objectives: list[ObjectiveSpec] = Field(default_factory=list,
                                            description="Private objectives, seen only by this role.")


class TrustSeed(Strict):
    """A starting trust value for one ordered pair."""

    from_: Id = Field(alias="from", description="The role that trusts.")
    to: Id = Field(description="The role that is trusted.")
    value: int = Field(ge=0, le=100, description="Starting trust.")


class Rules(Strict):
    """Tuning numbers for the engine's general rules."""

    points_per_round: int = Field(2, ge=1, le=6, description="Action points per role per round.")
    start_tension: int = Field(ge=0, le=100, description="Tension at the start.")
    default_trust: int = Field(ge=0, le=100, description="Starting trust for pairs not listed.")
    start_trust: list[TrustSeed] = Field(default_factory=list,
                                         description="Starting trust for particular pairs.")
    drift_base: int = Field(
        ge=0, le=100, description="Tension baseline when average trust is 0.")
    drift_per_trust: int = Field(
        ge=0, le=100, description="Baseline falls by this many hundredths per point of mean trust.")
    drift_rate: int = Field(
        ge=0, le=100, description="Percent of the gap to the baseline that tension closes a round.")
    drift_max: int = Field(ge=0, le=50, description="Largest drift in one round.")
    trust_gain_percent: int = Field(
        60, ge=1, le=100, description="Positive trust changes are scaled to this percent: slow to build.")
    repeat_decay: list[Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=lambda: [100, 60, 35, 20], min_length=1,
        description="Percent earned by the 1st, 2nd, ... repeat of the same concession.")
    grit_bonus: int = Field(3, ge=0, le=20,
                            description="Trust each side gains when a concession is reciprocated.")
    fog_width: int = Field(30, ge=0, le=100, description="Width of the domestic-support fog range.")
    fog_narrow: int = Field(8, ge=0, le=100,
                            description="Width removed per transparency measure toward the viewer.")
    fog_min: int = Field(4, ge=0, le=100, description="The narrowest the fog range gets.")


class DemandSpec(Strict):
    """A public demand; backing down from it costs domestic support (an audience cost)."""

    id: Id
    name: str = Field(description="The demand as it is named in the game.")
    audience_cost: int = Field(ge=0, le=50, description="Support lost when backing down.")
    satisfied_reward: int = Field(0, ge=0, le=50, description="Support gained when it is met.")
    backed_down_by: list[Id] = Field(
        default_factory=list,
        description="Actions that, taken or accepted while the demand stands, count as backing down.")
    insight_relief: int = Field(
        0, ge=0, le=50,
        description="Support points the audience cost falls for each transparency measure the "
                    "demander has received: insight makes backing down easier to explain at home.")
    commitment_relief: dict[Id, int] = Field(
        default_factory=dict,
        description="Action id -> support points the audience cost falls while the demander holds "
                    "a commitment made by that action (running or kept), for example a written "
                    "assurance that answers the demand's concern.")
    min_audience_cost: int = Field(
        0, ge=0, le=50, description="The audience cost never falls below this, whatever the relief.")


class StartDemand(Strict):
    """A public demand that already stands when the game begins."""

    role: Id = Field(description="The role standing by the demand.")
    demand: Id = Field(description="The demand's id.")


class EndingSpec(Strict):
    """One way the game can end, checked in file order; the first that holds wins."""

    id: Id
    name: str = Field(description="Name of the ending.")
    text: str = Field(description="What the ending means, shown on the end screen.")
    when: Condition = Field(description="What must hold when the game ends.")
    points: dict[Id, int] = Field(default_factory=dict,
                                  description="Points each role scores for this ending.")


class Aftermath(Strict):
    """What happened after the case, told at the end of the debrief as a question for the class."""

    title: str = Field(description="A heading, for example: What happened next, 2012-2014.")
    paragraphs: list[str] = Field(min_length=1, description="A short account in neutral words.")
    question: str = Field(description="The question it puts to the class.")
    sources: list[str] = Field(min_length=1, description="Where the account's facts come from.")


class Scenario(Strict):
    """A complete scenario file."""

    id: Id
    title: str = Field(description="Title shown on the New game screen.")
    summary: str = Field(description="A paragraph introducing the case.")
    sources: list[str] = Field(default_factory=list, description="Where the facts come from.")
    rounds: int = Field(ge=1, le=40, description="Number of rounds in a full game.")
    rules: Rules = Field(description="Tuning numbers for the engine.")
    roles: list[RoleSpec] = Field(min_length=2, max_length=8, description="The delegations.")
    milestones: list[MilestoneSpec] = Field(default_factory=list,
                                            description="The cooperation track, in order.")
    demands: list[DemandSpec] = Field(default_factory=list, description="Public demands.")
    actions: list[ActionSpec] = Field(min_length=1, description="Everything a delegation can do.")
    events: list[EventSpec] = Field(default_factory=list, description="Events, scripted or drawn.")
    endings: list[EndingSpec] = Field(min_length=1,
                                      description="Endings, checked in order at the end.")
    discussion: list[str] = Field(default_factory=list,
                                  description="Discussion questions for the debrief.")
    start_demands: list[StartDemand] = Field(
        default_factory=list,
        description="Public demands already standing at round 1; backing down from one costs its "
                    "audience cost like any other.")
    default_seats: dict[Id, str] = Field(
        default_factory=dict,
        description="Role id -> the AI persona that plays it unless the players choose another "
                    "(for example moscow: legalist, or a persona with a temperament such as "
                    "hardliner:soft). Roles left out get the general default persona.")
    aftermath: Aftermath | None = Field(
        None, description="What happened next in the real case, for the end of the debrief.")
    negotiation: Negotiation | None = Field(
        None, description="What the delegations negotiate: issues with options, each role's "
                          "private values and walk-away value (see docs/rules.md, The talks).")

    def role(self, role_id: str) -> RoleSpec:
        """The role with this id."""
        return next(r for r in self.roles if r.id == role_id)

    def action(self, action_id: str) -> ActionSpec:
        """The action with this id."""
        return next(a for a in self.actions if a.id == action_id)

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Role ids in file order, the order in which the engine resolves them."""
        return tuple(r.id for r in self.roles)

