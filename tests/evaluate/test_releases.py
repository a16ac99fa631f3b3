"""The releases scorer on a release written for the test and a hand-made record, so each figure
is known from the gold and the record alone."""

from __future__ import annotations

from typing import Any

from communique.evaluate.releases import same_name, score_corpus, surname_matches

GOLD = {
    "slug": "01-test",
    "lang": "ru",
    "persons": [
        {"name": "Иван Петров", "surname": "Петров", "title": "министр", "country": "KZ"},
        {"name": "Кэндзи Накамура", "surname": "Накамура", "title": "посол", "country": "JP"},
    ],
    "organisations": [],
    "countries": ["KZ", "JP"],
    "meetings": [{"participants": ["Петров", "Накамура"], "mode": "meeting"}],
    "agreements": [{"title_words": "меморандум туризме", "status": "signed"}],
    "topics": ["tourism"],
    "ignore_persons": ["Смирнов"],
}


def _record() -> dict[str, Any]:
    actors = [
        {"id": "a0", "kind": "person", "name": "Иван Петров", "country": "KZ"},
        # the name left in the accusative and no country: found, but name and country wrong
        {"id": "a1", "kind": "person", "name": "Кэндзи Накамуру", "positions": ["посол"]},
        {"id": "a2", "kind": "person", "name": "Алексей Смирнов"},  # a byline: ignored
        {"id": "a3", "kind": "person", "name": "Посла"},  # not a person: spurious
    ]
    events = [
        {"id": "e0", "type": "CONSULT", "source": ["a0"], "target": ["a1"], "mode": "meeting"},
        {"id": "e1", "type": "CONSULT", "source": ["a3"], "target": ["a2"]},  # supports nothing
    ]
    agreements = [{"id": "g0", "title": "меморандум о туризме", "status": "planned"}]
    return {
        "id": "ru/01-test",
        "status": "ok",
        "actors": actors,
        "events": events,
        "agreements": agreements,
        "topics": [{"id": "tourism"}],
    }


def test_figures_on_a_one_release_corpus() -> None:
    report = score_corpus([GOLD], {"ru/01-test": _record()}, ["ru"])
    ru = report["languages"]["ru"]
    assert ru["person_recall"] == 1.0
    assert ru["person_precision"] == round(2 / 3, 3)  # Смирнов ignored, «Посла» counted
    assert ru["person_name_exact"] == 0.5
    assert ru["title_occ"] == 0.0 and ru["title_any"] == 0.5
    assert ru["person_country"] == 0.5
    assert ru["meeting_recall"] == 1.0 and ru["meeting_mode_ok"] == 1.0
    assert ru["consult_supported"] == 0.5
    assert ru["agreement_recall"] == 1.0 and ru["agreement_status_ok"] == 0.0
    assert ru["topic_recall"] == 1.0
    row = report["documents"]["ru/01-test"]
    assert row["name_wrong"] == ["Кэндзи Накамура -> Кэндзи Накамуру"]
    assert row["p_spurious"] == ["Посла"]


def test_surnames_match_by_stem_case_and_script() -> None:
    assert surname_matches("Ашимбаев", {"ашимбаева"}, set())
    assert surname_matches("Ашимбаев", set(), {"ashimbayev"})
    assert surname_matches("Ли", {"ли"}, set()) and not surname_matches("Ли", {"лиссабон"}, set())
    assert same_name("Абдель Фаттах ас-Сиси", "АБДЕЛЬ ФАТТАХ АС-СИСИ")
    assert not same_name("Маулен Ашимбаев", "Маулена Ашимбаева")


def test_a_missing_record_scores_as_empty() -> None:
    report = score_corpus([GOLD], {}, ["ru"])
    assert report["documents"]["ru/01-test"]["status"] == "missing"
    assert report["languages"]["ru"]["person_recall"] == 0.0
    assert report["languages"]["ru"]["person_precision"] is None
