"""The balance lab on broken scenario files: it plays only what `check` accepts, prints
`check`'s located problems and exits with status 2 otherwise, and never a traceback."""

from __future__ import annotations

import argparse
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring.check import check_one
from game.lab import simulate
from tests.engine.test_loader import VALID, variant

#: A located problem as `check` prints it, or a follow-on line folded under one.
LOCATED = re.compile(r"^(\S+:\d+:\d+: .+ \[[a-z-]+\]|    \.\.\. and \d+ follow-on problems?.*"
                     r"|      \S+:\d+:\d+: .+\])$")
WORDS = sorted(set(re.findall(r"\b[a-z_]{3,}\b", VALID)))


def _simulate(path: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    args = parser.parse_args([path, "--games", "2", "--workers", "1", "--quiet",
                              "--personas", "reciprocator,hardliner"])
    return simulate.run(args, out=out, err=err), out.getvalue(), err.getvalue()


def _refused_like_check(path: str, err: str) -> None:
    """The lab's refusal holds check's lines, each located, then one summary line."""
    _, found = check_one(path)
    lines = err.splitlines()
    assert any(p.is_error for p in found), err
    if len(lines) == 1:
        assert lines[0] == f"simulate: error: {found[0].text()}"
        return
    assert lines[-1].startswith(f"simulate: error: {path}: ") and "check accepts" in lines[-1]
    assert lines[:-1] == [line for p in sorted(found, key=lambda p: (p.line, p.col))
                          for line in p.lines()]
    assert all(LOCATED.match(line) for line in lines[:-1]), lines


def test_unknown_milestone_is_refused_not_a_crash(tmp_path):
    """An unknown milestone id (once a StopIteration deep in the rules) is check's error."""
    path = tmp_path / "m.yaml"
    path.write_text(variant("establishes: warning_line", "establishes: warnin_line"))
    code, out, err = _simulate(str(path))
    assert code == 2 and out == ""
    assert "[unknown-milestone]" in err and "did you mean 'warning_line'?" in err
    _refused_like_check(str(path), err)


def test_milestone_cycle_is_refused(tmp_path):
    """A cycle of prerequisites, which check rejects, is never played."""
    path = tmp_path / "c.yaml"
    path.write_text(variant("requires: [data_swap]", "requires: [warning_line]"))
    code, out, err = _simulate(str(path))
    assert code == 2 and out == "" and "[milestone-cycle]" in err
    _refused_like_check(str(path), err)


def test_warnings_are_shown_and_the_file_is_played(tmp_path):
    """A file with only warnings plays; its warnings come first on stderr, as check words them."""
    path = tmp_path / "w.yaml"
    path.write_text(variant("      - {tension: -2}\n  - id: propose_swap",
                            "      - {tension: 0}\n  - id: propose_swap"))
    code, out, err = _simulate(str(path))
    assert code == 0 and "Balance lab" in out
    assert "warning: actions[0].effects[2]: this effect can never change anything" in err


def _mutate(data: st.DataObject) -> str:
    lines = VALID.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["delete", "repeat", "indent", "word", "number"]))
    line = lines[i]
    if how == "delete":
        lines[i] = ""
    elif how == "repeat":
        lines[i] = line * 2
    elif how == "indent":
        lines[i] = "  " + line
    elif how == "word":
        words = list(re.finditer(r"\b[a-z_]{3,}\b", line))
        if words:
            m = data.draw(st.sampled_from(words))
            lines[i] = line[:m.start()] + data.draw(st.sampled_from(WORDS)) + line[m.end():]
    else:
        numbers = list(re.finditer(r"-?\d+", line))
        if numbers:
            m = data.draw(st.sampled_from(numbers))
            value = data.draw(st.integers(-300, 300_000))
            lines[i] = line[:m.start()] + str(value) + line[m.end():]
    return "".join(lines)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_scenario_never_tracebacks_in_the_lab(tmp_path, data):
    """The valid fixture with a line deleted, repeated or re-indented, an id swapped for
    another word of the file, or a number changed: the lab plays it (status 0) or
    refuses it as check does (status 2); it never raises."""
    path = tmp_path / "f.yaml"
    path.write_text(_mutate(data), encoding="utf-8")
    code, out, err = _simulate(str(path))
    assert code in (0, 2), err
    if code == 2:
        assert out == ""
        _refused_like_check(str(path), err)
    else:
        assert "Balance lab" in out


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_scenario_never_tracebacks_with_suggest(tmp_path, data):
    """--suggest on a mutated fixture: it plays and suggests (status 0) or refuses as check
    does (status 2); trying changes never raises."""
    path = tmp_path / "f.yaml"
    path.write_text(_mutate(data), encoding="utf-8")
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    args = parser.parse_args([str(path), "--games", "2", "--workers", "1", "--quiet", "--suggest",
                              "--suggest-tries", "2", "--suggest-games", "4",
                              "--personas", "reciprocator,hardliner"])
    code = simulate.run(args, out=out, err=err)
    assert code in (0, 2), err.getvalue()
    assert code == 2 or "Suggestions:" in out.getvalue()
