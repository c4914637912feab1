"""Scenario loading: schema errors and hostile files become located problems, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring import loader
from game.authoring.loader import Problem, ScenarioError, load_scenario, load_scenario_text

FIXTURES = Path(__file__).parent / "fixtures"
VALID_PATH = FIXTURES / "valid.yaml"
VALID = VALID_PATH.read_text(encoding="utf-8")


def variant(old: str, new: str, text: str = VALID) -> str:
    """The valid scenario with one exact snippet replaced."""
    assert text.count(old) == 1, f"snippet {old!r} must occur exactly once"
    return text.replace(old, new)


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column where the nth occurrence of needle starts."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def problems(text: str | bytes, *, lint: bool = True) -> list[Problem]:
    """Every problem loading the text reports."""
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "s.yaml", lint=lint)
    return info.value.problems


def one(text: str | bytes, *, lint: bool = True) -> Problem:
    """The single problem loading the text reports."""
    found = problems(text, lint=lint)
    assert len(found) == 1, [p.text() for p in found]
    return found[0]


def pos(problem: Problem) -> tuple[int, int]:
    """A problem's line and column."""
    return problem.line, problem.col


# --- The valid fixture and the error format. ---

def test_valid_fixture_loads():
    """The two-role fixture loads, lints clean, and keeps its role ids."""
    scenario = load_scenario(VALID_PATH)
    assert scenario.role_ids == ("north", "south")


def test_problem_text_format():
    """A problem prints as FILE:LINE:COL: path: message."""
    assert Problem("a.yaml", 3, 7, "actions[3].cost", "too high").text() == \
        "a.yaml:3:7: actions[3].cost: too high"


def test_scenario_error_is_value_error_listing_problems():
    """ScenarioError is a ValueError whose text is one problem per line."""
    error = ScenarioError([Problem("b.yaml", 2, 1, "<root>", "y"), Problem("a", 1, 1, "x", "z")])
    assert isinstance(error, ValueError)
    assert str(error) == "a:1:1: x: z\nb.yaml:2:1: y"


def test_dotted_paths():
    """Paths read as `roles[0].objectives[1].when`, and `<root>` when empty."""
    assert loader.dotted(("roles", 0, "objectives", 1, "when")) == "roles[0].objectives[1].when"
    assert loader.dotted(()) == "<root>"


# --- Schema errors, located. ---

def test_unknown_key_points_at_key_and_suggests():
    """An unknown key is reported at the key, with the closest allowed name."""
    text = variant("    effects:\n      - {trust: 3", "    efects:\n      - {trust: 3")
    p = one(text)
    assert pos(p) == at(text, "efects")
    assert p.path == "actions[0].efects"
    assert p.message == "unknown key 'efects'; did you mean 'effects'?"


def test_unknown_key_without_close_match_lists_allowed():
    """An unknown key that resembles nothing lists the allowed keys."""
    text = variant("rounds: 6\n", "rounds: 6\nzzz: 1\n")
    p = one(text)
    assert pos(p) == at(text, "zzz")
    assert "unknown key 'zzz'; allowed keys: id, title" in p.message


def test_from_underscore_is_unknown():
    """Trust seeds are written `from:`; `from_:` is an unknown key (and not also a missing one)."""
    text = variant("{from: north", "{from_: north")
    p = one(text)
    assert (p.path, pos(p)) == ("rules.start_trust[0].from_", at(text, "from_"))
    assert p.message == "unknown key 'from_'; did you mean 'from'?"


def test_missing_key_kept_when_no_misspelling_explains_it():
    """A missing key is still reported when no unknown key looks like it."""
    text = variant("{from: north", "{zzz: north")
    assert [p.path for p in problems(text)] == ["rules.start_trust[0]", "rules.start_trust[0].zzz"]


def test_value_out_of_range_points_at_value():
    """A number out of range is reported at the value, naming the limit."""
    text = variant("cost: 2\n    description: Offer to exchange",
                   "cost: 5\n    description: Offer to exchange")
    p = one(text)
    assert (p.path, pos(p)) == ("actions[1].cost", at(text, "5\n    description: Offer"))
    assert p.message == "must be at most 2, got the number 5"


