from __future__ import annotations

from pathlib import Path

from communique.evaluate.factrueval import (
    document_ids,
    gold_occupations,
    gold_participant_facts,
    load_factrueval,
    load_factrueval_document,
)


def test_offsets_index_the_text(factrueval_dir: Path) -> None:
    for doc in load_factrueval(factrueval_dir, limit=5):
        for mention in doc.mentions:
            for start, end in mention.token_runs:
                assert doc.text[start:end].strip() == doc.text[start:end] != ""


def test_document_ids_are_in_numeric_order(factrueval_dir: Path) -> None:
    ids = document_ids(factrueval_dir)
    assert len(ids) == 122
    assert ids[:3] == ["book_58", "book_61", "book_74"]


def test_full_and_name_only_extents(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_374")
    gazprom = doc.mention("14192")
    assert gazprom is not None
    assert doc.mention_text(gazprom) == "ОАО «Газпром"
    assert gazprom.name_extent is not None
    assert doc.text[slice(*gazprom.name_extent)] == "Газпром"
    assert gazprom.token_runs == ((313, 316), (318, 325))


def test_neutral_flags(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_100")
    reasons = {m.id: m.neutral_reason for m in doc.mentions}
    assert reasons["10547"] == "embedded"  # Москвы in «мэрии Москвы»
    assert reasons["10433"] is None  # мэрии Москвы
    assert reasons["10444"] == "embedded"  # Юрию Долгорукому in «памятника Юрию Долгорукому»
    assert reasons["10435"] is None  # Юрия Лужкова
    unnamed = [
        m for d in load_factrueval(factrueval_dir, 20) for m in d.mentions if m.neutral_reason
    ]
    assert any(m.neutral_reason == "unnamed" and m.type == "Org" for m in unnamed)


def test_siblings_keep_the_org_copy(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_374")
    by_tokens: dict[frozenset[int], list[str]] = {}
    for mention in doc.mentions:
        by_tokens.setdefault(mention.token_indices, []).append(mention.id)
    assert all(
        sum(doc.mention(i).neutral_reason != "sibling" for i in ids) == 1  # type: ignore[union-attr]
        for ids in by_tokens.values()
    )


def test_facts_are_parsed_with_alternatives_and_neutral_marks(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_117")
    meeting, occupation = doc.facts[0], doc.facts[1]
    assert (meeting.type, len(meeting.occurrences("Participant"))) == ("Meeting", 2)
    assert occupation.first("Who")[0].object_id == "102"
    assert occupation.first("Position")[0].span_id == "22887"
    assert occupation.neutral and not meeting.neutral


def test_gold_occupations_use_coref_keys_and_aliases(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_100")
    luzhkov = next(o for o in gold_occupations(doc) if o.id == "100-0")
    assert luzhkov.surname_keys == ("Лужков",)
    assert luzhkov.positions == ("мэра",)
    assert {"Москва", "Москвы", "Москве"} <= set(luzhkov.places)


def test_gold_meetings(factrueval_dir: Path) -> None:
    doc = load_factrueval_document(factrueval_dir, "book_117")
    (meeting,) = gold_participant_facts(doc, "Meeting")
    assert [p.surname_keys for p in meeting.participants] == [("Саркози",), ("Обама",)]
