"""Analysts' reviews on the Senate release: applied to the facts, kept in the audit trail,
replayed on re-extraction (also when ids move), and refused with a reason when malformed.
Runs on DuckDB and PostgreSQL."""

from __future__ import annotations

import pytest

from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import Store
from communique.store.filters import make_filters
from communique.store.queries import run
from communique.store.reprocess import reprocess
from communique.store.reviews import ReviewError, history, record_review, review_states
from communique.store.tokens import (
    TokenError,
    authenticate,
    create_token,
    revoke_token,
    token_names,
)

SENATE = "senate-kz-mongolia.ru"


@pytest.fixture
def senate(store: Store, sample_records: list[Record]) -> Record:
    record = next(r for r in sample_records if r.id == SENATE)
    store.add(record)
    return record


def _event(record: Record, trigger: str) -> str:
    return next(e.id for e in record.events if e.trigger_text == trigger)


def _events(store: Store, **filters: object) -> list[dict]:
    return run(store, "events", make_filters(**filters), limit=None).dicts()  # type: ignore[arg-type]


def test_a_correction_changes_the_fact_everywhere_and_keeps_what_it_said(
    store: Store, senate: Record
) -> None:
    visit = _event(senate, "визита")  # Tokayev's 2024 visit, coded CONSULT
    review = record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="correct",
        author="analyst", changes={"type": "COOPERATE", "date": "2024-06"},
        reason="a state visit is more than a consultation here",
    )  # fmt: skip
    assert review.before == {"type": "CONSULT", "date": "2024"}
    row = next(r for r in _events(store) if r["event_id"] == visit)
    assert (row["type"], row["review"], row["date"]) == ("COOPERATE", "corrected", "2024-06")
    # The CAMEO code follows the new PLOVER type, from the table.
    assert row["cameo"].startswith("0") and row["cameo"] != "042"
    assert [r["event_id"] for r in _events(store, event_type="COOPERATE")] == [visit]
    loaded = next(e for e in store.load(SENATE).events if e.id == visit)
    assert loaded.type == "COOPERATE" and loaded.date is not None
    assert loaded.date.basis == "reviewed"
    untouched = [r for r in _events(store) if r["event_id"] != visit]
    assert {r["review"] for r in untouched} == {"machine"}


def test_reject_hides_the_fact_from_queries_unless_asked(store: Store, senate: Record) -> None:
    # «обмен мнениями» was a CONSULT of its own; it is now evidence of the one meeting, so the
    # rejected fact here is the greeting, read as SUPPORT
    exchange = _event(senate, "поздравил")
    record_review(
        store, document_id=SENATE, fact="event", fact_id=exchange, action="reject",
        author="analyst", reason="a greeting, not a statement of support",
    )  # fmt: skip
    assert exchange not in {r["event_id"] for r in _events(store)}
    shown = _events(store, include_rejected=True)
    assert next(r for r in shown if r["event_id"] == exchange)["review"] == "rejected"
    # Confirming it later brings it back.
    record_review(
        store, document_id=SENATE, fact="event", fact_id=exchange, action="confirm",
        author="second",
    )  # fmt: skip
    assert next(r for r in _events(store) if r["event_id"] == exchange)["review"] == "confirmed"
    trail = history(store, document_id=SENATE)
    assert [(r.action, r.author) for r in trail] == [("confirm", "second"), ("reject", "analyst")]


def test_an_added_event_joins_the_country_filters(store: Store, senate: Record) -> None:
    start = senate.text.index("Маулен Ашимбаев")
    ids = {a.name: a.id for a in senate.actors}
    kz, mn = ids["Маулен Ашимбаев"], ids["Монголия"]
    added = record_review(
        store, document_id=SENATE, fact="event", fact_id=None, action="add", author="analyst",
        changes={"type": "CONSULT", "start": start, "end": start + 40, "source": kz,
                 "target": mn, "status": "planned"},
    )  # fmt: skip
    assert added.fact_id == f"r{added.id}"
    pair = _events(store, countries=["KZ-MN"], event_type="CONSULT", status="planned")
    assert [(r["event_id"], r["review"]) for r in pair] == [(added.fact_id, "added")]
    event = next(e for e in store.load(SENATE).events if e.id == added.fact_id)
    assert event.extractor == "review" and event.source_countries == ["KZ"]