def test_literal_lists_allowed_values():
    """A wrong family lists every allowed family and suggests the closest."""
    text = variant("family: home_front", "family: home front")
    p = one(text)
    assert pos(p) == at(text, "home front")
    assert "transparency, assurance, cooperation, pressure, home_front" in p.message
    assert p.message.endswith("did you mean 'home_front'?")


def test_missing_key_points_at_containing_mapping():
    """A missing key is reported at the mapping that should hold it, with its meaning."""
    text = variant("  start_tension: 40\n", "")
    p = one(text)
    assert (p.path, pos(p)) == ("rules", at(text, "rules:"))
    assert p.message == "missing required key 'start_tension' (Tension at the start.)"


def test_missing_key_in_list_item():
    """A missing key in a list item is reported at that item."""
    text = variant("    teaching_note: Waiting is a choice too.\n", "")
    p = one(text)
    assert (p.path, pos(p)) == ("actions[6]", at(text, "id: wait"))
    assert "missing required key 'teaching_note'" in p.message


def test_bad_id_pattern():
    """An id with capitals is reported at the value with the rule for ids."""
    text = variant("  - id: north\n", "  - id: North\n")
    found = problems(text, lint=False)
    assert [(p.path, pos(p)) for p in found] == [("roles[0].id", at(text, "North\n    name"))]
    assert "lower-case letters, digits and underscores" in found[0].message


def test_model_rule_error_points_at_item():
    """A rule across fields (one effect kind only) is reported at the effect."""
    text = variant("{tension: -3}", "{tension: -3, support: 2}")
    p = one(text)
    assert (p.path, pos(p)) == ("events[0].effects[0]", at(text, "{tension: -3, support"))
    assert p.message.startswith("an effect sets exactly one of")


def test_number_where_text_expected():
    """A number where text belongs says to quote it."""
    text = variant("title: Border Talks", "title: 2011")
    p = one(text)
    assert (p.path, pos(p)) == ("title", at(text, "2011"))
    assert "put it in quotes" in p.message


def test_date_becomes_plain_text():
    """A YAML date where text is expected loads as its ISO text."""
    scenario = load_scenario_text(variant("title: Border Talks", "title: 2011-11-13"), "s.yaml")
    assert scenario.title == "2011-11-13"


def test_scalar_where_mapping_expected():
    """A number where a mapping belongs says a mapping is expected."""
    text = variant("rules:\n", "rules: 5\nold_rules:\n")
    found = problems(text)
    assert (found[0].path, pos(found[0])) == ("rules", at(text, "5\nold_rules"))
    assert "expected a mapping" in found[0].message


def test_bad_dict_key_points_at_key():
    """A bad key in ending points is reported at the key itself."""
    text = variant("{north: 10, south: 10}", "{North: 10, south: 10}")
    p = one(text)
    assert (p.path, pos(p)) == ("endings[1].points.North", at(text, "North: 10"))


def test_all_errors_at_once():
    """Every schema error in a file is reported in one go, in file order."""
    text = variant("cost: 2\n    description: Offer to exchange",
                   "cost: 0\n    description: Offer to exchange")
    text = variant("family: home_front", "family: home", text)
    text = variant("rounds: 6", "rounds: many", text)
    found = problems(text)
    assert [p.path for p in found] == ["rounds", "actions[1].cost", "actions[6].family"]
    assert found[0].message == "expected a whole number, got the text 'many'"


def test_lint_runs_on_load_unless_disabled():
    """load_scenario lints by default; lint=False checks the schema only."""
    text = variant("establishes: data_swap", "establishes: data_swop")
    assert "unknown milestone 'data_swop'" in " ".join(p.message for p in problems(text))
    assert load_scenario_text(text, "s.yaml", lint=False).actions[1].establishes == "data_swop"


# --- Hostile files. ---

def test_unclosed_list_is_reported_where_it_opens():
    """An unclosed [ is reported where it opens (its cause), not where YAML noticed."""
    p = one("id: x\na: [1\nb: 2\n")
    assert (pos(p), p.path, p.code) == ((2, 4), "<root>", "yaml-flow")


def test_second_document_is_named():
    """A second YAML document ('---') is reported at its marker, with what to do."""
    p = one("id: x\n---\nb: 1\n")
    assert (pos(p), p.code) == ((2, 1), "yaml-syntax") and "remove this '---' line" in p.message


