"""The text mode in a classroom: privacy between teams, steady menus, any input, any terminal."""

import io
import re

import pytest
from markupsafe import escape

from game.debrief.debrief import debrief_html
from game.model.actions import Action, Orders
from game.session.session import Seat, Session
from game.textui import render
from game.textui.console import CLEAR, Console, EndOfInput, clean, plain_ascii, wrap
from game.textui.play import FACILITATOR_HELP, SOLO_HELP, TextGame, full_menu
from game.words import ledger_line
from tests.engine.test_textmode import ScriptedRoom
from tests.helpers import default_scenario

SC = default_scenario()


class Terminal(io.StringIO):
    """An output stream that says it is a terminal, so the console clears it for real."""

    def isatty(self) -> bool:
        return True


def console(lines: str, out=None, **kw) -> tuple[Console, io.StringIO]:
    out = out if out is not None else io.StringIO()
    return Console(io.StringIO(lines), out, interactive=False, **kw), out


def session(humans=("washington",), seed=5, rounds=None) -> Session:
    return Session(SC, seed, {r: Seat(r in humans) for r in SC.role_ids}, rounds)


def turn(game: TextGame, role: str) -> str:
    """Play one team's orders through the prompts; returns what the team saw."""
    game._human_turn(role)
    return game.io.out.getvalue()


# --- the console ---------------------------------------------------------------------

def test_clean_drops_control_and_format_characters():
    """Escape sequences, NULs and bidi controls are removed from what was typed."""
    assert clean("\x1b[A1\x00\u202e2\t \n") == "[A12"


def test_plain_ascii_transliterates_the_game_s_characters():
    """Arrows, middle dots, accents and no-break spaces become plain ASCII."""
    assert plain_ascii("Détente · Brief → Moscow 2\u00a0points") == "Detente - Brief -> Moscow 2 points"


def test_output_falls_back_to_ascii_on_a_cp1252_stream():
    """cp1252 redirected to a file gets plain ASCII for what it cannot encode, and no error."""
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252", errors="strict")
    con = Console(io.StringIO("\n"), out, interactive=False)
    con.say("Moscow's trust in Washington: 26 → 28 (+2) · Washington: Brief → Moscow")
    con.ask("Press Enter → ")
    out.flush()
    text = raw.getvalue().decode("cp1252")
    assert "26 -> 28 (+2) - Washington: Brief -> Moscow" in text and "Press Enter -> " in text


def test_lines_wrap_to_the_width_keeping_their_indent():
    """A long ledger line wraps at 80 columns; continuation lines are indented under it."""
    line = "    " + "Moscow's trust in Washington: 26 → 28 (+2) · " * 4
    pieces = wrap(line, 79)
    assert len(pieces) > 1 and all(len(p) <= 79 for p in pieces)
    assert all(p.startswith("      ") for p in pieces[1:])


def test_a_hot_seat_game_is_readable_at_80_columns():
    """Every printed line fits 80 columns, except single words longer than that (paths)."""
    con, out = console("\n" + "\ndone\ny\n" * 3, width=79)
    game = TextGame(session(humans=SC.role_ids, rounds=1), con)
    game.run()
    long = [line for line in out.getvalue().splitlines() if len(line) > 80]
    assert long == []


def test_clear_wipes_screen_and_scrollback_on_a_terminal():
    """On a terminal a clear erases the screen first and then the scrollback."""
    out = Terminal()
    Console(io.StringIO(), out, interactive=True).clear()
    assert out.getvalue() == CLEAR
    assert CLEAR.index("\033[2J") < CLEAR.index("\033[3J")


# --- privacy ------------------------------------------------------------------------------

PRIVATE = ("Briefing for", "Your private objectives", "Pick a number")


def test_nothing_private_survives_a_hand_off():
    """Emulating a terminal's scrollback (all text after the last clear): whenever a hand-off
    prompt shows, no team's private screen is left to scroll back to."""
    out = Terminal()
    con = Console(ScriptedRoom(lambda team, rnd: ["1"], out), out, interactive=True)
    game = TextGame(session(humans=SC.role_ids, rounds=2), con)
    game.run()
    screens = out.getvalue().split(CLEAR)
    hand_offs = [s for s in screens if "Pass to the" in s]
    assert len(hand_offs) == 6
    for screen in hand_offs:
        before_prompt = screen.split("press Enter when only your team")[0]
        assert not any(p in before_prompt for p in PRIVATE), before_prompt
    private = [s for s in screens if "Your private objectives" in s]
    assert len(private) == 6 and all(s.count("Your private objectives") == 1 for s in private)


