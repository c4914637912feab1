"""The debrief's what-if and coaching sections, in HTML and in plain text.

- `branch_section`: the original game and a branch side by side: the change, the
  endings, the scores, the end meters, and the first ledger entries where the two part.
- `coaching_section`: for each human team, the decisions that moved its outcome most,
  and the persona each AI seat played (see `game.debrief.coach`).
Both respect the fog: an unfinished game shows only the public ledger and no scores.
"""

from __future__ import annotations

from html import escape

from game.debrief.coach import STEADY, Coaching, coach
from game.debrief.whatif import Branch, Change
from game.model.results import Track
from game.model.state import LedgerEntry, tension_band
from game.session.session import Session
from game.words import _, action_label, ledger_lines, move_label, outcome_name, role_name

#: What a branch keeps and what it changes, said once above the comparison.
SAME_CHANCE = _("Same seed, same draws of chance; the AI delegations decided afresh from that "
                "round on.")
#: How to read the coaching, said once above it.
HOW_COACHED = _("Each decision below was tried the other way, replaying the rest of the game "
                "under the same chance. Other human teams are assumed to do what they did, so "
                "this is what would likely have happened, not what must have.")

_TOP = "<td style='vertical-align:top'>"

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


def branch_section(branch: Branch) -> list[str]:
    """HTML: the original and the branch side by side, and where their ledgers part."""
    a, b = side(branch.original), side(branch.branched)
    out = [f"<h2>{escape(_('What if…?'))}</h2>",
           f"<p><strong>{escape(change_words(branch.original, branch.change))}</strong> "
           f"{escape(SAME_CHANCE)}</p>",
           f"<table><tr><th></th><th>{escape(_('The game as played'))}</th>"
           f"<th>{escape(_('The branch'))}</th></tr>"]
    out += [f"<tr><th>{escape(k)}</th><td>{escape(a[k])}</td><td>{escape(b[k])}</td></tr>" for k in a]
    out.append("</table>")
    rnd, old, new = parting(branch.original, branch.branched)
    sc = branch.original.scenario
    if not rnd:
        out.append(f"<p>{escape(_('The two ledgers are identical: the change made no difference.'))}</p>")
    else:
        out.append(f"<h3>{escape(_('Where the two part: round {n}').format(n=rnd))}</h3>"
                   f"<table><tr><th>{escape(_('The game as played'))}</th>"
                   f"<th>{escape(_('The branch'))}</th></tr><tr>{_TOP}<pre>"
                   + escape("\n".join(ledger_lines(sc, old))) + f"</pre></td>{_TOP}<pre>"
                   + escape("\n".join(ledger_lines(sc, new))) + "</pre></td></tr></table>")
    if branch.adapted:
        out.append(f"<p>{escape(_('Where the branch had to adapt what people did:'))}</p><ul>"
                   + "".join(f"<li>{escape(x)}</li>" for x in branch.adapted) + "</ul>")
    return out


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


def coaching_section(session: Session, coaching: Coaching | None = None) -> list[str]:
    """HTML: the coaching for each human team and the AI seats' personas."""
    c = coaching or coach(session)
    sc = session.scenario
    out = [f"<h2>{escape(_('Coaching'))}</h2>",
           f"<p>{escape(HOW_COACHED)}</p>"]
    for role, decisions in c.decisions.items():
        out.append(f"<h3>{escape(role_name(sc, role))}</h3><p>{escape(c.summaries[role])}</p>")
        out.append("<ol>" + "".join(f"<li>{escape(d.text)}</li>" for d in decisions) + "</ol>"
                   if decisions else f"<p>{escape(STEADY)}</p>")
    if c.personas:
        out.append(f"<h3>{escape(_('The AI delegations'))}</h3><ul>"
                   + "".join(f"<li>{escape(p)}</li>" for p in c.personas) + "</ul>")
    return out


def coaching_lines(session: Session, coaching: Coaching | None = None) -> list[str]:
    """Plain text: the same coaching, for the terminal."""
    c = coaching or coach(session)
    sc = session.scenario
    out = [_("=== Coaching ===")]
    for role, decisions in c.decisions.items():
        out += ["", f"{role_name(sc, role)}: {c.summaries[role]}"]
        out += [f"  {i}. {d.text}" for i, d in enumerate(decisions, 1)] or [f"  {STEADY}"]
    if c.personas:
        out += ["", _("The AI delegations:"), *(f"  - {p}" for p in c.personas)]
    return out


def extra_sections(session: Session, branch: Branch | None = None) -> list[str]:
    """The sections the debrief adds at its end: a what-if branch if given, then coaching."""
    return [*(branch_section(branch) if branch else []), *coaching_section(session)]
