"""The debrief's what-if and coaching sections, as data for its template and in plain text.

- `branch_data` / `branch_lines`: the original game and a branch side by side: the change,
  the endings, the scores, the end meters, and the first ledger entries where the two part.
- `coaching_data` / `coaching_lines`: for each human team, the decisions that moved its
  outcome most, and the persona each AI seat played (see `game.debrief.coach`).
Both respect the fog: an unfinished game shows only the public ledger and no scores.
"""

from __future__ import annotations

from game.debrief.coach import STEADY, TOP, Coaching, coach
from game.debrief.page import render, rtl_names
from game.debrief.whatif import Branch, Change
from game.model.results import Track
from game.model.state import LedgerEntry, tension_band
from game.session.session import Session
from game.words import (
    N_,
    _,
    action_label,
    ledger_groups,
    ledger_lines,
    move_label,
    outcome_name,
    role_name,
)
from game.words.coaching import fewer_decisions

#: What a branch keeps and what it changes, said once above the comparison.
SAME_CHANCE = N_("Same seed, same draws of chance; the AI delegations decided afresh from "
                 "that round on.")
#: How to read the coaching, said once above it.
HOW_COACHED = N_("Each decision below was tried the other way, replaying the rest of the game "
                 "under the same chance. Other human teams are assumed to do what they did, so "
                 "this is what would likely have happened, not what must have.")

#: How many ledger entries of each game to show from the point where they part.
PARTING = 8


def change_words(session: Session, change: Change) -> str:
    """The question a branch answers, for example "What if Moscow had ordered ... in round 3?"."""
    sc, who = session.scenario, role_name(session.scenario, change.role)
    parts = []
    if change.orders is not None:
        did = "; ".join(action_label(sc, a) for a in change.orders)
        parts.append(_("ordered {o}").format(o=did or _("nothing")))
    if change.answers is not None:
        parts += [(_("accepted {o}") if ok else _("declined {o}")).format(o=move_label(sc, k))
                  for k, ok in change.answers]
    return _("What if {who} had {did} in round {n}?").format(who=who, did=_(" and ").join(parts),
                                                              n=change.round)


def shown_ledger(session: Session) -> list[LedgerEntry]:
    """The ledger a room may see: all of it once the game is over, the public part before."""
    return session.view(None).ledger()


def parting(original: Session, branched: Session) -> tuple[int, list[LedgerEntry], list[LedgerEntry]]:
    """The round where the two shown ledgers first differ and each one's entries from there."""
    old, new = shown_ledger(original), shown_ledger(branched)
    i = next((k for k, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
             min(len(old), len(new)))
    if i == len(old) == len(new):
        return 0, [], []
    rnd = (old[i] if i < len(old) else new[i]).round
    return rnd, old[i:i + PARTING], new[i:i + PARTING]


def side(session: Session) -> dict[str, str]:
    """One game's column of the comparison: ending, end tension, track and scores."""
    sc, st = session.scenario, session.state
    result = session.outcome()
    tracks = ", ".join(m.name for m in sc.milestones if st.milestones[m.id] == Track.OPERATING)
    row = {_("Ending"): outcome_name(sc, result) if result else
           _("not over: stopped in round {n}").format(n=st.round),
           _("Tension at the end"): f"{st.tension} ({tension_band(st.tension)})",
           _("Cooperation track"): tracks or _("no milestone operating")}
    for role in sc.role_ids:
        row[_("Score: {who}").format(who=role_name(sc, role))] = (
            str(result.total(role)) if result else _("not scored yet"))
    return row


def branch_data(branch: Branch) -> dict:
    """The original and the branch side by side, and where their ledgers part, for the
    template `extras.html.j2`."""
    a, b = side(branch.original), side(branch.branched)
    rnd, old, new = parting(branch.original, branch.branched)
    sc = branch.original.scenario
    return {"question": change_words(branch.original, branch.change), "same_chance": _(SAME_CHANCE),
            "rows": [(k, a[k], b[k]) for k in a], "round": rnd,
            "parting": _('Where the two part: round {n}').format(n=rnd) if rnd else "",
            "old": ledger_groups(sc, old), "new": ledger_groups(sc, new),
            "adapted": list(branch.adapted)}


def branch_lines(branch: Branch) -> list[str]:
    """Plain text: the same comparison, for the terminal and screen readers."""
    a, b = side(branch.original), side(branch.branched)
    out = [change_words(branch.original, branch.change), ""]
    out += [f"{k}: {a[k]}  |  {_('branch')}: {b[k]}" for k in a]
    rnd, old, new = parting(branch.original, branch.branched)
    sc = branch.original.scenario
    if not rnd:
        return [*out, _("The two ledgers are identical: the change made no difference.")]
    out += ["", _("Where the two part: round {n}").format(n=rnd), _("As played:"),
            *ledger_lines(sc, old), _("In the branch:"), *ledger_lines(sc, new)]
    if branch.adapted:
        out += ["", _("Where the branch had to adapt what people did:"),
                *(f"  {x}" for x in branch.adapted)]
    return out


def coaching_data(session: Session, coaching: Coaching | None = None) -> dict:
    """The coaching for each human team and the AI seats' personas, for the template."""
    c = coaching or coach(session)
    sc = session.scenario
    teams = [{"role": role_name(sc, role), "summary": c.summaries[role],
              "dilemma": c.dilemmas.get(role, ""),
              "decisions": [d.text for d in decisions], "fewer": _fewer(decisions)}
             for role, decisions in c.decisions.items()]
    return {"how": _(HOW_COACHED), "steady": _(STEADY), "teams": teams, "personas": list(c.personas)}


def _fewer(decisions) -> str:
    """Why a team has fewer coached decisions than the coach reports at most ("" if not)."""
    return fewer_decisions(len(decisions)) if 0 < len(decisions) < TOP else ""


def coaching_lines(session: Session, coaching: Coaching | None = None) -> list[str]:
    """Plain text: the same coaching, for the terminal."""
    c = coaching or coach(session)
    sc = session.scenario
    out = [_("=== Coaching ===")]
    for role, decisions in c.decisions.items():
        out += ["", f"{role_name(sc, role)}: {c.summaries[role]}"]
        if c.dilemmas.get(role):
            out += [f"  {c.dilemmas[role]}"]
        out += [f"  {i}. {d.text}" for i, d in enumerate(decisions, 1)] or [f"  {_(STEADY)}"]
        if _fewer(decisions):
            out += [f"  {_fewer(decisions)}"]
    if c.personas:
        out += ["", _("The AI delegations:"), *(f"  - {p}" for p in c.personas)]
    return out


def extras(session: Session, branch: Branch | None = None) -> dict:
    """What the debrief adds at its end: a what-if branch if given, then the coaching."""
    return {"branch": branch_data(branch) if branch else None, "coaching": coaching_data(session)}


def extra_sections(session: Session, branch: Branch | None = None) -> list[str]:
    """The same sections as HTML, on their own (one str in a list)."""
    return [render("extras.html.j2", names=rtl_names(session.scenario), extras=extras(session, branch))]
