"""Lessons 5 and 6 in JupyterLab: the debate dealer deals a card, a typed answer is checked with Enter,
and a claim's evidence opens; everything offline."""

import pytest

from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser


def test_lesson_five_deals_a_card_and_checks_a_typed_answer_with_the_keyboard(lab, offline_page):
    page = offline_page.page
    page.goto(lab.notebook_url("05_perspectives.ipynb"))
    run_all_cells(page)
    page.locator("button:has-text('Deal a state')").click()
    card = page.locator(".hemisphere-debate-card")
    card.wait_for(timeout=30_000)
    assert "You speak for" in card.inner_text()
    assert card.locator("img[alt*='Map of the Americas']").count() == 1
    assert card.locator("a[href^='https://']").count() >= 1
    card.scroll_into_view_if_needed()
    offline_page.screenshot("lab-05-debate-card")
    # The last quiz question takes a typed answer: Enter alone must check it.
    box = page.locator(".widget-text input[placeholder*='press Enter']").last
    box.fill("President")
    box.press("Enter")
    page.wait_for_selector("[role=status]:has-text('commands the armed forces')", timeout=30_000)
    assert offline_page.blocked == [] and offline_page.errors == []


def test_lesson_six_shows_a_claims_evidence_and_judges_a_verdict(lab, offline_page):
    page = offline_page.page
    page.goto(lab.notebook_url("06_check_the_report.ipynb"))
    run_all_cells(page)
    page.locator("button:has-text('Show the evidence')").first.click()
    page.wait_for_selector("table.hemisphere-evidence", timeout=30_000)
    assert "Guyana" in page.locator("table.hemisphere-evidence").first.inner_text()
    claim = page.locator(".widget-radio-box").nth(0)
    claim.locator("label:has-text('Inaccurate')").click()
    page.locator("button:has-text('Check answer')").first.click()
    page.wait_for_selector("[role=status]:has-text('Right')", timeout=30_000)
    assert offline_page.blocked == [] and offline_page.errors == []
