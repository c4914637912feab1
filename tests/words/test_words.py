"""One wording module: the same ledger entry reads the same in the text mode, the window and the debrief."""

import io

import pytest
from markupsafe import escape

from game import words
from game.debrief.debrief import debrief_html
from game.model.actions import Action
from game.model.results import REASON_ARGS, Cause, Detail, DetailKind, Reason, ReasonKind
from game.model.state import Commitment, LedgerEntry
from game.session.session import Note, Seat, Session
from game.textui import render
from game.textui.console import Console
from game.textui.play import TextGame
from game.ui.play import text as window_text
from tests.helpers import default_scenario

SC = default_scenario()


@pytest.fixture(scope="module")
def finished():
    session = Session(SC, 7, {r: Seat(False) for r in SC.role_ids})
    session.play_ai()
    return session


def sample(session, per_cause=3):
    """A few ledger entries of every kind of cause the game wrote."""
    seen: dict[str, list[LedgerEntry]] = {}
    for entry in session.state.ledger:
        if len(seen.setdefault(entry.cause, [])) < per_cause:
            seen[entry.cause].append(entry)
    return [e for group in seen.values() for e in group]


def test_text_mode_window_and_debrief_show_the_same_ledger_lines(finished):
    """For each sampled entry, the window's helper, the text mode and the debrief show one line."""
    entries = sample(finished)
    assert {"action", "event", "drift", "rule", "response", "milestone"} <= {e.cause for e in entries}
    out = io.StringIO()
    TextGame(finished, Console(io.StringIO(), out, interactive=False))._show(finished.state.records)
    shown, html = out.getvalue(), debrief_html(finished)
    for entry in entries:
        line = words.ledger_line(SC, entry)
        assert window_text.ledger_line(SC, entry) == line
        assert line in shown, line
        assert escape(line) in html, line


def test_group_headings_and_reasoning_are_shared(finished):
    """The window's ledger groups, and every AI reasoning line, match the text mode's and the debrief's."""
    record = finished.state.records[1]
    view = finished.view(None)
    text = "\n".join(render.resolution(view, SC, record.round, []))
    html = debrief_html(finished)
    for heading, lines in window_text.ledger_groups(SC, view.ledger(record.round)):
        assert f"\n  {heading}\n" in text and escape(heading) in html
        assert all(f"    {line}" in text for line in lines)
    for note in finished.notes_for(record.round):
        line = words.reasoning_line(SC, note.role, note)
        assert window_text.note_line(SC, note.role, note) == line
        assert escape(line) in html


@pytest.mark.parametrize("meter,label", [
    ("tension", "Tension"),
    ("trust.moscow.washington", "Moscow's trust in Washington"),
    ("support.washington", "Senate support (Washington)"),
    ("support.moscow", "Security establishment (Moscow)"),
    ("progress.transparency_regime", "Progress toward Transparency regime"),
    ("transparency.washington.moscow", "Washington's transparency toward Moscow"),
])
def test_meter_labels(meter, label):
    """Each kind of meter has one label, with each role's own name for its domestic support."""
    assert words.meter_label(SC, meter) == label


def test_action_and_move_labels():
    """An action reads by name and aim; a move puts the acting delegation in front."""
    action = Action("washington", "brief_plans", "moscow")
    assert words.action_label(SC, action) == "Brief on programme plans → Moscow"
    assert words.move_label(SC, action.text()) == "Washington: Brief on programme plans → Moscow"
    assert words.action_label(SC, "not a move") == "not a move"


def test_reasoning_line_names_the_action_and_the_answer():
    """An order's reasoning names the delegation and its action; an answer names whom it
    answers and the offer; a choice to give no order names the delegation alone."""
    step = Note(2, "moscow", "moscow:brief_plans@nato", Reason(ReasonKind.DOOR_OPEN, ("nato", 44)))
    assert words.reasoning_line(SC, "moscow", step) == (
        "Moscow · Brief on programme plans → NATO: keeps the door open to NATO after a quiet "
        "round: trust in NATO 44")
    answer = Note(2, "nato", "moscow:expert_talks@nato",
                  Reason(ReasonKind.DECLINES, ("moscow", 31, 40)))
    assert words.reasoning_line(SC, "nato", answer) == (
        "NATO, answering Moscow: declines Moscow's offer 'Working-level expert talks': "
        "trust in Moscow 31 < 40")
    wait = Note(2, "washington", None, Reason(ReasonKind.HOLDS, (52, 1)))
    assert words.reasoning_line(SC, "washington", wait) == (
        "Washington: holds its position: tension 52, Senate support: shaky")


