"""The words of the printed reports: the debrief, the class debrief and the role briefs.

Each function takes data (a scenario, numbers, names) and returns one whole sentence or
heading in the player's language; the HTML templates only place them. Lists of names are
joined by `and_list`, so that "Table 1, Table 2 and Table 4" reads as one phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.words.i18n import _, ngettext
from game.words.names import meter_label, role_name
from game.words.personas import persona_label


def and_list(items: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`: names joined as a phrase (empty for no names)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def debrief_title(title: str) -> str:
    """`Debrief: Missile defence in Europe, 2011`."""
    return _("Debrief: {title}").format(title=title)


def seats_line(game, seed: int, seats: dict) -> str:
    """`Seed 7. Seats: Washington (human), Moscow (AI: Moscow, 2011 position), NATO (AI: step
    for step)`: AI seats by their position in neutral words, never a persona id."""
    names = [_("{role} (human)").format(role=role_name(game, r)) if seat.human
             else _("{role} (AI: {persona})").format(role=role_name(game, r),
                                                     persona=persona_label(game, r, seat.persona))
             for r, seat in seats.items()]
    return _("Seed {seed}. Seats: {seats}").format(seed=seed, seats=", ".join(names))


def stopped_heading(round_no: int) -> str:
    """`Game stopped in round 4`."""
    return _("Game stopped in round {round}").format(round=round_no)


def ending_heading(name: str) -> str:
    """`Ending: Practical cooperation`."""
    return _("Ending: {name}").format(name=name)


def support_shown(low: int, high: int) -> str:
    """A support value as the room saw it: `57`, or `somewhere in 40-70` under the fog."""
    return str(low) if low == high else _("somewhere in {low}-{high}").format(low=low, high=high)


def chart_legend(label: str, values: Sequence[int]) -> str:
    """A chart line's key: `Tension (end 34)`."""
    return _("{label} (end {value})").format(label=label, value=values[-1] if values else "-")


def round_heading(round_no: int) -> str:
    """`Round 3`."""
    return _("Round {round}").format(round=round_no)


def round_label(round_no: int) -> str:
    """A round as a table's row label: `Start` for round 0, else `Round 3`."""
    return _("Start") if round_no == 0 else round_heading(round_no)


def event_line(title: str | None) -> str:
    """`Event: Presidents meet, no headway`, or `Event: none`."""
    return _("Event: {title}").format(title=title or _("none"))


def turning_point_line(game, point, cause: str) -> str:
    """`Round 3: Moscow: Set the demand aside. Total swing 14 (Tension -4; Washington's trust
    in Moscow +5; ...)`, from a `game.session.history.TurningPoint` and its cause in words."""
    changes = "; ".join(f"{meter_label(game, e.meter)} {e.amount:+d}" for e in point.entries)
    return _("Round {round}: {cause}. Total swing {swing} ({changes})").format(
        round=point.round, cause=cause, swing=point.swing, changes=changes)


def join_code_line(code: str) -> str:
    """The join code a team types on its device, on its printed brief."""
    return _("Join code for your team's device: {code}").format(code=code)


def brief_heading(role: str, title: str) -> str:
    """`Moscow: briefing for Missile defence in Europe, 2011`."""
    return _("{role}: briefing for {title}").format(role=role, title=title)


def points_line(n: int) -> str:
    """`Each round you have 2 points to spend on orders.`"""
    return ngettext("Each round you have {n} point to spend on orders.",
                    "Each round you have {n} points to spend on orders.", n).format(n=n)


def aimed_at(targets: list[str]) -> str:
    """`aimed at Moscow or NATO`: whom (or which milestone) an order on the menu may aim at."""
    if len(targets) < 2:
        return _("aimed at {target}").format(target="".join(targets))
    return _("aimed at {some} or {last}").format(some=", ".join(targets[:-1]), last=targets[-1])