def test_a_private_screen_is_wiped_when_input_ends_mid_turn():
    """If input ends during a team's turn, its screen is cleared before the program stops."""
    out = Terminal()
    con = Console(io.StringIO("\n\n1\n"), out, interactive=True)
    game = TextGame(session(humans=SC.role_ids, rounds=1), con)
    with pytest.raises(EndOfInput):  # which main turns into a one-line message
        game.run()
    assert out.getvalue().endswith(CLEAR)


# --- orders -------------------------------------------------------------------------------------

def test_an_empty_line_never_sends_orders():
    """Enter at the pick prompt only shows the help; orders go after 'done' and a 'y'."""
    con, out = console("\n\n\n1\n\ndone\n\ny\n")
    s = session()
    game = TextGame(s, con)
    game._human_turn("washington")
    text = out.getvalue()
    assert text.count("Type a number to pick it") >= 3
    assert s.state.orders["washington"] == (full_menu(SC, "washington")[0],)
    assert text.count("Please answer y (yes) or n (no).") == 1


@pytest.mark.parametrize("typed", ["²", "١", "\x1b[A", "\x00", "3²", "", "-1", "999999", "１",
                                   "brief_plans@kremlin", "done now", "🙂"])
def test_odd_input_gets_a_new_prompt(typed):
    """Non-ASCII digits, control characters and nonsense are refused with a clear prompt."""
    con, out = console(f"{typed}\ndone\ny\n")
    s = session()
    TextGame(s, con)._human_turn("washington")
    assert s.state.orders["washington"] == ()
    assert out.getvalue().count("Pick a number") == 2


def test_menu_numbers_mean_the_same_action_every_round():
    """Every round lists the same numbered menu; closed items are listed with a reason, not dropped."""
    out = io.StringIO()
    room = ScriptedRoom(lambda team, rnd: ["1", "12"] if team == "Washington" else [], out)
    s = session(humans=SC.role_ids, rounds=3)
    TextGame(s, Console(room, out, interactive=False)).run()
    turns = [part.split("Pass to the ")[0] for part in out.getvalue().split("Pass to the Washington team.")
             if "Picked: nothing yet" in part.split("Pass to the ")[0]]
    menus = [re.findall(r"^ +(\d+)\. \[\d pt\] (.+?)(?:  \(|$)", turn, re.MULTILINE) for turn in turns]
    menu = full_menu(SC, "washington")
    assert len(menus) == 3 and all(m == [(str(i), render.action_label(SC, a))
                                         for i, a in enumerate(menu, 1)] for m in menus)
    assert "(not available:" in out.getvalue() and s.state.over
    picked = (menu[0], menu[11])
    assert all(tuple(a for a in r.orders if a.role == "washington") == picked for r in s.state.records)


def test_teaching_notes_come_with_the_first_menu_and_on_request():
    """A team's first menu carries the teaching notes; later ones are short, and 'info N' reads one."""
    con, out = console("done\ny\n")
    s = session(rounds=2)
    game = TextGame(s, con)
    game._human_turn("washington")
    note = " ".join(SC.action(full_menu(SC, "washington")[2].action_id).teaching_note.split())
    assert note in out.getvalue()
    s.play_ai()
    assert (s.state.round, s.state.phase) == (2, "orders")
    game.io = console("info 3\ninfo\nINFO 99\ndone\ny\n")[0]
    game._human_turn("washington")
    text = game.io.out.getvalue()
    assert text.count(note) == 1 and "3. " + render.action_label(SC, full_menu(SC, "washington")[2]) in text
    assert text.count("Type 'info' and a number from 1 to") == 2


# --- facilitator ------------------------------------------------------------------------------