def test_a_type_alone_gets_that_types_own_code_and_four_digit_codes_are_accepted(
    store: Store, senate: Record
) -> None:
    start = senate.text.index("Маулен Ашимбаев")
    for plover, code in (("REQUEST", "100"), ("ACCUSE", "110")):
        added = record_review(
            store, document_id=SENATE, fact="event", fact_id=None, action="add",
            author="analyst", changes={"type": plover, "start": start, "end": start + 15},
        )  # fmt: skip
        row = next(r for r in _events(store) if r["event_id"] == added.fact_id)
        assert (row["type"], row["cameo"]) == (plover, code)
    visit = _event(senate, "визита")
    record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="correct",
        author="analyst", changes={"cameo": "0311"},
    )  # fmt: skip
    row = next(r for r in _events(store) if r["event_id"] == visit)
    assert (row["type"], row["cameo"], row["goldstein"], row["mode"]) == (
        "AGREE",
        "0311",
        5.2,
        None,
    )
    assert row["cameo_name"] == "Express intent to cooperate economically"  # GDELT's name
    # the visit's mode went with its category: AGREE has none
    assert [r["event_id"] for r in _events(store, cameo="0311")] == [visit]
    record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="correct",
        author="analyst", changes={"cameo": "041", "mode": "phone"},
    )  # fmt: skip
    row = next(r for r in _events(store) if r["event_id"] == visit)
    assert (row["type"], row["mode"]) == ("CONSULT", "phone")


def test_reviews_survive_reprocess(store: Store, senate: Record, pipeline: Pipeline) -> None:
    visit, exchange = _event(senate, "визита"), _event(senate, "поздравил")
    amarbayasgalan = next(a.id for a in senate.actors if a.name.endswith("Амарбаясгалан"))
    record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="correct",
        author="analyst", changes={"status": "happened"},
    )  # fmt: skip
    record_review(
        store, document_id=SENATE, fact="event", fact_id=exchange, action="reject",
        author="analyst",
    )  # fmt: skip
    record_review(
        store, document_id=SENATE, fact="actor", fact_id=amarbayasgalan, action="correct",
        author="analyst", changes={"name": "Дашзэвэгийн Амарбаясгалан"},
    )  # fmt: skip
    added = record_review(
        store, document_id=SENATE, fact="agreement", fact_id=None, action="add",
        author="analyst", changes={"title": "Соглашение о космосе", "start": 10, "end": 50,
                                   "status": "planned"},
    )  # fmt: skip
    before = review_states(store, SENATE)

    summary = reprocess(store, pipeline, [SENATE])
    assert summary.updated == 1 and not summary.failures

    after = review_states(store, SENATE)
    assert {k: (v.status, v.values) for k, v in after.items()} == {
        k: (v.status, v.values) for k, v in before.items()
    }
    assert after[("event", visit)].status == "corrected"
    assert after[("event", exchange)].status == "rejected"
    loaded = store.load(SENATE)
    assert next(e for e in loaded.events if e.id == visit).status == "happened"
    actor = next(a for a in loaded.actors if a.id == amarbayasgalan)
    assert actor.name == "Дашзэвэгийн Амарбаясгалан"
    assert any(g.id == added.fact_id and g.status == "planned" for g in loaded.agreements)
    assert all(r.attached_to for r in history(store, document_id=SENATE))


def test_a_review_follows_its_fact_when_a_re_extraction_renumbers_ids(
    store: Store, senate: Record
) -> None:
    visit = _event(senate, "визита")
    record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="correct",
        author="analyst", changes={"type": "COOPERATE"},
    )  # fmt: skip
    # The same events listed backwards and numbered afresh: every id now names another event.
    renumbered = senate.model_copy(
        update={
            "events": [
                e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(reversed(senate.events))
            ]
        }
    )
    store.replace(SENATE, renumbered)
    moved = next(e.id for e in renumbered.events if e.trigger_text == "визита")
    assert moved != visit
    assert review_states(store, SENATE)[("event", moved)].values == {"type": "COOPERATE"}
    types = {e.id: e.type for e in store.load(SENATE).events}
    assert types[moved] == "COOPERATE"
    assert types[visit] == next(e.type for e in senate.events if e.id == moved)  # machine's


def test_a_review_whose_fact_is_gone_stays_in_the_trail(store: Store, senate: Record) -> None:
    visit = _event(senate, "визита")
    record_review(
        store, document_id=SENATE, fact="event", fact_id=visit, action="reject",
        author="analyst",
    )  # fmt: skip
    fewer = senate.model_copy(
        update={"events": [e for e in senate.events if e.id != visit], "commitments": []}
    )
    store.replace(SENATE, fewer)
    (review,) = history(store, document_id=SENATE)
    assert review.attached_to is None and review.fact_id == visit
    assert review_states(store, SENATE) == {}


def test_correcting_an_actor_moves_its_identity(store: Store, senate: Record) -> None:
    person = next(a for a in senate.actors if a.name.endswith("Амарбаясгалан"))
    record_review(
        store, document_id=SENATE, fact="actor", fact_id=person.id, action="correct",
        author="analyst", changes={"country": "kz"},
    )  # fmt: skip
    keys = run(store, "actors", make_filters(countries=["KZ"]), limit=None).dicts()
    assert any(r["name"] == person.name for r in keys)


