"""Many users at once, on a real server: every request has a database connection of its own
(web/database.py), so no request sees another's parameters, rows or credentials.

The race that broke the per-thread store: readers of aggregates with filters, while forgers post
reviews with a token that does not exist, on a database that holds no token at all. Before each
request had its own connection, this stored forged reviews (their author another request's
query value), answered 500s, and gave readers other requests' rows.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx2

from .conftest import copy_db, create_token, serving

SENATE = "senate-kz-mongolia.ru"
# Reads whose answers differ by filter: a connection shared between two of them shows.
READS = [
    "/api/statistics",
    "/api/pairs?country=KZ",  # /api/statistics takes no filter: ?country=KZ is now a 422
    "/api/network?type=CONSULT",
    "/api/topics?country=MN",
    "/api/topics?limit=3",
    "/api/pairs",
    "/api/pairs?limit=2",
    "/api/events?country=KZ-MN&limit=5",
    "/api/actors?limit=4&offset=1",
]
READERS = 8
FORGERS = 8
RACE_SECONDS = 8.0
# A bound on each client's loop besides the time, as every load on this machine must have.
MAX_REQUESTS_PER_CLIENT = 5_000
FORGED = {"Authorization": "Bearer not-a-real-token"}
CONFIRM = {"fact": "event", "fact_id": "e0", "action": "confirm"}


def _clients(
    base_url: str, work: list[Callable[[httpx2.Client, int], None]], seconds: float
) -> list[BaseException]:
    """Run each of `work` in a thread of its own, in a loop, until `seconds` pass; the errors
    the threads raised (a refused connection, a timeout), none expected."""
    deadline = time.monotonic() + seconds
    errors: list[BaseException] = []
    start = threading.Barrier(len(work))

    def loop(job: Callable[[httpx2.Client, int], None]) -> None:
        try:
            with httpx2.Client(base_url=base_url, timeout=30.0) as client:
                start.wait()
                for turn in range(MAX_REQUESTS_PER_CLIENT):
                    if time.monotonic() >= deadline:
                        break
                    job(client, turn)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=loop, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _race(base_url: str) -> None:
    with httpx2.Client(base_url=base_url, timeout=30.0) as quiet_client:
        quiet = {path: quiet_client.get(path) for path in READS}
    assert all(answer.status_code == 200 for answer in quiet.values())
    expected = {path: answer.json() for path, answer in quiet.items()}

    reads: Counter[tuple[str, int, bool]] = Counter()
    writes: Counter[int] = Counter()
    lock = threading.Lock()

    def reader(offset: int) -> Callable[[httpx2.Client, int], None]:
        def read(client: httpx2.Client, turn: int) -> None:
            path = READS[(offset + turn) % len(READS)]
            answer = client.get(path)
            same = answer.status_code == 200 and answer.json() == expected[path]
            with lock:
                reads[(path, answer.status_code, same)] += 1

        return read

    def forge(client: httpx2.Client, turn: int) -> None:
        # The query string carries values like the readers' filters, as the forged authors
        # of the old race were.
        answer = client.post(
            f"/api/documents/{SENATE}/reviews?country=KZ&limit={turn}", json=CONFIRM, headers=FORGED
        )
        with lock:
            writes[answer.status_code] += 1

    work = [reader(i) for i in range(READERS)] + [forge] * FORGERS
    assert _clients(base_url, work, RACE_SECONDS) == []

    # The counts, for the record (`pytest -s` shows them).
    print(f"race: {sum(reads.values())} reads, {sum(writes.values())} forged writes {dict(writes)}")
    wrong = {key: n for key, n in reads.items() if key[1] != 200 or not key[2]}
    assert not wrong, f"reads that failed or saw other rows: {wrong}"
    assert sum(reads.values()) >= len(READS), "the readers barely ran"
    assert set(writes) == {401}, f"forged writes answered {dict(writes)}"
    with httpx2.Client(base_url=base_url, timeout=30.0) as after:
        assert after.get("/api/reviews").json()["items"] == []
        assert after.get(f"/api/documents/{SENATE}/reviews").json()["items"] == []


def test_readers_and_forgers_at_once_on_duckdb(web_db: Path, tmp_path: Path) -> None:
    db = copy_db(web_db, tmp_path / "race.duckdb")
    with serving(str(db)) as url:
        _race(url)


def test_readers_and_forgers_at_once_on_postgresql(postgres_copy: str) -> None:
    with serving(postgres_copy) as url:
        _race(url)


def _reviews_at_once(base_url: str, token: str) -> None:
    """Four analysts correct the same fact at once, then four add an event at once: each 201 is
    a stored review, and a review that lost the race is told so (409), never a 500."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx2.Client(base_url=base_url, timeout=30.0) as client:
        event = client.get("/api/events", params={"country": "KZ-MN", "limit": 1}).json()
    fact_id = event["items"][0]["event_id"]
    corrections = [
        {"fact": "event", "fact_id": fact_id, "action": "correct", "changes": {"type": kind}}
        for kind in ("AGREE", "COOPERATE", "SUPPORT", "CONSULT")
    ]
    additions = [
        {
            "fact": "event",
            "action": "add",
            "changes": {"type": "COOPERATE", "start": s, "end": s + 9},
        }
        for s in (0, 10, 20, 30)
    ]
    statuses: list[int] = []
    for bodies in (corrections, additions):
        statuses += _posted_at_once(base_url, headers, bodies)
    assert set(statuses) <= {201, 409}, statuses
    assert statuses[:4].count(201) >= 1 and statuses[4:].count(201) >= 1
    with httpx2.Client(base_url=base_url, timeout=30.0) as client:
        trail = client.get(f"/api/documents/{SENATE}/reviews").json()["items"]
    assert len(trail) == statuses.count(201)


def _posted_at_once(base_url: str, headers: dict[str, str], bodies: list[dict]) -> list[int]:
    """Each body posted as a review by a client of its own, all released at the same moment."""
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(len(bodies))

    def post(body: dict) -> None:
        with httpx2.Client(base_url=base_url, timeout=30.0) as client:
            start.wait()
            answer = client.post(f"/api/documents/{SENATE}/reviews", json=body, headers=headers)
        with lock:
            statuses.append(answer.status_code)

    threads = [threading.Thread(target=post, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_concurrent_reviews_on_duckdb(web_db: Path, tmp_path: Path) -> None:
    db = copy_db(web_db, tmp_path / "corrections.duckdb")
    token = create_token(db)
    with serving(str(db)) as url:
        _reviews_at_once(url, token)


def test_concurrent_reviews_on_postgresql(postgres_copy: str) -> None:
    from communique.store import open_store
    from communique.store.tokens import create_token as create

    with open_store(postgres_copy) as store:
        token = create(store, "analyst")
    with serving(postgres_copy) as url:
        _reviews_at_once(url, token)
