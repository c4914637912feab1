"""The printed reports in a real browser: the debrief, the class debrief, the lab report and
the role briefs, each checked with axe, at a 320 px wide screen, and printed to PDF.

- axe (tests/axe_helper.py): no violation of any rule axe runs by default, WCAG 2.1 A/AA
  and the best practices `heading-order`, `landmark-one-main` and `region` included;
- at 320 px the page never scrolls sideways (only a wide data table scrolls, in its own
  labelled region);
- printed to A4 PDF by Chromium: a sensible number of pages (the briefs exactly one per
  delegation), and no page ends on a heading, a label such as "AI reasoning:", or a
  chart cut in two (read back page by page with pdftotext).

Needs Debian's chromium (the shared `browser` fixture, tests/browser_helper.py) and
pdftotext from poppler-utils (installed with apt-get when missing and run as root);
skipped with a reason otherwise.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from game.authoring.scenarios import list_scenarios, load_for_play
from game.debrief.briefs import briefs_html
from game.debrief.classdebrief import class_debrief_html
from game.debrief.debrief import debrief_html
from game.lab import simulate
from game.session.session import Seat, Session
from game.words.i18n import language
from tests.axe_helper import axe_violations, describe
from tests.helpers import default_scenario

SC = default_scenario()


def _install_poppler() -> str | None:
    """pdftotext from poppler-utils, installed with apt-get if missing; None, or why not."""
    if shutil.which("pdftotext"):
        return None
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return "pdftotext is not installed (as root on Debian: apt-get install -y poppler-utils)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "poppler-utils"]):
        if subprocess.run(command, env=env, capture_output=True, timeout=900, check=False).returncode:
            return f"poppler-utils could not be installed ({' '.join(command)} failed)"
    return None if shutil.which("pdftotext") else "pdftotext could not be installed"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _game(seed: int, personas=("reciprocator",) * 3, stop: int | None = None) -> Session:
    session = Session(SC, seed, {r: Seat(False, p) for r, p in zip(SC.role_ids, personas, strict=True)})
    if stop is None:
        session.play_ai()
    else:
        for _ in range(stop):
            session.play_ai(one_round=True)
    return session


def _lab_html(tmp: Path) -> str:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out = tmp / "lab.html"
    args = parser.parse_args([str(SC_PATH), "--games", "12", "--workers", "1", "--quiet",
                              "--html", str(out)])
    assert simulate.run(args, out=io.StringIO(), err=io.StringIO()) == 0
    return out.read_text(encoding="utf-8")


SC_PATH = next(p for p in list_scenarios() if p.name == "missile-defence-2011.yaml")

#: Each report: how to build it, and the page count its print-out must fall in.
REPORTS = {
    "debrief": (lambda tmp: debrief_html(_game(7)), (4, 40)),
    "debrief-unfinished": (lambda tmp: debrief_html(_game(5, stop=4)), (2, 20)),
    "class-debrief": (lambda tmp: class_debrief_html({
        "Table 1": _game(1, ("reciprocator", "legalist", "hardliner")),
        "Table 2": _game(2, ("cooperative", "reciprocator", "opportunist")),
        "Table 3": _game(3, ("hardliner", "hardliner", "hardliner")),
        "Table 4": _game(4, stop=5)}), (2, 10)),
    "lab-report": (_lab_html, (2, 10)),
    "briefs": (lambda tmp: briefs_html(SC, {"": {r: f"CODE{i}X" for i, r in enumerate(SC.role_ids)}}),
               (3, 3)),
}


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reports")
    files = {}
    for name, (build, _pages) in REPORTS.items():
        path = tmp / f"{name}.html"
        path.write_text(build(tmp), encoding="utf-8")
        files[name] = path
    return files


@pytest.mark.parametrize("name", list(REPORTS))
def test_axe_finds_no_violation(page, report_files, name):
    """Every report passes axe: WCAG 2.1 A/AA and best practices, heading order, one main
    landmark and all content in landmarks included."""
    page.goto(report_files[name].as_uri())
    found = axe_violations(page)
    assert not found, describe(found)


@pytest.mark.parametrize("name", list(REPORTS))
def test_reflows_at_320_px(page, report_files, name):
    """At 320 px wide nothing makes the page scroll sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(report_files[name].as_uri())
    width = page.evaluate("document.documentElement.scrollWidth")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.wide'))
        .slice(0, 3).map(e => e.tagName + ': ' + (e.textContent || '').slice(0, 40))""")
    assert width <= 320 and not overflowing, (width, overflowing)


def _pdf_pages(page, html: Path, tmp_path: Path) -> list[str]:
    problem = _install_poppler()
    if problem:
        pytest.skip(f"cannot read the printed pages: {problem}")
    page.goto(html.as_uri())
    pdf = tmp_path / (html.stem + ".pdf")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _last_line(page_text: str) -> str:
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.mark.parametrize("name", list(REPORTS))
def test_prints_without_stranded_headings(page, report_files, name, tmp_path):
    """Printed to A4, the page count is sensible and no page but the last ends on a heading
    or a label (such as "AI reasoning:") whose text went on to the next page."""
    page.emulate_media(media="print")
    page.goto(report_files[name].as_uri())
    headings = page.evaluate("""() => [...document.querySelectorAll('h1,h2,h3,h4,caption,.label')]
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent.trim())""")
    pages = _pdf_pages(page, report_files[name], tmp_path)
    low, high = REPORTS[name][1]
    assert low <= len(pages) <= high, f"{name}: {len(pages)} pages"
    for number, text in enumerate(pages[:-1], 1):
        last = _last_line(text)
        stranded = [h for h in headings if last and (h == last or (h.endswith(last) and " " in last))]
        assert not stranded, f"{name}: page {number} ends on the heading {stranded[0]!r}"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("path", list_scenarios(), ids=lambda p: p.stem)
def test_every_scenarios_briefs_print_one_page_per_delegation(page, path, lang, tmp_path):
    """Each bundled scenario's role briefs print as exactly one A4 page per delegation, in
    English and in its Russian edition (`main.py briefs --lang ru`)."""
    with language(lang):
        sc = load_for_play(path)
        html = tmp_path / "briefs.html"
        html.write_text(briefs_html(sc, {"": {r: "ABCD23" for r in sc.role_ids}}), encoding="utf-8")
    page.emulate_media(media="print")
    pages = _pdf_pages(page, html, tmp_path)
    assert len(pages) == len(sc.roles)
    for role, text in zip(sc.roles, pages, strict=True):
        assert role.name in text and "ABCD23" in text
