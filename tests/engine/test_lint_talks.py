"""Lint of the talks (`negotiation:`): each fault reported with its code where it is written."""

from __future__ import annotations

import io

from game.authoring.check import run_check
from game.authoring.codes import CODES
from game.authoring.lint import unfold
from tests.engine.test_lint import inside, lint_of, pos
from tests.engine.test_loader import VALID, at, variant

#: Two issues of two options each for the two-role fixture: North prefers no assurance and
#: no exchange, South both; several packages beat both walk-away values.
NEGOTIATION = """negotiation:
  issues:
    - id: assurance
      name: The assurance
      options:
        - id: none
          name: No assurance
          values: {north: 6, south: -4}
        - id: written
          name: A written assurance
          values: {north: -2, south: 8}
          terms:
            - {role: north, toward: south, name: No aiming, avoid: [criticise]}
          min_support: {north: 40}
          ratification: {role: north, threshold: 30}
    - id: data
      name: Data exchange
      options:
        - id: none
          name: No exchange
          values: {north: 3, south: 0}
        - id: swap
          name: Swap data
          values: {north: 1, south: 5}
          terms:
            - {role: south, toward: north, name: Brief North, do: [brief]}
  walk_away:
    north: {value: 2}
    south:
      value: 0
      changes:
        - when: {tension: {min: 60}, support: [{role: self, min: 40}]}
          amount: -3
"""
TALKS = VALID + NEGOTIATION


def talks(old: str, new: str) -> str:
    """The fixture with talks, one exact snippet replaced."""
    return variant(old, new, TALKS)


def coded(text: str, code: str) -> list:
    """Every problem of the text with this code, folded follow-ons included."""
    return [p for p in unfold(lint_of(text)) if p.code == code]


def one(text: str, code: str):
    """The single problem with this code, after checking it is the only problem at all."""
    found = unfold(lint_of(text))
    assert [p.code for p in found] == [code], [p.text() for p in found]
    return found[0]


def test_talks_fixture_is_clean():
    """The fixture with a sound negotiation has no lint problems."""
    assert lint_of(TALKS) == []


def test_every_talks_code_is_registered():
    """The talks' codes are registered, errors and warnings as documented."""
    for code in ("talks-unknown-role", "talks-unknown-action", "talks-duplicate-id",
                 "talks-walk-away", "talks-term-party"):
        assert CODES[code][0] == "error"
    for code in ("talks-no-zone", "talks-no-contest"):
        assert CODES[code][0] == "warning"


# --- Unknown roles and actions. ---

def test_unknown_role_in_values_at_its_key():
    """A role in an option's values that is not a role, at the key, with a hint."""
    text = talks("values: {north: -2, south: 8}", "values: {nort: -2, south: 8}")
    p = coded(text, "talks-unknown-role")[0]
    assert (p.path, pos(p)) == ("negotiation.issues[0].options[1].values.nort", at(text, "nort:"))
    assert p.message == "unknown role 'nort'; did you mean 'north'?"
    assert p.is_error


def test_unknown_role_in_walk_away():
    """A walk-away value keyed by a role that does not exist."""
    text = talks("    north: {value: 2}", "    west: {value: 2}")
    p = coded(text, "talks-unknown-role")[0]
    assert (p.path, pos(p)) == ("negotiation.walk_away.west", at(text, "west:"))


def test_unknown_role_in_parties():
    """A party that is not a role; the terms that bind the role it resembles fold under it."""
    text = talks("  walk_away:\n", "  parties: [north, sooth]\n  walk_away:\n")
    [p] = lint_of(text)
    assert (p.code, p.path, pos(p)) == ("talks-unknown-role", "negotiation.parties[1]",
                                        at(text, "sooth"))
    assert "did you mean 'south'?" in p.message
    assert {q.code for q in p.folded} == {"talks-term-party"}


def test_unknown_role_in_term_role_and_toward():
    """A term's role and the role it is owed to must be roles."""
    text = talks("{role: south, toward: north, name: Brief North",
                 "{role: souht, toward: nroth, name: Brief North")
    found = {p.path: pos(p) for p in coded(text, "talks-unknown-role")}
    assert found == {"negotiation.issues[1].options[1].terms[0].role": at(text, "souht"),
                     "negotiation.issues[1].options[1].terms[0].toward": at(text, "nroth")}


def test_unknown_role_in_min_support():
    """min_support is keyed by roles."""
    text = talks("min_support: {north: 40}", "min_support: {east: 40}")
    p = one(text, "talks-unknown-role")
    assert (p.path, pos(p)) == ("negotiation.issues[0].options[1].min_support.east",
                                at(text, "east"))


def test_unknown_role_in_ratification():
    """A term ratification reads the support of a role that exists."""
    text = talks("ratification: {role: north,", "ratification: {role: norht,")
    p = one(text, "talks-unknown-role")
    assert (p.path, pos(p)) == ("negotiation.issues[0].options[1].ratification.role",
                                at(text, "norht"))


