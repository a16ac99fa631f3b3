"""Export formats are registered in one place: the command's choices, the API's text formats and
`write_export` all follow the registries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.cli.common import TableFormat
from communique.cli.export import ExportFormat as FormatChoice
from communique.export import FORMATS, write_export
from communique.export.tables import TEXT_FORMATS
from communique.export.writers import ExportFormat, ExportOptions, register
from communique.store.queries import Table

EVENTS = Table(
    ["document_id", "event_id", "status", "type"],
    [["d1", "e1", "happened", "CONSULT"], ["d1", "e2", "negated", "AGREE"]],
)


def _tsv(table: Table, path: Path, options: ExportOptions) -> None:
    lines = ["\t".join(table.columns)] + ["\t".join(map(str, row)) for row in table.rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def tsv() -> Iterator[ExportFormat]:
    added = register(ExportFormat("tsv-test", _tsv, events_only=True))
    yield added
    del FORMATS[added.name]


def test_the_commands_choices_are_the_registered_formats() -> None:
    assert [choice.value for choice in FormatChoice] == list(FORMATS)
    assert [choice.value for choice in TableFormat] == ["table", *TEXT_FORMATS]


def test_a_registered_format_is_written_with_the_statuses_kept(
    tsv: ExportFormat, tmp_path: Path
) -> None:
    path = tmp_path / "events.tsv"
    summary = write_export(EVENTS, "events", tsv.name, path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "document_id\tevent_id\tstatus\ttype",
        "d1\te1\thappened\tCONSULT",
    ]
    assert (summary.written, summary.left_out) == (1, {"status negated": 1})
    with pytest.raises(ValueError, match="writes events only"):
        write_export(Table(["id"], [["a"]]), "actors", tsv.name, tmp_path / "actors.tsv")
    assert not (tmp_path / "actors.tsv").exists()


def test_a_format_cannot_be_registered_twice(tsv: ExportFormat) -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register(ExportFormat(tsv.name, _tsv))


def test_a_streamed_csv_has_its_header_once_and_every_batch() -> None:
    batches = [Table(["name", "n"], [["Астана", 1]]), Table(["name", "n"], [["=SUM(A1)", 2]])]
    text = "".join(TEXT_FORMATS["csv"].stream(batches))
    assert text == "\ufeffname,n\nАстана,1\n'=SUM(A1),2\n"