def test_tagged_list_is_located_without_a_traceback():
    """A list built through an explicit tag still gets located problems."""
    found = problems("id: x\nb: !!seq\n  - 1\n")
    assert found and all(p.line >= 1 for p in found)


def test_tab_after_a_colon():
    """A tab where YAML expects a space is located, and the fix named."""
    p = one("id: x\nrules:\tb\n")
    assert (pos(p), p.code) == ((2, 7), "yaml-tab")
    assert "replace the tab with a space" in p.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n# and another\n"])
def test_empty_file(text):
    """An empty or comment-only file says it holds no scenario."""
    p = one(text)
    assert (pos(p), p.path) == ((1, 1), "<root>")
    assert p.message.startswith("the file holds no scenario")


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "a list"),
                                            ("hello\n", "the text 'hello'"),
                                            ("42\n", "the number 42")])
def test_top_level_not_a_mapping(text, what):
    """A top-level list or scalar is refused, naming what was found."""
    p = one(text)
    assert pos(p) == (1, 1)
    assert p.message.startswith(f"the file holds {what}, but a scenario is a mapping")


def test_invalid_utf8_is_located():
    """Bytes that are not UTF-8 are reported at their line and column."""
    p = one(b"id: x\ntitle: ab\xff\xfe\n")
    assert pos(p) == (2, 10)
    assert "byte 0xff is not UTF-8" in p.message


def test_binary_file():
    """A binary file (PNG header) is refused with a located message."""
    p = one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert pos(p) == (1, 1)
    assert "not UTF-8" in p.message


def test_nul_byte():
    """A NUL byte is reported where it sits."""
    p = one("id: x\ntitle: a\x00b\n")
    assert pos(p) == (2, 9)
    assert "NUL byte" in p.message


def test_control_character():
    """Other control characters are refused where they sit."""
    p = one("id: x\ntitle: a\x07b\n")
    assert pos(p) == (2, 9)
    assert "unprintable character U+0007" in p.message


def test_utf8_bom_is_accepted():
    """A UTF-8 byte order mark, as some editors write, is fine."""
    scenario = load_scenario_text(b"\xef\xbb\xbf" + VALID.encode(), "s.yaml")
    assert scenario.id == "border_talks"


def test_alias_bomb_is_refused():
    """A billion-laughs alias bomb is refused at its first anchor, without expanding."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    p = one("\n".join(lines) + "\n")
    assert pos(p) == (1, 4)
    assert "anchors and aliases" in p.message


def test_alias_is_refused():
    """A plain alias to a scalar is refused at the alias."""
    p = one("id: x\ntitle: *t\n")
    assert pos(p) == (2, 8)
    assert "anchors and aliases" in p.message


def test_merge_key_is_refused():
    """A merge key needs an anchor, and anchors are refused."""
    p = one("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert pos(p) == (1, 7)


def test_duplicate_key():
    """A key given twice is reported at the second one, by name."""
    text = variant("rounds: 6\n", "rounds: 6\nrounds: 7\n")
    p = one(text)
    assert pos(p) == at(text, "rounds", 1)
    assert p.message == "duplicate key 'rounds': each key may appear only once in a mapping"


def test_deep_flow_nesting_is_refused_quickly():
    """Very deep nesting is refused before ruamel spends minutes on it."""
    p = one("a: " + "[" * 100_000 + "]" * 100_000)
    assert pos(p) == (1, 4 + loader.MAX_DEPTH - 1)
    assert "nests deeper than" in p.message


def test_deep_block_nesting_is_refused():
    """Deep block nesting is refused too, at the first level too deep."""
    p = one("".join("  " * i + f"k{i}:\n" for i in range(100)))
    assert p.line == loader.MAX_DEPTH
    assert "nests deeper than" in p.message


def test_huge_text_is_refused():
    """Text over the size cap is refused unparsed."""
    p = one(b"a: 1\n" + b"#" * (loader.MAX_BYTES + 1))
    assert pos(p) == (1, 1)
    assert "larger than" in p.message


def test_huge_file_is_refused(tmp_path):
    """A file over the size cap is refused without reading it whole."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (loader.MAX_BYTES + 10))
    with pytest.raises(ScenarioError) as info:
        load_scenario(big)
    assert info.value.problems[0].text().startswith(f"{big}:1:1: the file is larger")