def test_facilitator_commands_ignore_case_and_show_the_event_card():
    """'EVENT' lists events by title; 'Event 2' brings in the second and shows its card."""
    s = session()
    con, out = console("EVENT\nEvent 2\n\n")
    game = TextGame(s, con)
    assert game._open_round() is None
    text = out.getvalue()
    second = SC.events[1]
    assert f" 2. {second.title}" in text
    assert f"EVENT brought in by the facilitator: {second.title}" in text
    assert " ".join(second.text.split()) in text
    assert second.id in s.state.fired


def test_an_event_that_happened_is_marked_and_refused_in_one_line():
    """The event list marks the events that already happened; bringing one in again is
    refused in one line and changes nothing."""
    s = session()
    opening = next(i for i, e in enumerate(SC.events, 1) if e.id == s.state.event)
    con, out = console(f"event {opening}\nevent\n\n")
    game = TextGame(s, con)
    before = list(s.state.ledger)
    assert game._open_round() is None
    text = out.getvalue()
    title = SC.events[opening - 1].title
    refusals = [line for line in text.splitlines() if line.startswith("Not possible:")]
    assert refusals == [f"Not possible: {title!r} has already happened this round"]
    assert f"{opening:2}. {title} (already happened this round)" in text
    assert s.state.ledger == before


def test_solo_play_gets_a_simple_prompt_with_every_command_still_there():
    """One human team sees 'Enter: next round | quit | help' between rounds, not the
    facilitator's line; 'help' shows the facilitator's commands, which all still work."""
    s = session()
    con, out = console("help\nevent 2\n\n")
    assert TextGame(s, con)._open_round() is None
    text = out.getvalue()
    assert SOLO_HELP in text and "\n> " in text and "Facilitator > " not in text
    assert text.index(SOLO_HELP) < text.index(FACILITATOR_HELP)  # shown on request only
    assert SC.events[1].id in s.state.fired


def test_a_room_of_teams_gets_the_facilitator_prompt():
    """With more than one human team the facilitator's commands are listed at once."""
    s = session(humans=("washington", "moscow"))
    con, out = console("\n")
    assert TextGame(s, con)._open_round() is None
    text = out.getvalue()
    assert FACILITATOR_HELP in text and "Facilitator > " in text and SOLO_HELP not in text


def test_end_and_undo_ask_first():
    """'end' and 'undo' do nothing until confirmed; a confirmed 'End' ends the game."""
    s = session()
    s.play_ai()  # nothing: Washington is human
    con, out = console("end\nn\nUNDO\nEnd\nmaybe\ny\n")
    game = TextGame(s, con)
    assert game._open_round() is None
    text = out.getvalue()
    assert "The game goes on." in text and "There is no finished round to undo." in text
    assert "Please answer y (yes) or n (no)." in text and s.state.over


def test_undo_asks_before_going_back():
    s = session(humans=())
    s.play_ai(one_round=True)
    s.seats["washington"] = Seat(True)
    con, out = console("undo\nn\nundo\ny\n\n")
    game = TextGame(s, con)
    game._facilitator()
    assert "Nothing was undone." in out.getvalue() and s.state.round == 1 and not s.state.records


# --- the end and the debrief --------------------------------------------------------------------

def test_end_screen_lists_commitments_still_running():
    """Commitments that have not run their term show on the end screen as still running."""
    s = session()
    s.submit(Orders("washington", (Action("washington", "political_assurance", "moscow"),)))
    s.play_ai(one_round=True)
    s.end_now()
    running = [c for c in s.state.commitments if c.status == "active"]
    lines = "\n".join(render.end_screen(s.outcome(), SC, s.view(None)))
    assert running
    for c in running:
        assert f"still running: {c.name}" in lines


def test_debrief_of_an_unfinished_game_is_public_unless_full():
    """Stopped mid-game, the debrief shows support as ranges and no support ledger;
    --full shows every team's exact support and its ledger."""
    s = session(humans=(), rounds=6)
    for _ in range(3):
        s.play_ai(one_round=True)
    assert not s.state.over
    support = [e for e in s.state.ledger if e.meter.startswith("support.")]
    assert support
    public, full = debrief_html(s), debrief_html(s, full=True)
    for e in support:
        assert escape(ledger_line(SC, e)) not in public
        assert escape(ledger_line(SC, e)) in full
    assert "somewhere in" in public and "--full" in public
    for role in SC.role_ids:
        assert f"({SC.role(role).name}): {s.state.support[role]}</li>" in full
