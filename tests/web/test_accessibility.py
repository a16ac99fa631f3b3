"""Every page type in Chromium: axe-core (vendored in tests/web/assets, never served) finds no
serious or critical violation, and at a phone's width (390 px) no page scrolls sideways and the
header stays compact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import serving

AXE = Path(__file__).parent / "assets" / "axe-core" / "axe.min.js"
# One address of each page type, in the states an analyst meets them in.
PAGES = [
    "/",
    "/documents",
    "/documents?country=Kazakhstan",
    "/documents/senate-kz-mongolia.ru",
    "/documents/senate-kz-mongolia.ru?q=Монголия",  # the search's words marked
    "/events",
    "/events?country=Казахстан&sort=-type",
    "/events?country=Kazakstan",  # a filter's error
    "/agreements",
    "/commitments",
    "/actors",
    "/actors/person:ashimbaev m@KZ",
    "/pairs",
    "/pairs/KZ-MN",
    "/network",
    "/search",
    "/search?q=Монголи",
    "/reviews",
    "/login",
    "/nowhere",  # the error page
]
PHONE = {"width": 390, "height": 844}
HEADER_HEIGHT = 130  # px at 390 px wide: the brand, the session and one row of sections


@pytest.fixture(scope="module")
def site(web_db: Path) -> Iterator[str]:
    with serving(str(web_db)) as url:
        yield url


def _context(browser: Any, viewport: dict[str, int]) -> Any:
    context = browser.new_context(locale="ru-RU", viewport=viewport)
    context.set_default_timeout(20_000)
    # An init script is not subject to the pages' Content-Security-Policy: axe runs on the
    # pages as they are served, their CSP included.
    context.add_init_script(path=str(AXE))
    return context


def _violations(page: Any) -> list[dict[str, Any]]:
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "count": len(v["nodes"]),
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["wide", "phone"])
def test_axe_finds_no_serious_violation(site: str, _browser: Any, viewport: dict[str, int]) -> None:
    context = _context(_browser, viewport)
    page = context.new_page()
    found = {}
    try:
        for path in PAGES:
            page.goto(site + path)
            violations = _violations(page)
            if violations:
                found[path] = violations
    finally:
        context.close()
    count = sum(v["count"] for violations in found.values() for v in violations)
    rules = sorted({v["id"] for violations in found.values() for v in violations})
    print(f"axe: {count} serious/critical violations on {len(found)} of {len(PAGES)} pages {rules}")
    assert not found, found


def test_no_page_scrolls_sideways_on_a_phone(site: str, _browser: Any) -> None:
    context = _context(_browser, PHONE)
    page = context.new_page()
    wide, tall = {}, {}
    try:
        for path in PAGES:
            page.goto(site + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide[path] = width
            header = page.evaluate(
                "document.querySelector('.site-header').getBoundingClientRect().height"
            )
            if header > HEADER_HEIGHT:
                tall[path] = header
    finally:
        context.close()
    print(
        f"390 px: {len(wide)} of {len(PAGES)} pages scroll sideways; headers over "
        f"{HEADER_HEIGHT} px: {len(tall)}"
    )
    assert not wide, wide
    assert not tall, tall


def test_a_skip_link_and_the_content_language(site: str, _browser: Any) -> None:
    context = _context(_browser, {"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site + "/documents/senate-kz-mongolia.ru")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused == "#content"
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator("#document-text").get_attribute("lang") == "ru"
    finally:
        context.close()