def test_missing_file_names_it(tmp_path):
    """A missing file is an error naming the file."""
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.yaml")
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}:1:1: no such file [file]"


def test_directory_is_refused(tmp_path):
    """A directory is an error naming it."""
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path)
    assert str(info.value) == \
        f"{tmp_path}:1:1: this is a directory, not a scenario file [file]"


def test_custom_tag_is_refused():
    """A custom or Python tag is refused where it sits."""
    p = one("id: x\nt: !!python/object:os.system ls\n")
    assert pos(p) == (2, 4)
    assert "is not allowed" in p.message


def test_core_tag_is_accepted():
    """A YAML core tag such as !!str is fine."""
    scenario = load_scenario_text(variant("title: Border Talks", "title: !!str 2011"), "s.yaml")
    assert scenario.title == "2011"


def test_two_documents():
    """A second YAML document in the file is a located error."""
    p = one("id: x\n---\nid: y\n")
    assert pos(p) == (2, 1)
    assert "one YAML document" in p.message


def test_huge_integer():
    """An integer too long for Python is an error, not a traceback."""
    p = one("id: x\nrounds: " + "9" * 5000 + "\n")
    assert p.message.startswith("cannot read the YAML")


def test_complex_key():
    """A list used as a key is an unknown key, not a crash."""
    found = problems("? [a, b]\n: 1\n")
    assert any("unknown key" in p.message and pos(p) == (1, 3) for p in found)


@pytest.mark.parametrize("char", ["\x81", "\ud800", "\ufffe"])
def test_unprintable_characters(char):
    """Characters YAML cannot hold are refused where they sit, with their code."""
    p = one(f"id: x\ntitle: ab{char}\n")
    assert pos(p) == (2, 10)
    assert f"U+{ord(char):04X}" in p.message


# --- Fuzzing: whatever the input, a Scenario or located problems, never a traceback. ---

def load_or_problems(data: str | bytes) -> None:
    """Load the data; if it fails, every problem must be located inside the text."""
    try:
        load_scenario_text(data, "f.yaml")
    except ScenarioError as exc:
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        assert exc.problems
        for p in exc.problems:
            assert 1 <= p.line <= text.count("\n") + 2 and p.col >= 1, p.text()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_traceback(data):
    """Random bytes load or fail with located problems."""
    load_or_problems(data)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 :-[]{},#&*!|>'\"\n\t\x00é")), max_size=200))
def test_random_yamlish_text_never_traceback(text):
    """Random text made of YAML punctuation loads or fails with located problems."""
    load_or_problems(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_valid_scenario_never_traceback(data):
    """The valid fixture with one line deleted, repeated, re-indented or garbled never crashes
    the loader or lint."""
    lines = VALID.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["delete", "repeat", "dedent", "indent", "garble"]))
    if how == "delete":
        lines[i] = ""
    elif how == "repeat":
        lines[i] = lines[i] * 2
    elif how == "dedent":
        lines[i] = lines[i].removeprefix("  ")
    elif how == "indent":
        lines[i] = "  " + lines[i]
    else:
        col = data.draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:col] + data.draw(st.text(alphabet="ab: -[]{}&*!x0", max_size=4)) \
            + lines[i][col:]
    load_or_problems("".join(lines))


def test_keys_equal_as_text_are_duplicates():
    """`1:` and `"1":` are one key in a scenario, so the second is a duplicate."""
    p = one('id: x\n1: a\n"1": b\n')
    assert pos(p) == (3, 1)
    assert p.message.startswith("duplicate key '1'")


def test_ruamel_crash_is_a_problem():
    """A value that crashes ruamel itself (`+_`, found by fuzzing) is a problem, not a traceback."""
    p = one("id: +_\n")
    assert p.message.startswith("cannot read the YAML (IndexError")


# --- YAML mistakes, diagnosed at their cause in plain words. ---

