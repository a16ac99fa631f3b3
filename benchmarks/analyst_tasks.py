"""The analyst's seven everyday tasks (issue 15), done in Chromium on the dashboard: clicks and
success for each, checked against the store itself.

    python benchmarks/analyst_tasks.py [--db communique.duckdb] [--output out/analyst-tasks.json]

Without --db the bundled samples are ingested into a new store (as `make demo` does). The tasks
run on a copy of the store (task 5 writes a review), served by uvicorn on 127.0.0.1, each from
the home page in a fresh browser context, by clicking links and filling forms as a person would
(no URL typed). A click is a click on a link, a button or a summary; typing is not counted.

1. export Kazakhstan's events as CSV, complete: CSV rows = the list's total = the API's total;
2. find the releases about Mongolia in any word form: «Монголия» finds every story whose text
   has a form of it (Монголии, Монголией...);
3. events in a date range, and how many undated ones the range leaves out: the page says it,
   and the count is the store's;
4. filter events by a country's name in Russian, Kazakh and English: the same non-zero total as
   its code;
5. merge two actors that are one person (a surname-only actor and the one with a first name):
   the merged actor's page lists both names;
6. open an event's sentence: the document opens with the event's evidence marked;
7. the pair page of two countries (Kazakhstan and Mongolia when the store has them): both names
   in the heading, and its events listed.

It is a benchmark, not a test: it prints a table and never fails on a task that fails.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# benchmarks/ is on sys.path when this file runs as a script: web_bench is its neighbour.
from web_bench import serving

from communique.store import open_store
from communique.store.questions import country_name
from communique.store.tokens import create_token
from communique.web.chromium import CHROMIUM, CHROMIUM_ARGS
from communique.web.rendering import actor_url, document_url

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
# «Монголия» in any of its Russian forms (Монголии, Монголией...), what the search must find;
# and the country in any language or part of speech, reported beside it.
MONGOLIA = re.compile(r"\bмонголи[яиюей]", re.IGNORECASE)
MONGOLIA_ANYWHERE = re.compile(r"монгол|моңғол|mongol", re.IGNORECASE)
AUTHOR = "bench-analyst"


@dataclass
class Outcome:
    task: str
    clicks: int = 0
    success: bool = False
    detail: str = ""
    seconds: float = 0.0


class Clicker:
    """The page, with every click counted."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.clicks = 0

    def click(self, locator: Any) -> None:
        self.clicks += 1
        locator.first.click()
        self.page.wait_for_load_state("load")

    def nav(self, name: str) -> None:
        self.click(self.page.locator("nav.site-nav a", has_text=name))

    def apply(self) -> None:
        self.click(self.page.locator("form.filters button[type=submit]"))

    def fill(self, name: str, value: str) -> None:
        field = self.page.locator(f"form.filters [name={name}]").first
        field.fill(value)


def _total(page: Any) -> int | None:
    text = (
        page.locator(".list-total strong").first.text_content() if _has(page, ".list-total") else ""
    )
    found = re.search(r"\d[\d,]*", text or "")
    return int(found.group(0).replace(",", "")) if found else None


def _has(page: Any, selector: str) -> bool:
    return page.locator(selector).count() > 0


# --- the tasks --------------------------------------------------------------------------------


