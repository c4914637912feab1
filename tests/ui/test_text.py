"""Words for ids, and scenario text reflowed for the window."""

from game.ui.play.text import prose


def test_prose_joins_lines_and_keeps_paragraphs():
    """YAML block text: single breaks become spaces, blank lines separate paragraphs."""
    assert prose("One line\nand the next.\n\nA new  paragraph\n  here.\n") == \
        "One line and the next.\nA new  paragraph here."


def _scenario():
    from game.ui import services
    return services.load_scenario(services.scenario_files()[0][0])


def test_ai_reasoning_names_the_action_in_words():
    """An order's reasoning reads as the action's name, with role names, never ids."""
    from game.model.results import Reason, ReasonKind
    from game.session.session import Note
    from game.ui.play.text import note_line
    sc = _scenario()
    a, b = sc.role_ids[:2]
    action = next(x for x in sc.actions if x.family == "transparency")
    note = Note(1, a, f"{a}:{action.id}@{b}", Reason(ReasonKind.DOOR_OPEN, (b, 30)))
    line = note_line(sc, a, note)
    assert line == f"{sc.role(a).name} · {action.name} → {sc.role(b).name}: keeps the door " \
        f"open to {sc.role(b).name} after a quiet round: trust in {sc.role(b).name} 30"
    assert ":" + action.id not in line


def test_ai_answer_and_plain_reasoning():
    """An answer names whose offer it answers; a choice to give no order names the delegation."""
    from game.model.results import Reason, ReasonKind
    from game.session.session import Note
    from game.ui.play.text import note_line
    sc = _scenario()
    a, b = sc.role_ids[:2]
    action = next(x for x in sc.actions if x.offer)
    note = Note(1, b, f"{a}:{action.id}@{b}", Reason(ReasonKind.ACCEPTS_FREELY, (a, 40)))
    assert note_line(sc, b, note) == (
        f"{sc.role(b).name}, answering {sc.role(a).name}: accepts {sc.role(a).name}'s offer "
        f"'{action.name}' without conditions: trust in {sc.role(a).name} 40")
    wait = Note(1, a, None, Reason(ReasonKind.WAITS_FOR_MOVE, (41,)))
    assert note_line(sc, a, wait) == f"{sc.role(a).name}: waits for a move to answer: tension 41"
