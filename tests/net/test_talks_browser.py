"""End to end: a team proposes a package from its page in a real browser (Playwright with
Debian's Chromium), the addressee's page shows it to answer, a third team's page never
shows it, and a move the rules refuse is shown as its one line. Skipped, saying why,
where no Chromium can be had."""

from __future__ import annotations

import pytest

from tests.net.page_checks import check_page
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
        check_page(washington, "talks panel, the proposal form")
        # A package that binds NATO, sent to Moscow alone: the rules' refusal, in one line.
        talks.get_by_label("4. Review and consultation").select_option("annual")
        talks.get_by_label("Moscow").check()
        talks.get_by_role("button", name="Propose").click()
        expect(washington.locator("#talk-error")).to_contain_text("Not allowed:", timeout=WAIT)
        assert "\n" not in washington.locator("#talk-error").inner_text()
        check_page(washington, "talks panel, a proposal refused")
        # The same form, kept as it was, changed and sent again by the keyboard.
        talks.get_by_label("4. Review and consultation").select_option("none")
        talks.get_by_label("1. The form of the assurance").select_option("written")
        talks.get_by_role("button", name="Propose").focus()
        washington.keyboard.press("Enter")
        mine = talks.locator(".proposal").filter(has_text="to Moscow")
        expect(mine.get_by_role("button", name="Withdraw proposal")).to_be_visible(timeout=WAIT)
        assert [m.kind for m in host.game.session.state.talks] == ["propose"]
        check_page(washington, "talks panel, an open proposal of its own")
        answer = moscow.locator(".part-talks .proposal").filter(has_text="from Washington")
        expect(answer.get_by_role("button", name="Accept proposal")).to_be_visible(timeout=WAIT)
        expect(answer).to_contain_text("written political assurance")
        check_page(moscow, "talks panel, a proposal to answer")
        answer.get_by_role("button", name="Counter proposal").click()
        expect(moscow.get_by_role("heading", name="Counter proposal")).to_be_focused(timeout=WAIT)
        expect(moscow.locator(".part-talks select").first).to_have_value("written")
        check_page(moscow, "talks panel, a counter proposal")
        # The counter is sent as a counter: the form D.patch kept runs the counter's handler,
        # not the proposal's (which would ask for delegations to send it to).
        moscow.locator(".part-talks select").first.select_option("none")
        moscow.locator(".part-talks").get_by_role("button", name="Send the counter-proposal").click()
        for _ in range(WAIT // 100):
            if len(host.game.session.state.talks) > 1 or moscow.locator("#talk-error").inner_text():
                break
            moscow.wait_for_timeout(100)
        assert moscow.locator("#talk-error").inner_text() == ""
        sent = [(m.sender, m.kind, m.ref) for m in host.game.session.state.talks]
        assert sent == [("washington", "propose", 0), ("moscow", "counter", 1)], sent
        assert dict(host.game.session.state.talks[1].terms)["assurance"] == "none"
        nato.reload()
        nato.wait_for_selector("#move-h", timeout=WAIT)
        expect(nato.locator(".part-talks")).to_contain_text("No proposal is waiting", timeout=WAIT)
        assert nato.locator(".part-talks .proposal").count() == 0
        assert "Proposal 1" not in nato.locator(".part-talks").inner_text()
    finally:
        for page in (washington, moscow, nato):
            page.context.close()


def test_the_join_page_language_carries_to_the_team_page_and_its_talks(browser, host):
    """A class joining at /join?lang=ru reads its team page, and the talks' refusals, in Russian."""
    from playwright.sync_api import expect

    base = f"http://127.0.0.1:{host.port}"
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    try:
        page.goto(f"{base}/join?lang=ru")
        page.locator("#code").fill(host.game.secrets.seats["washington"].code)
        page.locator("#join button[type=submit]").click()
        page.wait_for_selector("#move-h", timeout=WAIT)
        assert page.evaluate("() => document.documentElement.lang") == "ru"
        assert "lang=ru" in page.url and "seat=" in page.url and "#" not in page.url
        talks = page.locator(".part-talks")
        talks.locator("button[type=submit]").first.wait_for(timeout=WAIT)
        # The scenario's own words are Russian too (its companion): the issues and the event.
        issue = talks.locator(".issue label").first.inner_text()
        assert any("а" <= ch <= "я" for ch in issue.lower()), issue
        event = page.locator(".part-event h3").first.inner_text()
        assert any("а" <= ch <= "я" for ch in event.lower()), event
        talks.locator("button[type=submit]").first.click()  # a package sent to nobody: refused
        expect(page.locator("#talk-error")).not_to_be_empty(timeout=WAIT)
        error = page.locator("#talk-error").inner_text()
        assert any("а" <= ch <= "я" for ch in error.lower()), error
        page.reload()
        page.wait_for_selector("#move-h", timeout=WAIT)
        assert page.evaluate("() => document.documentElement.lang") == "ru"
        check_page(page, "team page in Russian, talks panel")
    finally:
        page.context.close()