def test_every_kind_of_reason_reads_as_a_sentence():
    """Each kind of reason is worded from its args alone, with no id left in the words."""
    sample = {"partner": "nato", "gift": "brief_plans", "hit": "public_criticism",
              "commitment": "political_assurance", "demand": "legal_guarantee",
              "family": "home_front", "how": "offer", "why": "pledge", "binds": 1, "band": 2,
              "again": 1, "so_far": 0, "to": "washington,nato", "need_issue": "assurance",
              "need_option": "written", "give_issue": "review", "give_option": "annual",
              "issue": "assurance", "option": "legal", "come_down": 2,
              "milestone": "joint_exercises"}
    for kind, names in REASON_ARGS.items():
        reason = Reason(kind, tuple(sample.get(name, 37) for name in names))
        line = words.reason_text(SC, "moscow", reason, "nato:expert_talks@moscow")
        assert line and "{" not in line and "_" not in line, (kind, line)


def test_ledger_line_reads_cause_and_detail():
    """A ledger line gives meter, before → after, the signed change and the cause in words,
    with the responder the detail names."""
    entry = LedgerEntry(2, "trust.moscow.washington", 31, 32, 1, Cause.RESPONSE,
                        "washington:propose_data_exchange", "washington",
                        Detail(DetailKind.ACCEPTED, ("moscow",)))
    assert words.ledger_line(SC, entry) == (
        "Moscow's trust in Washington: 31 → 32 (+1) · Answer to Washington: "
        "Propose a regular data exchange (Moscow accepted)")


@pytest.mark.parametrize("cause,source,actor,detail,said", [
    (Cause.DRIFT, "baseline", None, Detail(DetailKind.DRIFT, (40,)),
     "tension drifts toward 40, set by the mean trust"),
    (Cause.RULE, "reciprocation", None, Detail(DetailKind.GRIT, ("moscow", "nato")),
     "Moscow and NATO matched concessions this round (GRIT bonus)"),
    (Cause.ACTION, "nato:brief_plans@moscow", "nato", Detail(DetailKind.REPEAT, (2, 60)),
     "NATO: Brief on programme plans → Moscow (repeat 2: trust gains at 60%)"),
    (Cause.DEMAND, "moscow:set_aside_demand", "moscow",
     Detail(DetailKind.BACKED_DOWN, ("legal_guarantee", 1)),
     "Public demand: Moscow: Accept the written assurance; set the demand aside (backed down "
     "from the public demand: a legal guarantee that the system is not aimed at Russia's "
     "deterrent; the cost was eased by 1 point for insight and assurances received)"),
    (Cause.RATIFICATION, "washington:legal_guarantee@moscow", "washington",
     Detail(DetailKind.RATIFIED, (0,)),
     "Ratification: Washington: Offer a legal guarantee → Moscow (ratification failed)"),
    (Cause.EVENT, "summit_no_headway", None, Detail(DetailKind.BROUGHT_IN),
     "Event: Presidents meet, no headway (brought in by the facilitator)"),
])
def test_each_kind_of_detail_reads_as_one_cause(cause, source, actor, detail, said):
    """Every kind of detail is worded from its data: names for ids, numbers as given."""
    entry = LedgerEntry(3, "tension", 50, 48, -2, cause, source, actor, detail)
    assert words.ledger_line(SC, entry) == f"Tension: 50 → 48 (-2) · {said}"


def test_commitment_lines_and_names():
    """Commitments say whether they were kept or broken, or until when they run."""
    running = Commitment("k", "restraint_pledge", "Restraint pledge", "nato", "moscow", 3, 6)
    kept = Commitment("k", "restraint_pledge", "Restraint pledge", "nato", "moscow", 1, 4, "kept", 4)
    assert words.commitment_line(SC, running) == (
        "still running: Restraint pledge, NATO to Moscow (made in round 3, runs to round 6)")
    assert words.commitment_line(SC, kept) == "kept: Restraint pledge, NATO to Moscow (rounds 1-4)"
    assert words.band_name("crisis") == "crisis" and words.role_name(SC, None) == "everyone"
    assert words.points(1) == "1\u00a0point" and words.points(3) == "3\u00a0points"
    assert words.ending_name(SC, SC.endings[0].id) == SC.endings[0].name
