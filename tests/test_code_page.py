"""Output in a Windows code page: what `python main.py ... > file.txt` writes on a Windows
machine. Python then encodes for the ANSI code page (cp1252 in Western Europe), and a
console may be on the OEM one (cp437), neither of which has the ledger's arrows.

Every command here must finish as it does in UTF-8 (no UnicodeEncodeError), its output
valid in that code page, the arrows and dashes it lacks written in plain ASCII.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(tmp_path: Path, encoding: str, *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "DETENTE_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, env=env,
                          capture_output=True, timeout=300)
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)  # strict: valid bytes
    assert "Traceback" not in err, err
    return done.returncode, out, err


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> tuple[Path, str]:
    """An all-AI text game in cp1252: its data folder and its output."""
    tmp = tmp_path_factory.mktemp("cp1252")
    code, out, err = run(tmp, "cp1252", "text", "--human", "none", "--seed", "7")
    assert code == 0, err
    return tmp, out


def test_the_text_mode_plays_to_its_ending_in_cp1252(played):
    _tmp, out = played
    assert re.search(r"^=== .+ ===$", out, re.MULTILINE)  # the ending
    assert "\u2192" not in out and " -> " in out  # the ledger's arrows, in ASCII
    assert "Replay saved to " in out


def test_the_text_mode_output_is_the_same_game_as_in_utf8(played, tmp_path):
    """Line by line the same, each line either as it is or wholly in plain ASCII."""
    from game.textui.console import plain_ascii

    tmp, cp1252 = played
    code, utf8, _err = run(tmp_path, "utf-8", "text", "--human", "none", "--seed", "7")
    assert code == 0
    pairs = [(a, b) for a, b in zip(cp1252.splitlines(), utf8.splitlines(), strict=True)
             if str(tmp) not in a]  # the save's own file name differs
    assert len(pairs) > 100
    assert [a for a, b in pairs if a not in (b, plain_ascii(b))] == []


def test_a_human_seat_in_cp437(tmp_path):
    """A human seat in the OEM code page: the briefing, the menu, and input that ends."""
    code, out, err = run(tmp_path, "cp437", "text", "--human", "moscow", "--rounds", "1",
                         stdin=b"\nquit\n")
    assert out.startswith("D\u00e9tente: ")  # cp437 has the accent
    assert "'quit' is not on the menu." in out and "Input ended. The game is saved" in out, err


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_the_what_if_list_and_a_report_of_problems_in_a_code_page(played, tmp_path, encoding):
    tmp, _out = played
    save = next((tmp / "data" / "games").glob("*.json"))
    code, out, err = run(tmp_path, encoding, "whatif", str(save), "--round", "2")
    assert code == 0 and "Example: python main.py whatif" in out, err
    broken = tmp_path / "broken.yaml"
    broken.write_text('id: x\ntitle: "D\u00e9j\u00e0 \u2192 vu"\nroles: 5\n', encoding="utf-8")
    code, out, err = run(tmp_path, encoding, "check", str(broken))
    assert code == 2 and "broken.yaml:" in out + err