def test_unknown_role_in_walk_away_change():
    """A walk-away change's condition names roles, or self."""
    text = talks("support: [{role: self, min: 40}]", "support: [{role: sud, min: 40}]")
    p = one(text, "talks-unknown-role")
    assert (p.path, pos(p)) == ("negotiation.walk_away.south.changes[0].when.support[0].role",
                                at(text, "sud"))


def test_role_word_in_walk_away_change():
    """Only `self` means something in a walk-away change."""
    text = talks("support: [{role: self, min: 40}]", "support: [{role: actor, min: 40}]")
    p = one(text, "role-word")
    assert pos(p) == inside(text, "{role: actor", "actor")


def test_unknown_action_in_do_and_avoid():
    """A term's do and avoid name actions that exist."""
    text = talks("avoid: [criticise]", "avoid: [critisize]")
    p = one(text, "talks-unknown-action")
    assert (p.path, pos(p)) == ("negotiation.issues[0].options[1].terms[0].avoid[0]",
                                at(text, "critisize"))
    assert p.message == "unknown action 'critisize'; did you mean 'criticise'?"
    text = talks("do: [brief]", "do: [breif]")
    p = one(text, "talks-unknown-action")
    assert (p.path, pos(p)) == ("negotiation.issues[1].options[1].terms[0].do[0]",
                                at(text, "breif"))


# --- Ids, parties, walk-away values. ---

def test_duplicate_issue_id():
    """Two issues share an id: reported at the second, naming the first's line."""
    text = talks("    - id: data\n", "    - id: assurance\n")
    p = one(text, "talks-duplicate-id")
    assert (p.path, pos(p)) == ("negotiation.issues[1].id",
                                inside(text, "- id: assurance", "assurance", 1))
    assert p.message == f"duplicate issue id 'assurance' (first used on line " \
                        f"{at(text, '- id: assurance')[0]})"


def test_duplicate_option_id_within_an_issue():
    """Two options of one issue share an id; the same id in another issue is fine."""
    text = talks("        - id: swap\n", "        - id: none\n")
    p = one(text, "talks-duplicate-id")
    assert (p.path, pos(p)) == ("negotiation.issues[1].options[1].id",
                                inside(text, "- id: none", "none", 2))
    assert "duplicate option id 'none'" in p.message


def test_party_without_walk_away():
    """Every role takes part when parties is empty, so each needs a walk-away value."""
    text = talks("    north: {value: 2}\n", "")
    p = one(text, "talks-walk-away")
    assert (p.path, pos(p)) == ("negotiation.walk_away", at(text, "walk_away:"))
    assert p.message.startswith("party 'north' has no walk-away value")


def test_listed_party_without_walk_away():
    """A party listed in parties without a walk-away value is reported at the party."""
    text = talks("    north: {value: 2}\n", "").replace(
        "  walk_away:\n", "  parties: [south, north]\n  walk_away:\n")
    p = one(text, "talks-walk-away")
    assert (p.path, pos(p)) == ("negotiation.parties[1]", at(text, "north]"))


def test_party_listed_twice():
    """Each party is listed once."""
    text = talks("  walk_away:\n", "  parties: [north, south, north]\n  walk_away:\n")
    p = one(text, "listed-twice")
    assert (p.path, pos(p)) == ("negotiation.parties[2]", at(text, "north]"))


# --- Terms bind parties. ---

THREE = variant("""  - id: south
    name: South
""", """  - id: east
    name: East
    description: The eastern delegation.
    domestic_label: Council
    start_support: 50
    briefing: You watch.
  - id: south
    name: South
""", TALKS).replace("points: {north: 0, south: 0}", "points: {north: 0, south: 0, east: 0}") \
    .replace("points: {north: 10, south: 10}", "points: {north: 10, south: 10, east: 1}") \
    .replace("points: {north: 2, south: 2}", "points: {north: 2, south: 2, east: 1}")


def test_three_role_fixture_with_parties_is_clean():
    """A third role that is no party to the talks needs no walk-away value."""
    text = THREE.replace("  walk_away:\n", "  parties: [north, south]\n  walk_away:\n")
    assert [p.text() for p in lint_of(text)] == []


def test_term_binding_a_non_party():
    """A term binds only parties: one binding a role outside parties can never be proposed."""
    text = THREE.replace("  walk_away:\n", "  parties: [north, south]\n  walk_away:\n") \
        .replace("{role: south, toward: north, name: Brief North",
                 "{role: east, toward: north, name: Brief North")
    p = one(text, "talks-term-party")
    assert (p.path, pos(p)) == ("negotiation.issues[1].options[1].terms[0].role",
                                inside(text, "{role: east", "east"))
    assert "not a party to the talks (north, south)" in p.message
    assert p.is_error


def test_term_owed_to_a_non_party():
    """A term owed to a role outside parties is reported at `toward`."""
    text = THREE.replace("  walk_away:\n", "  parties: [north, south]\n  walk_away:\n") \
        .replace("{role: south, toward: north, name: Brief North",
                 "{role: south, toward: east, name: Brief North")
    p = one(text, "talks-term-party")
    assert (p.path, p.line) == ("negotiation.issues[1].options[1].terms[0].toward",
                                at(text, "toward: east")[0])
    assert "is owed to 'east'" in p.message


