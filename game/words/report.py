"""The words of the printed reports: the debrief, the class debrief and the role briefs.

Each function takes data (a scenario, numbers, names) and returns one whole sentence or
heading in the player's language; the HTML templates only place them. Lists of names are
joined by `and_list`, so that "Table 1, Table 2 and Table 4" reads as one phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.words.i18n import _, ngettext
from game.words.names import action_name, commitment_name, demand_name, meter_label, role_name
from game.words.personas import persona_label
from game.words.talks import term_pair


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
    """`Game seed: 7. Seats: Washington (human), Moscow (AI: Moscow, 2011 position), NATO (AI: step
    for step)`: AI seats by their position in neutral words, never a persona id."""
    names = [_("{role} (human)").format(role=role_name(game, r)) if seat.human
             else _("{role} (AI: {persona})").format(role=role_name(game, r),
                                                     persona=persona_label(game, r, seat.persona))
             for r, seat in seats.items()]
    return _("Game seed: {seed}. Seats: {seats}").format(seed=seed, seats=", ".join(names))


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


# --- the dilemma in this game (game.debrief.dilemma) ------------------------------------------

def dilemma_heading() -> str:
    """The heading of the debrief's section on the case's central choice."""
    return _("The dilemma in this game")


def dilemma_demand(game, roles: Sequence[str], demand: str) -> str:
    """`Moscow stood by a public demand from the start: a legal guarantee ...`."""
    names = and_list([role_name(game, r) for r in roles])
    return ngettext("{who} stood by a public demand from the start: {demand}.",
                    "{who} stood by a public demand from the start: {demand}.",
                    len(roles)).format(who=names, demand=demand_name(game, demand))


def dilemma_demand_made(game, role: str, demand: str, round_no: int) -> str:
    """A demand made (again) in a round."""
    return _("In round {n} {who} made the public demand again: {demand}.").format(
        n=round_no, who=role_name(game, role), demand=demand_name(game, demand))


def dilemma_no_demand(game, demand: str) -> str:
    """No one stood by the case's demand in this game."""
    return _("No delegation stood by the public demand for {demand} in this game.").format(
        demand=demand_name(game, demand))


def dilemma_guarantee(game, role: str, action_id: str, round_no: int,
                      passed: bool | None) -> str:
    """A guarantee offered and its ratification vote."""
    who, g = role_name(game, role), action_name(game, action_id)
    if passed is None:
        return _("In round {n} {who} ordered “{g}”, which needs ratification at home.").format(
            n=round_no, who=who, g=g)
    if passed:
        return _("In round {n} {who} ordered “{g}”, which needs ratification at home, and the "
                 "vote passed.").format(n=round_no, who=who, g=g)
    return _("In round {n} {who} ordered “{g}”, which needs ratification at home, and the vote "
             "failed.").format(n=round_no, who=who, g=g)


def dilemma_no_guarantee(game, action_id: str) -> str:
    """The guarantee that needs ratification was never offered."""
    return _("No one ordered “{g}”: it needs ratification at home, which almost never "
             "passes.").format(g=action_name(game, action_id))


def dilemma_package_option(game, issue: str, option: str, round_no: int, fate: str) -> str:
    """An option of the agreed package that needed ratification, and what became of it:
    `passed`, `failed`, `blocked` (another option failed) or `pending`."""
    what = term_pair(game, issue, option)
    return {
        "passed": _("The package agreed in round {n} held “{what}”, which needed ratification: "
                    "it passed, and the agreement entered into force."),
        "failed": _("The package agreed in round {n} held “{what}”, which needed ratification: "
                    "the vote failed, so the agreement fell."),
        "blocked": _("The package agreed in round {n} held “{what}”, which needed "
                     "ratification; the agreement fell at another vote."),
        "pending": _("The package agreed in round {n} held “{what}”, which needed "
                     "ratification; the game ended before the vote."),
    }[fate].format(n=round_no, what=what)


def dilemma_assurance(game, role: str, action_id: str, round_no: int, status: str,
                      ended: int | None) -> str:
    """An assurance given, and whether it was kept, broken or still running."""
    who, a = role_name(game, role), commitment_name(game, action_id)
    if status == "kept":
        return _("In round {n} {who} gave the {a}, which needs no vote, and kept it to the end "
                 "of its term.").format(n=round_no, who=who, a=a)
    if status == "broken":
        return _("In round {n} {who} gave the {a}, which needs no vote, and broke it in round "
                 "{m}.").format(n=round_no, who=who, a=a, m=ended)
    return _("In round {n} {who} gave the {a}, which needs no vote; it was still running at "
             "the end.").format(n=round_no, who=who, a=a)


def dilemma_no_assurance(game, action_id: str) -> str:
    """The assurance that needs no vote was never given."""
    return _("No one gave the {a}, which needs no vote.").format(
        a=commitment_name(game, action_id))


def dilemma_backed_down(game, role: str, round_no: int, step: str | None, cost: int | None,
                        relief: int | None) -> str:
    """A climb-down: the demand set aside (`step` None) or a step that broke with it, and
    (once the game is over) its audience cost and how much the relief eased it."""
    who = role_name(game, role)
    if step is None:
        head = _("In round {n} {who} set its demand aside.").format(n=round_no, who=who)
    else:
        head = _("In round {n} {who} backed down from its demand by joining “{step}” while the "
                 "demand stood.").format(n=round_no, who=who, step=action_name(game, step))
    if cost is None:
        return head
    meter = meter_label(game, f"support.{role}")
    cost_words = ngettext("The audience cost was {c} point of support at home ({meter}).",
                          "The audience cost was {c} points of support at home ({meter}).", cost).format(
                              c=cost, meter=meter)
    if relief:
        cost_words += " " + ngettext(
            "The assurance and insight it held spared it {r} point.",
            "The assurance and insight it held spared it {r} points.", relief).format(r=relief)
    return f"{head} {cost_words}"


def dilemma_met(game, role: str, demand: str, round_no: int) -> str:
    """A demand met in a round."""
    return _("In round {n} {who}'s demand was met: {demand}.").format(
        n=round_no, who=role_name(game, role), demand=demand_name(game, demand))


def dilemma_standing(game, role: str, demand: str, over: bool) -> str:
    """A demand still standing at the end (or when the game stopped)."""
    text = (_("{who} kept its demand to the end of the game: {demand}.") if over else
            _("{who}'s demand still stands: {demand}."))
    return text.format(who=role_name(game, role), demand=demand_name(game, demand))


def repeated_reasoning(n: int) -> str:
    """Under a round's AI reasoning: lines said word for word in an earlier round, left out."""
    return ngettext("One more line of reasoning repeats an earlier round word for word.",
                    "{n} more lines of reasoning repeat earlier rounds word for word.", n).format(n=n)


def aftermath_lead() -> str:
    """Above the scenario's aftermath: it is history, not what followed the students' game."""
    return _("The game ends here. What follows is what happened in reality after the real "
             "talks, whatever happened in your game.")
