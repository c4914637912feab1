"""The game's own files are found through game.resources alone, wherever it is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import resources

ROOT = Path(__file__).resolve().parents[1]


def test_every_kind_of_shipped_file_is_found():
    scenarios = resources.scenario_dir()
    assert (scenarios / "missile-defence-2011.yaml").is_file()
    assert (scenarios / "tutorials" / "missile-defence-2011.yaml").is_file()
    assert resources.schema_file().is_file()
    assert (resources.assets_dir() / "theme.json").is_file()
    assert (resources.assets_dir() / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert resources.locale_dir() == resources.assets_dir() / "locale"
    assert (resources.static_dir() / "board.html").is_file()
    assert resources.missing() is None


def test_in_a_checkout_they_are_the_checkouts_own_files():
    """An editable install maps the packages onto the checkout's folders: editing a
    scenario or a page is seen at once."""
    assert resources.scenario_dir().resolve() == ROOT / "scenarios"
    assert resources.assets_dir().resolve() == ROOT / "assets"
    assert resources.static_dir().resolve() == ROOT / "game" / "net" / "static"


@pytest.mark.parametrize(("recorded", "found"), [
    ("scenarios/missile-defence-2011.yaml", ("missile-defence-2011.yaml",)),
    ("scenarios\\tutorials\\missile-defence-2011.yaml", ("tutorials", "missile-defence-2011.yaml")),
    ("assets/theme.json", None),
])
def test_a_path_as_the_checkout_spells_it_names_the_bundled_file(recorded, found):
    path = resources.bundled(recorded)
    base = resources.assets_dir() if recorded.startswith("assets") else resources.scenario_dir()
    assert path == (base.joinpath(*found) if found else base / "theme.json")
    assert path.is_file()


@pytest.mark.parametrize("recorded", ["scenarios", "my/scenarios/x.yaml", "../scenarios/x.yaml",
                                      "scenarios/../../etc/passwd", "x.yaml", ""])
def test_other_paths_name_no_bundled_file(recorded):
    assert resources.bundled(recorded) is None


def test_a_missing_installation_is_one_line_with_the_fix(monkeypatch, capsys):
    def not_installed(package):
        raise ModuleNotFoundError(f"No module named {package!r}", name=package)

    monkeypatch.setattr(resources, "files", not_installed)
    problem = resources.missing()
    assert "game.scenarios" in problem and "pip install -e ." in problem
    from game.cli.main import main

    assert main(["check", "x.yaml"]) == 2
    assert capsys.readouterr().err == f"error: {problem}\n"


def test_no_module_finds_data_relative_to_its_own_file():
    """Data is found through game.resources only: no module walks up from __file__."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if re.search(r"__file__|\.parents\[", p.read_text(encoding="utf-8"))]
    assert offenders == []
