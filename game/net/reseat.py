"""Moving a delegation to another seat in the middle of a hosted game.

A phone dies or a team leaves: the facilitator (on the host page, or with `--seat` when
resuming) moves the role to a device, the host's computer or an AI persona. A device seat
keeps its token if it had one; a device seat that is left has its token revoked. At least
one seat stays with people, since an all-AI game has nobody to play from a page.
"""

from __future__ import annotations

import secrets

from game import words
from game.ai import DEFAULT_PERSONA, make_policy, persona_problem
from game.net.seats import HostSecrets, SeatError, SeatPlan, fresh_code
from game.session.session import Session
from game.words import _
from game.words.personas import persona_label


def reseat(session: Session, found: HostSecrets, role: object, kind: object) -> str:
    """Give `role` the seat `kind` ("device", "hotseat" or PERSONA[:TEMPERAMENT]) in both the
    session and the secrets; returns a line saying so. SeatError, changing nothing, for an
    unknown role or kind, or for a change that would leave no seat to people."""
    old = found.seats.get(role) if isinstance(role, str) else None
    if old is None or not isinstance(kind, str):
        raise SeatError(_("Name a delegation and its new seat: device, hotseat or an AI persona."))
    new = _new_plan(found, old, kind)
    if new.kind == "ai" and all(p.kind == "ai" for r, p in found.seats.items() if r != role):
        raise SeatError(_("At least one delegation must be played from a page or the host's computer."))
    found.seats[role] = new
    seat = new.session_seat(DEFAULT_PERSONA)
    session.seats[role] = seat
    session.policies.pop(role, None)
    if not seat.human:
        session.policies[role] = make_policy(seat.persona, session.game)
    session.save()
    where = {"device": _("from its own device"), "hotseat": _("at the host's computer")}
    return _("{name} now plays: {seat}.").format(
        name=words.role_name(session.scenario, role),
        seat=where.get(new.kind) or _("as an AI delegation ({p})").format(
            p=persona_label(session.scenario, role, new.persona)))


def _new_plan(found: HostSecrets, old: SeatPlan, kind: str) -> SeatPlan:
    if kind == "device":
        if old.kind == "device":
            return old
        taken = {p.code for p in found.seats.values() if p.code}
        return SeatPlan(old.role, "device", token=secrets.token_urlsafe(24), code=fresh_code(taken))
    if kind == "hotseat":
        return SeatPlan(old.role, "hotseat")
    problem = persona_problem(kind)
    if problem:
        raise SeatError(problem)
    return SeatPlan(old.role, "ai", kind)


def new_link(scenario, found: HostSecrets, role: object, taken: set[str]) -> str:
    """Give a device team a new token and join code (a link was shared too widely, or a
    device was lost); every device on the old link is closed. Returns a line saying so;
    SeatError, changing nothing, unless `role` is a device team."""
    plan = found.seats.get(role) if isinstance(role, str) else None
    if plan is None or plan.kind != "device":
        raise SeatError(_("Only a team that plays from a device has a link to renew."))
    found.seats[role] = SeatPlan(plan.role, "device", token=secrets.token_urlsafe(24),
                                 code=fresh_code(taken | {plan.code}))
    return _("{name} has a new link and join code; the old link no longer works.").format(
        name=words.role_name(scenario, role))
