"""End to end: a team proposes a package from its page in a real browser (Playwright with
Debian's Chromium), the addressee's page shows it to answer, a third team's page never
shows it, and a move the rules refuse is shown as its one line. Skipped, saying why,
where no Chromium can be had."""

from __future__ import annotations

import pytest

from tests.net.test_browser import WAIT, Host, _free_port, join


@pytest.fixture
def host(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    running = Host(_free_port())
    running.start(new=True)
    yield running
    running.stop()


def test_a_team_proposes_a_package_from_its_page(browser, host):
    from playwright.sync_api import expect

    base = f"http://127.0.0.1:{host.port}"
    codes = {r: host.game.secrets.seats[r].code for r in ("washington", "moscow", "nato")}
    washington, moscow, nato = (join(browser, base, codes[r]) for r in ("washington", "moscow", "nato"))
    try:
        talks = washington.locator(".part-talks")
        expect(talks.get_by_role("heading", name="Propose a package")).to_be_visible(timeout=WAIT)
        # A package that binds NATO, sent to Moscow alone: the rules' refusal, in one line.
        talks.get_by_label("4. Review and consultation").select_option(label="2. An annual review")
        talks.get_by_label("Moscow").check()
        talks.get_by_role("button", name="Propose").click()
        expect(washington.locator("#talk-error")).to_contain_text("Not allowed:", timeout=WAIT)
        assert "\n" not in washington.locator("#talk-error").inner_text()
        # The same form, kept as it was, changed and sent again by the keyboard.
        talks.get_by_label("4. Review and consultation").select_option(label="1. No review clause")
        talks.get_by_label("1. The form of the assurance").select_option(label="2. A written political "
                                                                          "assurance at the highest level")
        talks.get_by_role("button", name="Propose").focus()
        washington.keyboard.press("Enter")
        mine = talks.locator(".proposal").filter(has_text="to Moscow")
        expect(mine.get_by_role("button", name="Withdraw proposal")).to_be_visible(timeout=WAIT)
        assert [m.kind for m in host.game.session.state.talks] == ["propose"]
        answer = moscow.locator(".part-talks .proposal").filter(has_text="from Washington")
        expect(answer.get_by_role("button", name="Accept proposal")).to_be_visible(timeout=WAIT)
        expect(answer).to_contain_text("written political assurance")
        answer.get_by_role("button", name="Counter proposal").click()
        expect(moscow.get_by_role("heading", name="Counter proposal")).to_be_focused(timeout=WAIT)
        expect(moscow.locator(".part-talks select").first).to_have_value("written")
        nato.reload()
        nato.wait_for_selector("#move-h", timeout=WAIT)
        expect(nato.locator(".part-talks")).to_contain_text("No proposal is waiting", timeout=WAIT)
        assert nato.locator(".part-talks .proposal").count() == 0
        assert "Proposal 1" not in nato.locator(".part-talks").inner_text()
    finally:
        for page in (washington, moscow, nato):
            page.context.close()
