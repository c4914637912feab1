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
    """`moscow:brief_plans@nato: why` reads as the action's name, with role names."""
    from game.ui.play.text import note_line
    sc = _scenario()
    a, b = sc.role_ids[:2]
    action = next(x for x in sc.actions if x.family == "transparency")
    line = note_line(sc, a, f"{a}:{action.id}@{b}: trust in {b} 30")
    assert line == f"{sc.role(a).name} · {action.name} → {sc.role(b).name}: " \
        f"trust in {sc.role(b).name} 30"
    assert ":" + action.id not in line


def test_ai_answer_and_plain_reasoning():
    """An answer names whose offer it answers; text without an action is kept, with names."""
    from game.ui.play.text import note_line
    sc = _scenario()
    a, b = sc.role_ids[:2]
    action = next(x for x in sc.actions if x.offer)
    line = note_line(sc, b, f"{a}:{action.id}@{b}: accepts")
    assert line == f"{sc.role(b).name}, answering {sc.role(a).name}: accepts"
    assert note_line(sc, a, f"waits: {b} is silent") == \
        f"{sc.role(a).name}: waits: {sc.role(b).name} is silent"
