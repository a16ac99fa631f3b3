"""The dashboard in a real browser (Chromium through Playwright) on a live server: follow a link
to a document, click a fact and see its evidence, sign in, correct a fact through its form, and
see the correction survive `reprocess`. Saves screenshots of the document and the pair page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2
from playwright.sync_api import Page, expect

from communique.pipeline import Pipeline
from communique.store import open_store
from communique.store.reprocess import reprocess

from .conftest import LiveServer

SENATE = "senate-kz-mongolia.ru"


def _record(server: LiveServer, document_id: str) -> dict[str, Any]:
    response = httpx2.get(f"{server.url}/api/records/{document_id}", timeout=10)
    response.raise_for_status()
    return response.json()


def test_evidence_correction_and_reprocess(
    live_server: LiveServer, browser_page: Page, pipeline: Pipeline, screenshot_dir: Path
) -> None:
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.locator(f'a.document-link[href="/documents/{SENATE}"]').first.click()
    page.wait_for_url(f"**/documents/{SENATE}")

    # A fact's evidence: its sentence marked in the text, in view.
    record = _record(live_server, SENATE)
    event = next(e for e in record["events"] if e["type"] != "AGREE")
    sentence = record["text"][event["evidence"]["start"] : event["evidence"]["end"]]
    fact = page.locator(f'li.fact[data-fact="event"][data-fact-id="{event["id"]}"]')
    fact.locator(".fact-title").click()
    evidence = page.locator("#document-text mark.evidence")
    expect(evidence).to_have_count(1)
    expect(evidence).to_be_visible()
    expect(evidence).to_have_text(sentence)
    expect(evidence).to_be_in_viewport()
    expect(fact).to_have_class("fact status-machine selected")
    # Another fact moves the mark: one evidence at a time, the text itself unchanged.
    actor = next(a for a in record["actors"] if a["name"] == "Маулен Ашимбаев")
    page.locator(f'li.fact[data-fact="actor"][data-fact-id="{actor["id"]}"] .fact-title').click()
    expect(evidence).to_have_count(1)
    expect(evidence).to_have_text("Маулен Ашимбаев")
    assert page.locator("#document-text").text_content() == record["text"]
    fact.locator(".fact-title").click()
    page.screenshot(path=str(screenshot_dir / "document-view.png"), full_page=True)

    # Sign in; the form sends the analyst back to the document.
    page.locator("a.sign-in").click()
    page.fill("input[name=token]", live_server.token)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"**/documents/{SENATE}")
    expect(page.locator(".session .user-name")).to_have_text("analyst")

    # Correct the event's type through its form.
    fact.locator("details.review > summary").click()
    form = fact.locator("form.review-form")
    form.locator("select[name=changes-type]").select_option("AGREE")
    # Choosing a corrected value turns the action to "correct" by itself.
    expect(form.locator("select[name=action]")).to_have_value("correct")
    form.locator("input[name=reason]").fill("they agreed, the release says")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/documents/{SENATE}#fact-event-{event['id']}")
    corrected = page.locator('li.fact[data-fact="event"].status-corrected')
    expect(corrected).to_have_count(1)
    expect(corrected.locator(".review-status")).to_have_text("corrected")
    expect(corrected.locator(".fact-title")).to_contain_text("AGREE")
    expect(page.locator("#document-text mark.evidence")).to_have_text(sentence)

    # Reprocess the server's store (same process: DuckDB shares the open database), reload.
    with open_store(str(live_server.db)) as store:
        summary = reprocess(store, pipeline, list(store.document_ids()))
    assert summary.updated == summary.outdated and not summary.failures
    page.reload()
    corrected = page.locator('li.fact[data-fact="event"].status-corrected')
    expect(corrected).to_have_count(1)
    expect(corrected.locator(".fact-title")).to_contain_text("AGREE")
    corrected.locator(".fact-title").click()
    expect(page.locator("#document-text mark.evidence")).to_have_text(sentence)

    # The pair page: its timeline and tables.
    page.goto(f"{live_server.url}/pairs/KZ-MN")
    expect(page.locator("svg.timeline")).to_be_visible()
    expect(page.locator("svg.timeline g.bars rect").first).to_be_visible()
    expect(page.locator("table.agreements")).to_contain_text("Совместная декларация")
    expect(page.locator("ul.people")).to_contain_text("Маулен Ашимбаев")
    page.screenshot(path=str(screenshot_dir / "country-pair.png"), full_page=True)


def test_selecting_words_fills_an_added_fact(live_server: LiveServer, browser_page: Page) -> None:
    """An analyst adds an event the machine missed by selecting its words in the text."""
    page = browser_page
    page.goto(f"{live_server.url}/login?next=/documents/{SENATE}")
    page.fill("input[name=token]", live_server.token)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"**/documents/{SENATE}")
    record = _record(live_server, SENATE)
    words = "Великим Государственным Хуралом Монголии"
    start = record["text"].index(words)
    # Select the words as a user would, by a range over the text nodes, then release the mouse.
    page.evaluate(
        """(words) => {
            const article = document.getElementById("document-text");
            const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    article.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                    return;
                }
            }
            throw new Error("words not found in one text node");
        }""",
        words,
    )
    group = page.locator("#group-event")
    group.locator("details.add > summary").click()
    form = group.locator("form.add-form")
    expect(form.locator("input[name=changes-start]")).to_have_value(str(start))
    expect(form.locator("input[name=changes-end]")).to_have_value(str(start + len(words)))
    form.locator("select[name=changes-type]").select_option("COOPERATE")
    form.locator("button[type=submit]").click()
    added = page.locator('li.fact[data-fact="event"].status-added')
    expect(added).to_have_count(1)
    expect(added.locator(".fact-title")).to_contain_text("COOPERATE")
    added.locator(".fact-title").click()
    expect(page.locator("#document-text mark.evidence")).to_have_text(words)


def test_pages_and_api_docs_run_under_the_content_security_policy(
    live_server: LiveServer, browser_page: Page
) -> None:
    """Every page works with its scripts and styles from this server only: Chromium reports no
    Content-Security-Policy violation, requests nothing from another host, and /docs and /redoc
    draw the API's endpoints from the vendored Swagger UI and ReDoc."""
    page = browser_page
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    elsewhere: list[str] = []  # what was fetched from another host (a blocked load is not)
    page.on(
        "response",
        lambda response: (
            elsewhere.append(response.url)
            if not response.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )
    page.goto(f"{live_server.url}/login?next=/documents/{SENATE}")
    page.fill("input[name=token]", live_server.token)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"**/documents/{SENATE}")
    page.locator("li.fact .fact-title").first.click()
    expect(page.locator("#document-text mark.evidence")).to_have_count(1)  # its script ran
    page.goto(f"{live_server.url}/")
    chip = page.locator("ul.bars .type-chip").first
    expect(chip).to_be_visible()
    # The chip's colour comes from /palette.css, not from a style attribute.
    assert chip.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    for path in ("/pairs/KZ-MN", "/network", "/events"):
        page.goto(f"{live_server.url}{path}")
    page.goto(f"{live_server.url}/docs")
    expect(page.locator(".opblock-summary-path", has_text="/api/statistics").first).to_be_visible()
    page.goto(f"{live_server.url}/redoc")
    expect(page.get_by_text("/api/statistics").first).to_be_attached(timeout=20_000)
    # Sign out is a form post, and it signs out.
    page.goto(f"{live_server.url}/")
    page.locator(".session button[type=submit]").click()
    expect(page.locator("a.sign-in")).to_be_visible()
    # ReDoc's footer shows Redocly's logo from their CDN: the policy blocks it (nothing is
    # fetched, `elsewhere` stays empty), which is the one violation expected.
    unexpected = [v for v in violations if "cdn.redoc.ly" not in v]
    assert not unexpected, unexpected
    assert not elsewhere, elsewhere