@pytest.mark.parametrize("text, code, where, words", [
    ("id: a\ntext: Note: this is it\nb: 1\n", "yaml-colon", (2, 7), 'text: "Note: this is it"'),
    ("id: a\nroles:\n\t- id: b\n", "yaml-tab", (3, 1), "replace the tab with spaces"),
    ("roles:\n  - id: a\n  -id: b\n", "yaml-space-after-dash", (3, 4), "write '- id: b'"),
    ("id: a\nname:Washington\nrounds: 3\n", "yaml-space-after-colon", (2, 6),
     "write 'name: Washington'"),
    ("summary: |\nThis is not indented.\nrounds: 3\n", "yaml-block-indent", (2, 1),
     "indent this line"),
    ("roles:\n  - id: a\n  \u00a0 name: x\n", "yaml-invisible", (3, 3),
     "no-break space (U+00A0)"),
    ("id:\u00a0a\nrounds: 3\n", "yaml-invisible", (1, 4), "U+00A0"),
    ("title: \"unclosed\nrounds: 3\n", "yaml-quote", (1, 8), "never closed"),
    ("id: a\n  rounds: 3\n", "yaml-indent", (2, 3), "line its key up"),
    ("id: a\ntext: 'It's here'\nrounds: 3\n", "yaml-quote", (2, 7), "ends early"),
    ("id: a\ntext: @home is here\n", "yaml-special-char", (2, 7), "put the whole text in quotes"),
    ("id: a\nroles: [a, b\nrounds: 3\n", "yaml-flow", (2, 8), "add ']'"),
    ("id: a\nsummary: - the talks\n", "yaml-special-char", (2, 10), "start the list on the next"),
    ("id: a\ntext: x\u200b: y\n", "yaml-invisible", (2, 8), "zero width space (U+200B)"),
])
def test_yaml_mistakes_are_named_at_their_cause(text, code, where, words):
    """Each usual YAML mistake gets its own code, the line and column of its cause, a fix."""
    p = one(text)
    assert (p.code, pos(p)) == (code, where), p.text()
    assert words in p.message


def _line_of(start: str) -> int:
    """The number of the first line of the default scenario that starts with `start`
    (after its indent), so the tests follow the file as it is edited."""
    from tests.ai.conftest import DEFAULT

    lines = DEFAULT.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith(start))


def _slipped(*slips: tuple[int, str, str]) -> str:
    """The default scenario with each (line, old, new) replaced on its line."""
    from tests.ai.conftest import DEFAULT

    lines = DEFAULT.read_text(encoding="utf-8").split("\n")
    for n, old, new in slips:
        assert old in lines[n - 1], (n, lines[n - 1])
        lines[n - 1] = lines[n - 1].replace(old, new, 1)
    return "\n".join(lines)


TENSION = _line_of("start_tension: 50")
ROUNDS = _line_of("rounds: ")
ESTABLISHES = _line_of("establishes:")
BRIEFINGS = _line_of("description: Put the briefings")


def test_every_yaml_slip_is_reported_in_one_run_in_file_order():
    """A missing space after ':', a tab and an unquoted ': ' far apart all come in one run,
    the first one first, and nothing else is reported."""
    text = _slipped((TENSION, "start_tension: 50", "start_tension:50"),
                    (ESTABLISHES, "    establishes:", "\testablishes:"),
                    (BRIEFINGS, "description: Put the briefings",
                     "description: Note: put the briefings"))
    found = problems(text)
    assert [(p.line, p.code) for p in found] == [
        (TENSION, "yaml-space-after-colon"), (ESTABLISHES, "yaml-tab"), (BRIEFINGS, "yaml-colon")]
    assert all(p.path == "<root>" and "<root>" not in p.text() for p in found)


def test_parser_error_the_scan_cannot_see_comes_first_when_it_is_first():
    """An unclosed list before a slip the scan sees: both are reported, in file order."""
    text = _slipped((ROUNDS, "rounds: 10", "rounds: [10"), (BRIEFINGS, "description: Put",
                                                            "description: Note: put"))
    found = problems(text)
    assert [(p.line, p.code) for p in found] == [(ROUNDS, "yaml-flow"), (BRIEFINGS, "yaml-colon")]


def test_shipped_scenarios_give_the_scan_nothing_to_report():
    """The scan never flags a line of a valid file (it runs only when the parser fails,
    but a false alarm would then be reported as a mistake)."""
    from game.authoring.yaml_scan import scan

    for path in sorted(FIXTURES.parent.parent.parent.joinpath("scenarios").glob("*.yaml")):
        assert scan(path.read_text(encoding="utf-8")) == [], path


