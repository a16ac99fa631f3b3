"""read_path and read_bytes: files, directory walks, stdin, formats, ids, sizes, failures."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from communique.document import Document
from communique.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    UnreadableInputError,
)
from communique.ingest import DEFAULT_MAX_BYTES, ReadFailure, ReadResult, read_bytes, read_path

from .samples import ENGLISH, NEWS_PAGE, PARAGRAPH, SENTENCE


def documents(results: list[ReadResult]) -> dict[str, Document]:
    return {r.id: r for r in results if isinstance(r, Document)}


def failures(results: list[ReadResult]) -> list[ReadFailure]:
    return [r for r in results if isinstance(r, ReadFailure)]


def test_single_text_file(tmp_path: Path) -> None:
    path = tmp_path / "lavrov-2024.txt"
    path.write_bytes(PARAGRAPH.encode("cp1251"))
    (document,) = read_path(path)
    assert document == Document(
        id="lavrov-2024",
        text=PARAGRAPH,
        path=str(path),
        format="text",
        encoding="cp1251",
        language="ru",
        language_confidence=document.language_confidence,
    )


def test_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "news.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b" / "news.html").write_text(NEWS_PAGE.format(charset="utf-8"), encoding="utf-8")
    (tmp_path / "b" / "feed.jsonl").write_text(
        json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"id": "x", "text": SENTENCE}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "b" / "saved_page").write_text(NEWS_PAGE.format(charset="utf-8"), encoding="utf-8")
    (tmp_path / "notes").write_bytes(SENTENCE.encode("koi8_r"))
    (tmp_path / "empty.txt").write_bytes(b" \n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(100))
    (tmp_path / ".hidden.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / ".git" / "config").write_text(SENTENCE, encoding="utf-8")

    results = list(read_path(tmp_path))

    # Sorted by relative path; hidden files and directories skipped.
    sources = [r.path if isinstance(r, Document) else r.source for r in results]
    assert sources == [
        str(tmp_path / name)
        for name in (
            "a/news.txt",
            "b/feed.jsonl",
            "b/feed.jsonl",
            "b/news.html",
            "b/saved_page",
            "empty.txt",
            "notes",
            "scan.pdf",
        )
    ]
    found = documents(results)
    # Stems are ids unless two files share one, then relative paths are.
    assert sorted(found) == ["a/news.txt", "b/news.html", "feed:1", "notes", "saved_page", "x"]
    assert found["a/news.txt"].format == "text"
    assert found["b/news.html"].format == "html"
    assert found["saved_page"].format == "html"  # no extension: sniffed
    assert found["notes"].encoding == "koi8-r"
    assert found["feed:1"].language == "en"
    errors = {Path(f.source).name: type(f.error) for f in failures(results)}
    assert errors == {"empty.txt": EmptyInputError, "scan.pdf": BinaryInputError}


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SENTENCE.encode("cp1251")))
    monkeypatch.setattr(sys, "stdin", stdin)
    (document,) = read_path("-")
    assert isinstance(document, Document)
    assert (document.id, document.text, document.encoding) == ("stdin", SENTENCE, "cp1251")
    assert document.path is None


def test_stdin_json_lines_are_sniffed_and_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(json.dumps({"text": SENTENCE}) + "\n" for _ in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    results = list(read_path("-", max_bytes=500))  # a per-record limit, not a stream limit
    assert [r.id for r in results if isinstance(r, Document)] == ["stdin:1", "stdin:2", "stdin:3"]


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (failure,) = read_path("-")
    assert isinstance(failure, ReadFailure)
    assert failure.describe() == "<stdin>: input is empty or only whitespace"


def test_five_megabyte_text_reads(tmp_path: Path) -> None:
    text = PARAGRAPH * (5 * 1024 * 1024 // len(PARAGRAPH.encode("utf-8")) + 1)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 5 * 1024 * 1024
    (document,) = read_path(path)
    assert isinstance(document, Document)
    assert document.text == text
    assert document.language == "ru"


def test_over_limit_input_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE * 100, encoding="utf-8")
    (failure,) = read_path(path, max_bytes=1000)
    assert isinstance(failure, ReadFailure)
    assert isinstance(failure.error, InputTooLargeError)
    assert failure.describe() == f"{path}: larger than the limit of 1,000 bytes"
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_missing_path_and_broken_link_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (missing,) = read_path(tmp_path / "missing.txt")
    (dangling,) = read_path(tmp_path)
    for failure in (missing, dangling):
        assert isinstance(failure, ReadFailure)
        assert isinstance(failure.error, UnreadableInputError)
        assert failure.error.exit_code == 9
    assert missing.describe() == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_read_bytes_format_from_name_or_argument() -> None:
    page = NEWS_PAGE.format(charset="utf-8").encode()
    (from_name,) = read_bytes(page, name="crawl/page.html")
    (as_text,) = read_bytes(page, name="crawl/page.html", fmt="text", doc_id="raw")
    assert isinstance(from_name, Document)
    assert isinstance(as_text, Document)
    assert (from_name.id, from_name.format) == ("page", "html")
    assert (as_text.id, as_text.format, as_text.text) == ("raw", "text", page.decode())


def test_sniffing_unknown_extensions() -> None:
    sniffed = {
        name: result.format
        for name, data in {
            "page.dat": b"\n  <!doctype html><html><body><p>" + SENTENCE.encode() + b"</p>",
            "mail.dat": b"<lavrov@example.ru> wrote:\n" + SENTENCE.encode(),
            "feed.dat": json.dumps({"text": SENTENCE}).encode(),
            "utf16.dat": ("<html><body><p>" + SENTENCE + "</p></body></html>").encode("utf-16"),
        }.items()
        for result in read_bytes(data, name=name)
        if isinstance(result, Document)
    }
    assert sniffed == {
        "page.dat": "html",
        "mail.dat": "text",
        "feed.dat": "jsonl",
        "utf16.dat": "html",
    }


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        list(read_bytes(b"x", name="x", fmt="pdf"))
