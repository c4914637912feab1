"""Names for ids: roles, milestones, events, actions, meters, bands, endings and points.

Every function takes the scenario (or an object whose `.scenario` is one) and an id, and
returns the words a player reads. An unknown id comes back as itself, so that a message
about a bad id still names it.
"""

from __future__ import annotations

from game.model.actions import Action, BadMoveText
from game.words.i18n import N_, _, ngettext

#: The tension bands (see `game.model.state.TENSION_BANDS`) as players read them.
_BANDS = {"calm": N_("calm"), "wary": N_("wary"), "strained": N_("strained"), "crisis": N_("crisis")}

#: The families of actions (see `game.model.scenario.FAMILIES`) as players read them.
_FAMILIES = {"transparency": N_("transparency"), "assurance": N_("assurance"),
             "cooperation": N_("cooperation"), "pressure": N_("pressure"), "home_front": N_("home front")}

#: The phases of a round as players read them.
_PHASES = {"orders": N_("orders"), "responses": N_("answers"), "resolve": N_("resolution"),
           "over": N_("game over")}

#: A commitment's or milestone's status as players read it.
_STATUSES = {"active": N_("still running"), "kept": N_("kept"), "broken": N_("broken"),
             "inactive": N_("not started"), "operating": N_("operating"), "suspended": N_("suspended")}


def scenario_of(game):
    """The pydantic Scenario behind `game` (a Scenario, or a compiled scenario holding one)."""
    return getattr(game, "scenario", game)


def role_name(game, role: str | None) -> str:
    """`Moscow` for `moscow`; `everyone` for None (the public view)."""
    sc = scenario_of(game)
    if role is None:
        return _("everyone")
    return sc.role(role).name if role in sc.role_ids else role


def milestone_name(game, milestone: str) -> str:
    """`Transparency regime` for `transparency_regime`."""
    return next((m.name for m in scenario_of(game).milestones if m.id == milestone), milestone)


def event_title(game, event: str) -> str:
    """`Presidents meet, no headway` for the event id `summit_no_headway`."""
    return next((e.title for e in scenario_of(game).events if e.id == event), event)


def action_name(game, action_id: str) -> str:
    """`Brief on programme plans` for the action id `brief_plans`."""
    return next((a.name for a in scenario_of(game).actions if a.id == action_id), action_id)


def demand_name(game, demand: str) -> str:
    """`a legal guarantee that ...` for the demand id `legal_guarantee`."""
    return next((d.name for d in scenario_of(game).demands if d.id == demand), demand)


def commitment_name(game, action_id: str) -> str:
    """The name of the commitment an action makes (`No-first-deployment pledge`), or the
    action's id if it makes none."""
    spec = next((a for a in scenario_of(game).actions if a.id == action_id), None)
    return spec.commitment.name if spec is not None and spec.commitment else action_id


def ending_name(game, ending: str) -> str:
    """`Game-changer` for the ending id `game_changer`."""
    return next((e.name for e in scenario_of(game).endings if e.id == ending), ending)


def action_label(game, action: Action | str) -> str:
    """`Brief on programme plans → Moscow`, from an action or its text form (`role:id@target`).

    The acting role is left out; `move_label` puts it in front. Text that is not a move
    comes back unchanged."""
    if isinstance(action, str):
        try:
            action = Action.from_text(action)
        except BadMoveText:
            return action
    sc = scenario_of(game)
    name = next((a.name for a in sc.actions if a.id == action.action_id), action.action_id)
    if not action.target:
        return name
    target = action.target
    aim = role_name(sc, target) if target in sc.role_ids else milestone_name(sc, target)
    return _("{action} → {target}").format(action=name, target=aim)


def move_label(game, action: Action | str) -> str:
    """`Washington: Brief on programme plans → Moscow`: who acts, and the action."""
    if isinstance(action, str):
        try:
            action = Action.from_text(action)
        except BadMoveText:
            return action
    return _("{role}: {action}").format(role=role_name(game, action.role),
                                        action=action_label(game, action))


def meter_label(game, meter: str) -> str:
    """A ledger meter's name in words.

    `tension` → `Tension`; `trust.moscow.washington` → `Moscow's trust in Washington`;
    `support.washington` → `Senate support (Washington)` (each role's own label);
    `progress.transparency_regime` → `Progress toward Transparency regime`;
    `transparency.washington.moscow` → `Washington's transparency toward Moscow`."""
    sc = scenario_of(game)
    kind, dot, rest = meter.partition(".")
    first, dot2, second = rest.partition(".")
    if kind == "trust" and dot2:
        return _("{truster}'s trust in {trusted}").format(
            truster=role_name(sc, first), trusted=role_name(sc, second))
    if kind == "transparency" and dot2:
        return _("{giver}'s transparency toward {viewer}").format(
            giver=role_name(sc, first), viewer=role_name(sc, second))
    if kind == "support" and rest in sc.role_ids:
        return _("{label} ({role})").format(label=sc.role(rest).domestic_label,
                                            role=role_name(sc, rest))
    if kind == "progress" and dot:
        return _("Progress toward {milestone}").format(milestone=milestone_name(sc, rest))
    if meter == "tension":
        return _("Tension")
    return meter


def band_name(band: str) -> str:
    """A tension band (`calm`, `wary`, `strained`, `crisis`) in words."""
    return _(_BANDS[band]) if band in _BANDS else band


def family_name(family: str) -> str:
    """A family of actions in words (`home_front` → `home front`)."""
    return _(_FAMILIES[family]) if family in _FAMILIES else family.replace("_", " ")


def phase_name(phase: str) -> str:
    """A phase of the round in words (`responses` → `answers`)."""
    return _(_PHASES[phase]) if phase in _PHASES else phase


def status_name(status: str) -> str:
    """A commitment's or milestone's status in words (`active` → `still running`)."""
    return _(_STATUSES[status]) if status in _STATUSES else status.replace("_", " ")


def points(n: int) -> str:
    """`1 point`, `3 points`, joined by a no-break space so they never split over two lines."""
    return ngettext("{n}\u00a0point", "{n}\u00a0points", abs(n)).format(n=n)