def test_block_text_and_quoted_text_over_lines_are_not_scanned():
    """Text under `key: |`, inside quotes or brackets over several lines may hold anything."""
    from game.authoring.yaml_scan import scan

    text = ("a: |\n  Note: x\n  -b\nb: \"one\n  two: three\"\nc: [1,\n  d: e]\n"
            "e: f\nsummary: |\nNot indented\nStill not\n")
    assert [(n, code) for code, _m, n, _c in scan(text)] == [(10, "yaml-block-indent")]


# --- Schema and cross-reference errors in one run. ---

def test_value_errors_do_not_hide_reference_errors():
    """A bad value and an unknown id elsewhere are both reported in one run."""
    text = variant("cost: 2\n    description: Offer to exchange",
                   "cost: 7\n    description: Offer to exchange")
    text = variant("broken_by: [criticise]", "broken_by: [critcise]", text)
    found = problems(text)
    assert [p.code for p in found] == ["out-of-range", "unknown-action"]


def test_inconsistent_item_does_not_hide_reference_errors():
    """An item whose fields contradict each other still lets the rest be checked."""
    text = variant("    offer: true\n    establishes: data_swap\n", "    establishes: data_swap\n")
    text = variant("roles: [south]", "roles: [soth]", text)
    assert [p.code for p in problems(text)] == ["inconsistent", "unknown-role"]


def test_stand_ins_make_no_follow_on_errors():
    """A round count out of range does not also make events 'after the last round'."""
    text = variant("rounds: 6", "rounds: 0")
    assert [p.code for p in problems(text)] == ["out-of-range"]


@pytest.mark.parametrize("old, new, words", [
    ("cost: 1\n    description: Share", 'cost: "1"\n    description: Share', "without quotes"),
    ("    concession: true\n    effects:\n      - {trust: 3",
     "    concession: yes\n    effects:\n      - {trust: 3", "write true"),
    ("    concession: true\n    effects:\n      - {trust: 3",
     '    concession: "true"\n    effects:\n      - {trust: 3', "write true"),
])
def test_types_are_strict_like_the_schema(old, new, words):
    """Quoted numbers and yes/no are refused, as the JSON Schema refuses them."""
    p = one(variant(old, new))
    assert p.code == "wrong-type" and words in p.message


def test_one_bad_id_written_twice_is_one_problem():
    """The same invalid id in two places is one problem, the second folded under the first."""
    text = variant("  - id: data_swap\n", "  - id: Data-Swap\n")
    text = variant("establishes: data_swap", "establishes: Data-Swap", text)
    found = problems(text)
    assert [p.code for p in found] == ["bad-id"], [p.text() for p in found]
    assert [p.code for p in found[0].folded] == ["bad-id"]


def test_the_same_wrong_value_in_many_places_is_one_problem():
    """`yes` for true written twice is one problem, the second folded under it."""
    text = VALID.replace("    offer: true\n", "    offer: yes\n")
    assert text.count("offer: yes") == 2
    found = problems(text)
    assert [p.code for p in found] == ["wrong-type"] and len(found[0].folded) == 1


def test_bad_aims_do_not_hide_reference_errors():
    """An action whose aims contradict its target still lets the rest be checked."""
    text = variant("    target: role\n    concession: true\n    effects:\n      - {trust: 3",
                   "    target: none\n    aims: {north: [south]}\n    concession: true\n    effects:\n"
                   "      - {trust: 3")
    text = variant("roles: [south]", "roles: [soth]", text)
    assert [p.code for p in problems(text)] == ["inconsistent", "unknown-role"]


def test_wrong_shape_says_what_the_key_holds():
    """`repeat_decay: 50` says the list it wants: what it holds and an example."""
    p = one(variant("  drift_max: 5\n", "  drift_max: 5\n  repeat_decay: 50\n"))
    assert (p.code, p.path) == ("wrong-type", "rules.repeat_decay")
    assert p.message == ("expected a list (one '- ' item per line), got the number 50; "
                         "repeat_decay holds: percent earned by the 1st, 2nd, ... repeat of the "
                         "same concession, for example [100, 60, 35, 20]")
