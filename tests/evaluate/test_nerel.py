from __future__ import annotations

from pathlib import Path

from communique.evaluate.nerel import gold_occupations, load_nerel, load_nerel_document

ANNOTATION = """\
T1\tPERSON 0 13\tСергей Лавров
T2\tPROFESSION 16 23\tминистр
T3\tCOUNTRY 24 30\tРоссии
T4\tPERSON 32 37\tЛавров
T5\tPROFESSION 38 45\tминистр
T6\tORGANIZATION 46 50\tООН;
R1\tWORKS_AS Arg1:T1 Arg2:T2\t
R2\tWORKPLACE Arg1:T2 Arg2:T3
R3\tWORKS_AS Arg1:T4 Arg2:T5
R4\tWORKPLACE Arg1:T4 Arg2:T3
N1\tReference T1 Wikidata:Q1\tСергей Лавров
"""
TEXT = "Сергей Лавров, министр России. Лавров министр ООН."


def test_discontinuous_entities_use_the_outer_extent(nerel_dir: Path) -> None:
    doc = load_nerel_document(nerel_dir, "1563347_text")
    entity = next(e for e in doc.entities if e.fragments == ((1647, 1658), (1674, 1704)))
    assert entity.extent == (1647, 1704)
    assert " ".join(doc.text[s:e] for s, e in entity.fragments) == entity.text


def test_entity_texts_match_offsets(nerel_dir: Path) -> None:
    for doc in load_nerel(nerel_dir, limit=5):
        assert doc.relations
        for entity in doc.entities:
            assert " ".join(doc.text[s:e] for s, e in entity.fragments) == entity.text


def test_occupations_from_works_as_and_workplace(tmp_path: Path) -> None:
    (tmp_path / "1_text.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "1_text.ann").write_text(ANNOTATION.replace(";", ""), encoding="utf-8")
    doc = load_nerel_document(tmp_path, "1_text")
    (occupation,) = gold_occupations(doc)  # the second (person's workplace) merges into it
    assert occupation.surname_keys == ("лавров",)
    assert occupation.positions == ("министр",)
    assert occupation.places == ("России",)
