"""The text mode's list of unfinished games tells every game apart, even two copies of one."""

import io
import os
import shutil

from game.textui.console import Console
from game.textui.main import _choose
from tests.engine.test_saves import library, new_game, scenario_file  # noqa: F401 (fixtures)


def test_two_copies_of_a_game_are_listed_as_different_lines(library, scenario_file):  # noqa: F811
    """A copied save file, made in the same second as the original, gets its own line: the
    file name tells them apart, and picking the second one opens the copy."""
    session = new_game(library, scenario_file)
    session.play_ai(one_round=True)
    path = library.save(session)
    copy = path.with_name("copy-of-" + path.name)
    shutil.copy(path, copy)
    stamp = path.stat().st_mtime
    os.utime(copy, (stamp, stamp))
    out = io.StringIO()
    chosen = _choose(library, Console(io.StringIO("2\n"), out, interactive=False))
    lines = [line for line in out.getvalue().splitlines() if line.startswith(("   1.", "   2."))]
    assert len(lines) == 2 and lines[0] != lines[1]
    assert {path.name, copy.name} == {line.rsplit("file ", 1)[1] for line in lines}
    assert chosen.name == lines[1].rsplit("file ", 1)[1]
