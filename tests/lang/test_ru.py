"""Russian reads through its package like every language: the reader in READERS, its word lists
as data files, its morphology passed to the stages in the annotation."""

from __future__ import annotations

from communique.document import Document
from communique.lang import DEFAULT_LANGUAGE, READERS
from communique.lang.ru.words import fold_spelling, russian_words
from communique.nlp import annotate
from communique.pipeline import Pipeline
from communique.record import ActorKind, MentionType, Record, RecordStatus

# Written for this test: two people, one named in the instrumental after «с».
MEETING = (
    "Министр иностранных дел Словении Матей Ковач провёл переговоры с послом Чили "
    "Рафаэлем Муньосом."
)


def _persons(record: Record) -> set[str]:
    assert record.status is RecordStatus.OK
    return {a.name for a in record.actors if a.kind is ActorKind.PERSON}


def test_russian_is_read_by_its_reader_with_its_stages(pipeline: Pipeline) -> None:
    assert READERS["ru"].module == "communique.lang.ru.read"
    record = pipeline.process(Document(id="ru", text=MEETING, language="ru"))
    assert record.pipeline == pipeline.stages_for("ru") == pipeline.stages
    assert [s.name for s in record.pipeline][:4] == [
        "nlp.natasha",
        "extract.mentions",
        "resolve.actors",
        "extract.events",
    ]
    # the instrumental declined back by the stage, through the morphology and names.json
    assert {"Матей Ковач", "Рафаэль Муньос"} <= _persons(record)


def test_text_of_no_clear_language_is_read_as_the_default_language(pipeline: Pipeline) -> None:
    assert DEFAULT_LANGUAGE == "ru"
    unknown = Document(id="unknown", text=MEETING, language=None)
    russian = Document(id="ru", text=MEETING, language="ru")
    read = pipeline.process(unknown)
    assert _persons(read) == _persons(pipeline.process(russian))
    assert read.pipeline == pipeline.stages


def test_a_batch_reads_as_each_document_alone(pipeline: Pipeline) -> None:
    other = "Президент Монголии провёл встречу с премьер-министром Исландии в Улан-Баторе."
    documents = [Document(id=str(i), text=t, language="ru") for i, t in enumerate([MEETING, other])]
    together = list(pipeline.process_many(documents))
    alone = [pipeline.process(d) for d in documents]
    assert [r.model_dump() for r in together] == [r.model_dump() for r in alone]
    assert any(m.type is MentionType.COUNTRY for m in together[1].mentions)


def test_the_annotation_carries_the_languages_morphology() -> None:
    annotation = annotate("Послом назначен Иван Петров.")
    readings = annotation.morphology.parse("послом")
    assert readings and readings[0].normal_form == "посол"
    assert annotation.morphology.word_is_known("посол")


def test_word_lists_are_versioned_data() -> None:
    dates = russian_words("dates")
    assert dates["version"] and dates["months"]["декабр"] == 12
    assert fold_spelling("Алёна и ёж") == "Алена и еж"
    assert fold_spelling("Ёж") == "Ёж"  # a capital «Ё» is folded by the callers' lower()
