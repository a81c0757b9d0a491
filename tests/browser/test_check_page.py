"""The check page in a real browser, at desktop width and at 390 px: paste a leaflet, see each
claim highlighted by verdict, open a claim's explanation; nothing overflows sideways.
Screenshots: test-artifacts/check-*.png."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import shot

LEAFLET = (
    "Acupuncture at our clinic\n\n"
    "NICE recommends acupuncture as a first-line treatment for low back pain. Medicare covers "
    "up to 12 acupuncture visits in 90 days for chronic low back pain. Medicare also pays for "
    "acupuncture for knee osteoarthritis and for fibromyalgia.\n\n"
    "Acupuncture is safe for everyone who takes blood thinners, whatever their INR. It "
    "strengthens the immune system and helps shrink tumours. Book your first session today!"
)


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_check_page_highlights_claims(
    browser: Any, live: dict[str, Any], width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{live['url']}/check")
        page.get_by_label("Text to check").fill(LEAFLET)
        page.get_by_role("button", name="Check").click()
        page.wait_for_selector("#checked-text")
        marks = page.locator("#checked-text mark")
        assert marks.count() == 5
        assert page.locator("#checked-text mark.verdict-contradicted").count() == 3
        assert page.locator("#checked-text mark.verdict-unsupported").count() == 1
        # the highlight is drawn by the stylesheet (not blocked by the content security policy)
        colour = page.locator("#checked-text mark.verdict-contradicted").first.evaluate(
            "m => getComputedStyle(m).backgroundColor"
        )
        assert colour == "rgb(255, 214, 217)"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page scrolls sideways by {overflow}px at {width}px"
        shot(page, f"check-{width}")
        marks.first.locator("a").click()
        assert page.url.endswith("#claim-1")
        assert page.locator("#claim-1").is_visible()
        assert "nice2016_ng59_chronic_lbp" in page.locator("#claim-1").inner_text()
    finally:
        context.close()