def test_an_actors_corrected_country_moves_its_events_to_the_new_pair(
    store: Store, senate: Record
) -> None:
    person = next(a for a in senate.actors if a.name.endswith("Амарбаясгалан"))
    his = {e.id: e for e in senate.events if person.id in e.source or person.id in e.target}
    assert his and person.country == "MN"
    record_review(
        store, document_id=SENATE, fact="actor", fact_id=person.id, action="correct",
        author="analyst", changes={"country": "RU"}, reason="to test the move",
    )  # fmt: skip
    moved = {r["event_id"]: r for r in _events(store, countries=["RU"], include_inferred=True)}
    assert set(moved) == set(his)
    for event_id, event in his.items():
        side = "source_countries" if person.id in event.source else "target_countries"
        # Mongolia stays only where another actor of the side is Mongolian.
        others = event.source if side == "source_countries" else event.target
        still_mn = any(
            a.country == "MN" for a in senate.actors if a.id in others and a.id != person.id
        )
        assert ("MN" in moved[event_id][side]) == still_mn
        assert "RU" in moved[event_id][side]
    # The pair KZ-MN keeps only the events where Mongolia still has an actor.
    pair = {r["event_id"] for r in _events(store, countries=["KZ-MN"], include_inferred=True)}
    assert pair == {
        e.id for e in senate.events if {"KZ", "MN"} <= set(e.source_countries + e.target_countries)
    } - {i for i in his if "MN" not in moved[i]["source_countries"] + moved[i]["target_countries"]}


@pytest.mark.parametrize(
    ("review", "status", "says"),
    [
        ({"document_id": "nope"}, 404, "no document"),
        ({"fact_id": "e999"}, 404, "no event 'e999'"),
        ({"fact": "opinion"}, 422, "fact 'opinion'"),
        ({"action": "delete"}, 422, "action 'delete'"),
        ({"changes": {"type": "PARTY"}}, 422, "type 'PARTY'"),
        ({"changes": {"date": "2024-13"}}, 422, "YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"changes": {"goldstein": "10"}}, 422, "goldstein cannot be corrected"),
        ({"changes": {"source": "a1; DROP TABLE events"}}, 422, "no actor DROP TABLE events"),
        ({"changes": {"target": "a99"}}, 422, "no actor a99"),
        ({"changes": {"cameo": "999"}}, 422, "CAMEO code"),
        ({"changes": {"cameo": "010"}}, 422, "drops CAMEO 01"),
        ({"changes": {"mode": "host"}}, 422, "PLOVER's modes of CONSULT"),
        ({"changes": {"type": "SANCTION", "mode": "ease"}}, 422, "discontinue"),
        ({"changes": {}}, 422, "correct needs changes"),
        ({"action": "confirm", "changes": {"type": "AID"}}, 422, "takes no changes"),
        ({"action": "add", "changes": {"type": "AID"}}, 422, "needs start, end"),
        ({"action": "add", "changes": {"type": "AID", "start": 5, "end": 10**6}}, 422, "<="),
        ({"fact": "topic", "action": "add", "changes": {"label_en": "x"}}, 422, "cannot be added"),
        ({"reason": "x" * 3000}, 422, "at most 2000"),
        ({"reason": "bad\x00byte"}, 422, "control"),
    ],
)
def test_malformed_reviews_are_refused_and_change_nothing(
    store: Store, senate: Record, review: dict, status: int, says: str
) -> None:
    given = {
        "document_id": SENATE, "fact": "event", "fact_id": "e0", "action": "correct",
        "author": "analyst", "changes": {"type": "AID"}, **review,
    }  # fmt: skip
    with pytest.raises(ReviewError, match=None) as refused:
        record_review(store, **given)
    assert refused.value.http_status == status
    assert says in str(refused.value)
    assert history(store) == []
    assert store.load(SENATE) == senate


def test_tokens_are_stored_hashed_and_can_be_revoked(store: Store) -> None:
    token = create_token(store, "analyst")
    assert authenticate(store, token) == "analyst"
    assert authenticate(store, token + "x") is None
    assert authenticate(store, "") is None and authenticate(store, None) is None
    dumped = str(store.backend.rows("SELECT * FROM api_tokens"))
    assert token not in dumped
    with pytest.raises(TokenError, match="already has a token"):
        create_token(store, "analyst")
    with pytest.raises(TokenError, match="token name"):
        create_token(store, "robert'); DROP TABLE api_tokens;--")
    assert revoke_token(store, "analyst") and not revoke_token(store, "analyst")
    assert authenticate(store, token) is None
    renewed = create_token(store, "analyst")
    assert authenticate(store, renewed) == "analyst" and renewed != token
    assert [name for name, _, revoked in token_names(store)] == ["analyst"]
