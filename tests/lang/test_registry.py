"""The pipeline reads each language through its own reader, and says which read a record."""

from __future__ import annotations

from communique.document import Document
from communique.lang import READERS
from communique.pipeline import Pipeline
from communique.record import MentionType, RecordStatus

KAZAKH = (
    "Қазақстанның Сыртқы істер министрі Арман Исетов Түркия Республикасының "
    "Елшісі Мехмет Озтүрікпен кездесті."
)
ENGLISH = (
    "Foreign Minister of Kazakhstan Arman Issetov met with the Ambassador of Turkey "
    "Mehmet Ozturk in Astana."
)
GERMAN = "Der Außenminister Kasachstans traf in Astana den Botschafter der Türkei."


def test_each_language_is_read_by_its_reader(pipeline: Pipeline) -> None:
    documents = [
        Document(id="kk", text=KAZAKH, language="kk"),
        Document(id="en", text=ENGLISH, language="en", source="Example Agency"),
        Document(id="de", text=GERMAN, language="de"),
    ]
    kazakh, english, german = pipeline.process_many(documents)
    for record, code in ((kazakh, "kk"), (english, "en")):
        assert record.status is RecordStatus.OK
        assert record.pipeline[0].name == f"lang.{code}.read"
        assert record.pipeline == pipeline.stages_for(code)
        persons = [m for m in record.mentions if m.type is MentionType.PERSON]
        assert len(persons) == 2, record.mentions
        assert all(record.text[m.start : m.end] == m.text for m in record.mentions)
    assert english.source == "Example Agency"  # the document's metadata, not the reader's
    assert german.status is RecordStatus.UNSUPPORTED_LANGUAGE
    assert german.pipeline == pipeline.stages  # what marked it
    assert "Russian, Kazakh, English" in (german.message or "")


def test_every_reader_declares_its_version() -> None:
    for code, reader in READERS.items():
        name, version = reader.version.split("@")
        assert name == f"lang.{code}.read" and version
        assert callable(reader.load())
