"""Who plays each role in a hosted game, and the secrets that let a device act for it.

A seat is a device team (its own browser, reached with a secret token or a short join
code), a hot-seat team (its moves entered on the facilitator's page after a hand-off), or
an AI persona. Tokens come from `secrets.token_urlsafe`; join codes are short and typed
by students, so they only ever lead to a token while the facilitator keeps joining open.
The facilitator's PIN guards every facilitator action over the network. Codes and PINs
are folded as typed (full-width characters, spaces of any kind, invisible characters:
see `game.net.guard.fold`) before they are compared; a token is never folded, and one
with any character a token cannot hold matches nothing.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.files.atomic import write_atomic
from game.net.guard import fold
from game.net.timer import saved_timer_ok
from game.session.session import Seat
from game.words import _

KINDS = ("device", "hotseat", "ai")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mix up on a projector
CODE_LENGTH = 6


class SeatError(ValueError):
    """A seat option or a seats file that cannot be used; the message says what to give instead."""


@dataclass
class SeatPlan:
    """One role's seat: its kind, its AI persona, its token and its join code."""

    role: str
    kind: str
    persona: str = ""
    token: str = ""
    code: str = ""

    def session_seat(self, default_persona: str) -> Seat:
        """The engine's seat for this plan: human for device and hot-seat teams."""
        return Seat(self.kind != "ai", self.persona or default_persona)


@dataclass
class HostSecrets:
    """Everything a restarted server needs to let the same devices back in."""

    pin: str
    seats: dict[str, SeatPlan]
    applied: dict[str, str] = field(default_factory=dict)  # submission key -> role
    joining_open: bool = True
    paused: bool = False
    timer: dict = field(default_factory=dict)  # the talks timer, see game.net.timer.Timer.saved

    def role_for_token(self, token: object) -> str | None:
        """The device role whose token this is, compared in constant time; None otherwise."""
        if not isinstance(token, str) or not token or not token.isascii():
            return None
        found = None
        for plan in self.seats.values():
            if plan.kind == "device" and hmac.compare_digest(plan.token, token):
                found = plan.role
        return found

    def token_for_code(self, code: object) -> str | None:
        """The token a join code leads to (any case, width or spacing); None if it leads nowhere."""
        wanted = fold(code, upper=True) if isinstance(code, str) and len(code) <= 200 else None
        if not wanted:
            return None
        found = None
        for plan in self.seats.values():
            if plan.kind == "device" and hmac.compare_digest(plan.code, wanted):
                found = plan.token
        return found

    def pin_ok(self, pin: object) -> bool:
        """True if `pin` is the facilitator's PIN (compared in constant time)."""
        wanted = fold(pin) if isinstance(pin, str) and len(pin) <= 200 else None
        return bool(wanted) and hmac.compare_digest(wanted, self.pin)


def parse_seats(role_ids: tuple[str, ...], options: list[str],
                persona_problem) -> dict[str, SeatPlan]:
    """Seats from `--seat ROLE=device|hotseat|PERSONA[:TEMPERAMENT]` options; device by default.

    Raises SeatError naming the bad option and what to give instead."""
    plans = {r: SeatPlan(r, "device") for r in role_ids}
    given: set[str] = set()
    for item in options:
        role, sep, kind = item.partition("=")
        if not sep or role not in role_ids or not kind:
            raise SeatError(_("--seat {item!r}: give ROLE=device, ROLE=hotseat or ROLE=PERSONA "
                              "with a role from {roles}").format(item=item, roles=", ".join(role_ids)))
        if role in given:
            raise SeatError(_("--seat {item!r}: {role} already has a seat; give each role's "
                              "seat once").format(item=item, role=role))
        given.add(role)
        if kind in ("device", "hotseat"):
            plans[role] = SeatPlan(role, kind)
            continue
        problem = persona_problem(kind)
        if problem:
            raise SeatError(f"--seat {item!r}: {problem}")
        plans[role] = SeatPlan(role, "ai", kind)
    return plans


def new_secrets(plans: dict[str, SeatPlan]) -> HostSecrets:
    """Fresh PIN, tokens and distinct join codes for every device seat."""
    codes: set[str] = set()
    for plan in plans.values():
        if plan.kind == "device":
            plan.token = secrets.token_urlsafe(24)
            plan.code = fresh_code(codes)
            codes.add(plan.code)
    return HostSecrets(pin=f"{secrets.randbelow(10 ** 8):08d}", seats=plans)


def fresh_code(taken: set[str]) -> str:
    """A join code not in `taken`."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def save_secrets(found: HostSecrets, path: Path) -> None:
    """Write the secrets atomically, readable only by the user who runs the host."""
    data = asdict(found)
    write_atomic(path, json.dumps(data, indent=1), 0o600)  # never readable by others, even briefly
    os.chmod(path, 0o600)  # where there is no fchmod (Windows), this keeps the file writable


def load_secrets(path: Path) -> HostSecrets:
    """Read a secrets file written by `save_secrets`; raise SeatError if it is damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        seats = {r: SeatPlan(**s) for r, s in data.pop("seats").items()}
        found = HostSecrets(seats=seats, **data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise SeatError(_("{path}: the hosted game's seats cannot be read ({exc}); start a new "
                          "game with --new").format(path=path, exc=exc)) from None
    if set(found.seats) != {p.role for p in found.seats.values()} or not found.pin or \
            not saved_timer_ok(found.timer):
        raise SeatError(_("{path}: the hosted game's seats are damaged; start a new game with "
                          "--new").format(path=path))
    return found