def export_kazakhstan(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("1 export Kazakhstan's events as CSV")
    c.nav("Events")
    c.fill("country", "Kazakhstan")
    c.apply()
    shown = _total(c.page)
    with c.page.expect_download() as download:
        c.clicks += 1
        c.page.locator("a.export", has_text="CSV").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = len(list(csv.DictReader(io.StringIO(text))))
    api = context["get"]("/api/events", country="KZ", limit=1)["total"]
    out.success = rows == shown == api and rows > 0
    out.detail = f"CSV {rows} rows, list total {shown}, API total {api}"
    return out


def search_mongolia(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("2 find releases about Mongolia, any form")
    c.nav("Search")
    c.page.locator("form.filters input[name=q]").fill("Монголия")
    c.apply()
    found = {str(item["document_id"]) for item in context["get_all"]("/api/search", q="Монголия")}
    expected = context["stories_matching"](MONGOLIA)
    anywhere = context["stories_matching"](MONGOLIA_ANYWHERE)
    missed = expected - found
    out.success = bool(expected) and not missed
    out.detail = (
        f"{len(expected & found)} of the {len(expected)} stories with a form of «Монголия» "
        f"found ({len(found)} results; {len(anywhere)} stories name Mongolia in any language)"
    )
    return out


def date_range(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("3 events in a date range, undated counted")
    first, last = context["date_range"]
    c.nav("Events")
    c.fill("since", first)
    c.fill("until", last)
    c.apply()
    undated = context["get"]("/api/events", undated=1, limit=1)["total"]
    said = (
        c.page.locator(".list-undated").first.text_content()
        if _has(c.page, ".list-undated")
        else ""
    )
    number = re.search(r"\d+", said or "")
    shown = int(number.group(0)) if number else 0
    out.success = shown == undated and (undated == 0 or bool(said))
    out.detail = (
        f"{first}..{last}: {_total(c.page)} events; says {shown} undated left out, store {undated}"
    )
    return out


def country_names(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("4 filter by country name in ru/kk/en")
    c.nav("Events")
    totals: dict[str, int | None] = {}
    for name in ("MN", "Монголия", "Моңғолия", "Mongolia"):
        c.fill("country", name)
        c.apply()
        totals[name] = _total(c.page)
    values = set(totals.values())
    out.success = len(values) == 1 and (totals["MN"] or 0) > 0
    out.detail = ", ".join(f"{k}: {v}" for k, v in totals.items())
    return out


def _sign_in(c: Clicker, token: str) -> None:
    c.click(c.page.locator("a.sign-in"))
    c.page.locator("input[name=token]").fill(token)
    c.click(c.page.locator("form button[type=submit]"))


def merge_twins(c: Clicker, context: dict[str, Any]) -> Outcome:
    """Merge twins where the store has some, else give a person without a country one."""
    twins = context["twins"]
    if twins is None:
        return fix_country(c, context)
    out = Outcome("5 merge an actor's twins")
    (lone_key, lone_name), (full_key, full_name) = twins
    _sign_in(c, context["token"])
    c.nav("Actors")
    c.fill("actor", lone_name)
    c.apply()
    c.click(c.page.locator(f'a.actor-link[href="{actor_url(lone_key)}"]'))
    c.click(c.page.locator("#identity summary", has_text="Merge"))
    c.page.locator("#identity input[name=into]").fill(full_name)
    c.click(c.page.locator("#identity button", has_text="Merge"))
    written = c.page.locator("p.muted", has_text="Written as").first
    names = written.text_content() if written.count() else ""
    out.success = lone_name in (names or "") and full_name in (names or "")
    out.detail = f"{lone_key} into {full_key}: page says {' '.join((names or '').split())!r}"
    return out


def fix_country(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("5 fix an actor's country")
    countryless = context["countryless"]
    if countryless is None:
        out.detail = "n/a: every person has a country and no twins"
        return out
    document_id, actor_id, key, name, country = countryless
    _sign_in(c, context["token"])
    c.nav("Actors")
    c.fill("actor", name)
    c.apply()
    c.click(c.page.locator(f'a.actor-link[href="{actor_url(key)}"]'))
    c.click(c.page.locator(f'a.document-link[href="{document_url(document_id)}"]'))
    fact = c.page.locator(f'li.fact[data-fact="actor"][data-fact-id="{actor_id}"]')
    c.click(fact.locator("summary", has_text="Review"))
    fact.locator("input[name=changes-country]").fill(country)
    fact.locator("select[name=action]").select_option("correct")
    c.click(fact.locator("button", has_text="Save review"))
    c.click(c.page.locator(f'li.fact[data-fact="actor"][data-fact-id="{actor_id}"] a.actor-link'))
    lead = c.page.locator("p.lead").first.text_content() or ""
    out.success = context["country_name"](country) in lead
    out.detail = f"{name} in {document_id}: set {country}; page says {' '.join(lead.split())!r}"
    return out


def open_sentence(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("6 open an event's sentence")
    c.nav("Events")
    c.click(c.page.locator("a.document-link"))
    c.page.wait_for_selector("mark.evidence", timeout=5000)
    marked = c.page.locator("mark.evidence").first.text_content() or ""
    out.success = "#fact-event-" in c.page.url and bool(marked.strip())
    out.detail = f"marked {len(marked)} characters"
    return out


def pair_page(c: Clicker, context: dict[str, Any]) -> Outcome:
    out = Outcome("7 pair page for two countries")
    c.nav("Pairs")
    wanted = c.page.locator("a.pair-link", has_text="Mongolia")
    c.click(wanted if wanted.count() else c.page.locator("a.pair-link"))
    heading = c.page.locator("h1").first.text_content() or ""
    rows = c.page.locator("table tbody tr").count()
    out.success = "–" in heading and not re.search(r"\b[A-Z]{2}\b –", heading) and rows > 0
    out.detail = f"{' '.join(heading.split())!r}, {rows} table rows"
    return out


TASKS: list[Callable[[Clicker, dict[str, Any]], Outcome]] = [
    export_kazakhstan, search_mongolia, date_range, country_names, merge_twins, open_sentence,
    pair_page,
]  # fmt: skip


# --- the store --------------------------------------------------------------------------------


def demo_store(folder: Path) -> Path:
    db = folder / "demo.duckdb"
    files = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.jsonl")])
    cli = Path(sys.executable).parent / "communique"
    command = [str(cli), "--db", str(db), "ingest", *map(str, files)]
    subprocess.run(command, check=True, capture_output=True)
    return db


def _twins(db: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """A person keyed by the surname alone beside one of the same surname with an initial."""
    with open_store(db) as store:
        rows = store.backend.rows(
            "SELECT actor_key, min(name) FROM actors WHERE kind = 'person' GROUP BY actor_key"
        )
    keys = {str(k): str(n) for k, n in rows}
    for key, name in sorted(keys.items()):
        surname = key.removeprefix("person:")
        if " " in surname or "#" in surname:
            continue
        bare = surname.split("@")[0]
        fuller = sorted(k for k in keys if k.startswith(f"person:{bare} ") and k != key)
        if fuller:
            return (key, name), (fuller[0], keys[fuller[0]])
    return None


def _context(db: str, url: str) -> dict[str, Any]:
    import httpx2

    def get(path: str, **params: Any) -> Any:
        response = httpx2.get(url + path, params=params, timeout=60)
        response.raise_for_status()
        return response.json()

    def get_all(path: str, **params: Any) -> list[dict[str, Any]]:
        items, offset = [], 0
        while True:
            page = get(path, **params, limit=500, offset=offset)
            items += page["items"]
            if page.get("next_offset") is None:
                return items
            offset = page["next_offset"]

    with open_store(db) as store:
        stories = store.backend.rows(
            "SELECT d.id, d.title, d.text FROM documents d JOIN stories st "
            "ON st.id = d.story_id AND st.document_id = d.id"
        )
        dates = store.backend.rows("SELECT min(date_first), max(date_last) FROM events")[0]
        token = create_token(store, AUTHOR)

    def stories_matching(pattern: re.Pattern[str]) -> set[str]:
        return {str(i) for i, title, text in stories if pattern.search(f"{title or ''} {text}")}

    with open_store(db) as store:
        # A person without a country, in a document whose home country is known: the fix an
        # analyst makes from the release (its home country is the bench's stand-in for it).
        countryless = store.backend.rows(
            "SELECT a.document_id, a.id, a.actor_key, a.name, d.home_country FROM actors a "
            "JOIN documents d ON d.id = a.document_id JOIN stories st ON st.id = d.story_id "
            "AND st.document_id = d.id WHERE a.kind = 'person' AND a.country IS NULL "
            "AND d.home_country IS NOT NULL ORDER BY a.document_id, a.seq LIMIT 1"
        )
    first = str(dates[0] or "2000-01-01")[:10]
    last = str(dates[1] or "2099-12-31")[:10]
    return {
        "get": get, "get_all": get_all, "stories_matching": stories_matching,
        "date_range": (first, last), "twins": _twins(db), "token": token,
        "countryless": tuple(countryless[0]) if countryless else None,
        "country_name": country_name,
    }  # fmt: skip


def run(db: str) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    outcomes = []
    with serving(db) as url, sync_playwright() as playwright:
        context = _context(db, url)
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for task in TASKS:
                session = browser.new_context(accept_downloads=True)
                page = session.new_page()
                page.goto(url + "/", wait_until="load")
                clicker = Clicker(page)
                started = time.monotonic()
                try:
                    outcome = task(clicker, context)
                except Exception as error:  # a task that cannot be done is a failed task
                    outcome = Outcome(task.__name__, detail=f"failed: {str(error)[:160]}")
                outcome.clicks = clicker.clicks
                outcome.seconds = round(time.monotonic() - started, 2)
                outcomes.append(outcome)
                session.close()
        finally:
            browser.close()
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    lines = [f"{'task':44} {'clicks':>6} {'done':>5}  detail"]
    for o in outcomes:
        lines.append(f"{o.task:44} {o.clicks:>6} {'yes' if o.success else 'NO':>5}  {o.detail}")
    done = sum(o.success for o in outcomes)
    lines.append(f"{done} of {len(outcomes)} tasks done, {sum(o.clicks for o in outcomes)} clicks")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="a DuckDB store (default: the samples)")
    parser.add_argument("--output", type=Path, default=None, help="the outcomes as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            db = Path(folder) / "copy.duckdb"
            shutil.copyfile(args.db, db)
        else:
            db = demo_store(Path(folder))
        outcomes = run(str(db))
    print(table(outcomes))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(
            json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
