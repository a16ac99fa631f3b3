"""Where a document's date comes from is stored with it, on both backends."""

from __future__ import annotations

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import PublishedBasis
from communique.store import Store

TEXT = "Министр принял посла Японии\n3 апреля 2024 года\nМинистр принял посла Японии в Астане."


def test_a_date_from_the_text_is_stored_and_read_again_on_reprocess(
    store: Store, pipeline: Pipeline
) -> None:
    record = pipeline.process(Document(id="from-text", text=TEXT, language="ru"))
    added = store.add(record)
    assert store.load(added.document_id) == record
    rows = store.backend.rows(
        "SELECT published_date, published_basis FROM documents WHERE id = ?", [added.document_id]
    )
    assert rows == [("2024-04-03", "text")]
    # Reprocess reads the date from the text again rather than taking it for metadata.
    again = store.document(added.document_id)
    assert again.published is None
    assert pipeline.process(again).published_basis is PublishedBasis.TEXT


def test_a_date_given_as_metadata_stays_metadata(store: Store, pipeline: Pipeline) -> None:
    document = Document(id="from-feed", text=TEXT, language="ru", published="2024-04-04")
    added = store.add(pipeline.process(document))
    assert store.document(added.document_id).published == "2024-04-04"
    assert store.load(added.document_id).published_basis is PublishedBasis.METADATA