# --- The bargain. ---

def test_no_zone_of_agreement():
    """No package is worth both walk-away values: a warning at walk_away naming the closest."""
    text = talks("      value: 0\n", "      value: 13\n")
    p = one(text, "talks-no-zone")
    assert (p.path, pos(p)) == ("negotiation.walk_away", at(text, "walk_away:"))
    assert not p.is_error
    assert "closest is assurance=written, data=swap, where north lacks 3 points" in p.message


def test_a_walk_away_value_out_of_range_is_refused_where_written_and_not_linted():
    """A walk-away value of 99 is a schema error at its line and column; the lint, which
    runs on a stand-in clamped to 40, quotes no value the file does not hold."""
    from game.authoring.loader import check_text

    text = talks("north: {value: 2}", "north: {value: 99}")
    _scenario, _source, found = check_text(text, "s.yaml")
    assert [(p.code, p.path, pos(p)) for p in found] == [
        ("out-of-range", "negotiation.walk_away.north.value", at(text, "99"))]
    assert "99" in found[0].message and "40" in found[0].message
    out = io.StringIO()
    assert run_check_text(text, out) == 2
    assert "talks-no-zone" not in out.getvalue() and "north 40" not in out.getvalue()


def run_check_text(text: str, out: io.StringIO) -> int:
    """`check` over the text, written to a file of its own."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        path.write_text(text, encoding="utf-8")
        return run_check([str(path)], out, io.StringIO())


def test_a_stand_in_keeps_reference_errors_elsewhere():
    """Warnings of the stand-in scenario are dropped, errors about ids are not."""
    from game.authoring.loader import check_text

    text = talks("north: {value: 2}", "north: {value: 99}").replace("do: [brief]", "do: [breif]")
    codes = [p.code for p in check_text(text, "s.yaml")[2]]
    assert sorted(codes) == ["out-of-range", "talks-unknown-action"]


def test_walk_away_change_does_not_hide_the_zone():
    """The zone is judged on base values: a change that holds only sometimes is no fault."""
    text = talks("amount: -3", "amount: 20")
    assert lint_of(text) == []


def test_no_contest():
    """One package is best for both parties: the talks have nothing to bargain over."""
    text = talks("values: {north: -2, south: 8}", "values: {north: 7, south: 8}") \
        .replace("values: {north: 1, south: 5}", "values: {north: 4, south: 5}")
    p = one(text, "talks-no-contest")
    assert (p.path, pos(p)) == ("negotiation.issues", inside(text, "  issues:", "issues"))
    assert "assurance=written, data=swap is the best for every party" in p.message
    assert not p.is_error


def test_term_ratification_that_never_passes():
    """A term ratification that can never pass is the existing ratification-never error."""
    text = talks("ratification: {role: north, threshold: 30}",
                 "ratification: {role: north, threshold: 100}")
    p = one(text, "ratification-never")
    assert (p.path, pos(p)) == ("negotiation.issues[0].options[1].ratification",
                                at(text, "ratification: {role: north"))
    assert "can never be ratified" in p.message


def test_check_prints_talks_problems_with_file_line_col(tmp_path):
    """`check` prints a talks fault as FILE:LINE:COL with its code, and fails."""
    text = talks("avoid: [criticise]", "avoid: [critisize]")
    path = tmp_path / "talks.yaml"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert run_check([str(path)], out=out, err=io.StringIO()) == 2
    line, col = at(text, "critisize")
    assert f"{path}:{line}:{col}: negotiation.issues[0].options[1].terms[0].avoid[0]: " \
           "unknown action 'critisize'; did you mean 'criticise'? [talks-unknown-action]" \
           in out.getvalue()


def test_the_talks_example_in_the_docs_checks_clean():
    """The `negotiation:` and `aftermath:` examples in docs/authoring.md, added to the two-role
    fixture, pass check with no problem at all: a zone of agreement and a contested one."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text()
    section = doc[doc.index("### Talks: issues, options"):doc.index("## Checking")]
    blocks = section.split("```yaml\n")[1:]
    examples = [b[:b.index("```")] for b in blocks]
    assert [e.split(":")[0] for e in examples] == ["negotiation", "aftermath"]
    assert lint_of(VALID + "".join(examples)) == []


def test_a_package_worth_exactly_the_walk_away_is_in_the_zone():
    """As the rules count it, a package worth exactly a walk-away value is in the zone."""
    text = talks("      value: 0\n", "      value: 13\n").replace("north: {value: 2}",
                                                              "north: {value: -1}")
    assert lint_of(text) == []


def test_the_json_schema_accepts_the_talks_and_refuses_a_stray_key():
    """Editors read scenarios/scenario.schema.json: it knows every key of `negotiation:`."""
    from tests.engine.test_lint import _schema_accepts

    assert _schema_accepts(TALKS)
    assert not _schema_accepts(talks("  walk_away:\n", "  walkaway: {}\n  walk_away:\n"))
