"""The talks in words: issues, options, packages, messages, the agreement and its terms.

Every function takes the scenario (or a compiled scenario) and data from the rules
(`game.model.state.TalkMessage`, `Agreement`, `TermRecord`, a package of (issue, option)
pairs) and returns whole sentences, so the window, the text mode and the hosted pages
say the same thing. Values are never worded here: they are private to each role (the
debrief, after the game, words them in `game.words.deal`).
"""

from __future__ import annotations

from game.model.state import Agreement, Package, TalkMessage, TermRecord
from game.words.i18n import N_, _, ngettext
from game.words.names import action_name, role_name, scenario_of, status_name

#: One sentence per kind of message, seen by its sender ("we") or by others.
_MESSAGES = {
    "propose": N_("{sender} proposes to {to}: {terms}."),
    "counter": N_("{sender} counters proposal {ref} with: {terms}."),
    "accept": N_("{sender} accepts proposal {ref}."),
    "decline": N_("{sender} declines proposal {ref}."),
    "withdraw": N_("{sender} withdraws proposal {ref}."),
}

#: What a message kind is called on a button or in a list.
KIND_NAMES = {"propose": N_("Propose"), "counter": N_("Counter"), "accept": N_("Accept"),
              "decline": N_("Decline"), "withdraw": N_("Withdraw")}

#: An agreement's status.
_AGREEMENT = {
    "pending": N_("Agreed by {parties} in round {round}: {terms}. It enters into force when "
                  "the round resolves, if it is ratified."),
    "in_force": N_("In force since round {round}, between {parties}: {terms}."),
    "failed": N_("Agreed by {parties} in round {round}, but not ratified: {terms}."),
}


def issue_name(game, issue: str) -> str:
    """An issue's name; the id itself if the scenario has no such issue."""
    n = scenario_of(game).negotiation
    found = next((i for i in n.issues if i.id == issue), None) if n else None
    return found.name if found else issue


def option_name(game, issue: str, option: str) -> str:
    """An option's name; the id itself if the scenario has no such option."""
    n = scenario_of(game).negotiation
    found = next((i for i in n.issues if i.id == issue), None) if n else None
    chosen = next((o for o in found.options if o.id == option), None) if found else None
    return chosen.name if chosen else option


def term_pair(game, issue: str, option: str) -> str:
    """One issue and the option chosen: `Form of the assurance: written political assurance`."""
    return _("{issue}: {option}").format(issue=issue_name(game, issue),
                                         option=option_name(game, issue, option))


def package_text(game, terms: Package) -> str:
    """A whole package on one line, issue by issue, separated by semicolons."""
    return _("; ").join(term_pair(game, i, o) for i, o in terms)


def package_lines(game, terms: Package) -> list[str]:
    """A whole package, one issue per line."""
    return [term_pair(game, i, o) for i, o in terms]


def roles_text(game, roles) -> str:
    """Role names joined: `Moscow`, `Moscow and NATO`, `Moscow, NATO and Washington`."""
    names = [role_name(game, r) for r in roles]
    if len(names) <= 1:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def talk_line(game, message: TalkMessage) -> str:
    """One message as a sentence: `Washington proposes to Moscow and NATO: ...`."""
    return _(_MESSAGES[message.kind]).format(
        sender=role_name(game, message.sender), to=roles_text(game, message.to),
        ref=message.ref, terms=package_text(game, message.terms))


def talk_heading(message: TalkMessage) -> str:
    """A message's number and round: `Proposal 3, round 2` or `Message 4, round 2`."""
    if message.kind in ("propose", "counter"):
        return _("Proposal {id}, round {round}").format(id=message.id, round=message.round)
    return _("Message {id}, round {round}").format(id=message.id, round=message.round)


def term_text(game, key: str) -> str:
    """What one term binds its role to: `Washington gives Moscow: Written assurance, within
    3 rounds` for a deed, `Washington refrains from: Announce the next phase, for 3 rounds`
    for a restraint. The key is `issue.option.n` (see `game.rules.talks_tables`)."""
    spec = _term_spec(game, key)
    if spec is None:
        return key
    role, toward = role_name(game, spec.role), role_name(game, spec.toward)
    if spec.do:
        acts = _(" or ").join(f"'{action_name(game, a)}'" for a in spec.do)
        return ngettext("{role} owes {toward}: {name} ({acts}) within {n} round.",
                        "{role} owes {toward}: {name} ({acts}) within {n} rounds.",
                        spec.term).format(role=role, toward=toward, name=spec.name, acts=acts,
                                          n=spec.term)
    acts = _(" or ").join(f"'{action_name(game, a)}'" for a in spec.avoid)
    return ngettext("{role} promises {toward}: {name} (no {acts}) for {n} round.",
                    "{role} promises {toward}: {name} (no {acts}) for {n} rounds.",
                    spec.term).format(role=role, toward=toward, name=spec.name, acts=acts,
                                      n=spec.term)


def package_terms(game, terms: Package) -> list[str]:
    """Every term a package would bind its parties to, as sentences (see `term_text`)."""
    n = scenario_of(game).negotiation
    out = []
    for issue, option in terms:
        spec = n.issue(issue).option(option)
        out += [term_text(game, f"{issue}.{option}.{k}") for k in range(1, len(spec.terms) + 1)]
    return out


def trade_lines(game, terms: Package, viewer: str) -> tuple[list[str], list[str]]:
    """A package as a conditional trade for `viewer`: (what we would do, what the others
    would do in return), each a list of the terms' names."""
    n = scenario_of(game).negotiation
    ours, theirs = [], []
    for issue, option in terms:
        for t in n.issue(issue).option(option).terms:
            line = _("{role}: {name}").format(role=role_name(game, t.role), name=t.name)
            (ours if t.role == viewer else theirs).append(line)
    return ours, theirs


def trade_sentence(game, terms: Package, viewer: str) -> str:
    """`We would do X if you do Y`: a package as a conditional trade, for `viewer`."""
    ours, theirs = trade_lines(game, terms, viewer)
    if ours and theirs:
        return _("We would do this: {ours}; if in return: {theirs}.").format(
            ours="; ".join(ours), theirs="; ".join(theirs))
    if ours:
        return _("We would do this: {ours}; nothing is asked of the others.").format(
            ours="; ".join(ours))
    if theirs:
        return _("We ask this: {theirs}; nothing is asked of us.").format(theirs="; ".join(theirs))
    return _("The package binds no one to any deed or restraint.")


def agreement_line(game, agreement: Agreement | None) -> str:
    """The agreement in one sentence, or that there is none yet."""
    if agreement is None:
        return _("No package has been agreed.")
    return _(_AGREEMENT[agreement.status]).format(
        parties=roles_text(game, agreement.parties), round=agreement.concluded,
        terms=package_text(game, agreement.terms))


def term_record_line(game, record: TermRecord) -> str:
    """A term of the agreement as it runs: the term, then `kept in round 5`, `broken in
    round 4` or `still running until round 6`."""
    what = term_text(game, record.key)
    if record.status == "active":
        return _("{term} Still running, until round {round}.").format(term=what,
                                                                      round=record.expires)
    return _("{term} {status} in round {round}.").format(
        term=what, status=status_name(record.status).capitalize(), round=record.ended)


def _term_spec(game, key: str):
    n = scenario_of(game).negotiation
    issue, _dot, rest = key.partition(".")
    option, _dot, k = rest.rpartition(".")
    try:
        return n.issue(issue).option(option).terms[int(k) - 1]
    except (AttributeError, StopIteration, ValueError, IndexError):
        return None
