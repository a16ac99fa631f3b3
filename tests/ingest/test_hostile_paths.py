"""Hostile folders and records: special files, symbolic links, read errors, bad ids, surrogates."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from communique.document import Document
from communique.errors import MalformedInputError, UnreadableInputError
from communique.ingest import ReadFailure, ReadResult, read_path

from .samples import SENTENCE


def read_within(path: Path, seconds: float = 20, **options: bool) -> list[ReadResult]:
    """read_path in a thread: a walk that opened a FIFO would block forever, and the test must
    fail, not hang."""
    results: list[ReadResult] = []
    worker = threading.Thread(target=lambda: results.extend(read_path(path, **options)))
    worker.daemon = True
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the folder blocked"
    return results


def split(results: list[ReadResult]) -> tuple[dict[str, Document], dict[str, ReadFailure]]:
    documents = {r.id: r for r in results if isinstance(r, Document)}
    failures = {Path(r.source).name: r for r in results if isinstance(r, ReadFailure)}
    return documents, failures


def test_fifo_socket_and_device_in_a_folder_are_skipped_unread(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(SENTENCE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "listener.txt"))
    try:
        documents, failures = split(read_within(tmp_path))
    finally:
        listener.close()
    assert list(documents) == ["news"]
    assert set(failures) == {"pipe.txt", "listener.txt"}
    for failure in failures.values():
        assert isinstance(failure.error, UnreadableInputError)
        assert failure.error.exit_code == 9
    assert "named pipe (FIFO), skipped unread" in failures["pipe.txt"].describe()
    assert "socket, skipped unread" in failures["listener.txt"].describe()


def test_symbolic_links_in_a_folder_are_not_followed_by_default(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_text(SENTENCE, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Пароль администратора: совершенно секретно.", encoding="utf-8")
    (folder / "outside.txt").symlink_to(secret)
    (folder / "alias.txt").symlink_to(folder / "news.txt")
    documents, failures = split(read_within(folder))
    assert list(documents) == ["news"]
    assert set(failures) == {"outside.txt", "alias.txt"}
    assert "not followed (--follow-symlinks" in failures["alias.txt"].describe()


def test_followed_links_stay_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "news.txt").write_text(SENTENCE, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Пароль администратора: совершенно секретно.", encoding="utf-8")
    (folder / "outside.txt").symlink_to(secret)
    (folder / "etc").symlink_to(tmp_path)  # a folder outside, holding the secret
    (folder / "alias.txt").symlink_to(folder / "sub" / "news.txt")
    (folder / "sub" / "loop").symlink_to(folder)  # back up: walked once, not forever
    results = read_within(folder, follow_symlinks=True)
    documents, failures = split(results)
    assert sorted(documents) == ["alias", "news"]
    assert all(d.text == SENTENCE for d in documents.values())
    assert set(failures) == {"outside.txt", "etc"}
    assert f"a symbolic link out of {folder}, not followed" in failures["etc"].describe()


def test_a_read_error_names_the_path(tmp_path: Path) -> None:
    # /proc/self/mem opens, but reading it at offset 0 fails with EIO
    (failure,) = read_path("/proc/self/mem")
    assert isinstance(failure, ReadFailure)
    assert isinstance(failure.error, UnreadableInputError)
    assert failure.describe() == "/proc/self/mem: input/output error"


def test_a_lone_surrogate_fails_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": SENTENCE}),
        '{"id": "b", "text": "Посол \\ud800 прибыл."}',
        '{"id": "c\\udfff", "text": "Посол прибыл."}',
        json.dumps({"id": "d", "text": SENTENCE + " Снова."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(path))
    documents, _ = split(results)
    assert sorted(documents) == ["a", "d"]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.line for f in failures] == [2, 3]
    assert all(isinstance(f.error, MalformedInputError) for f in failures)
    assert "line 2: 'text' holds the lone surrogate \\ud800" in failures[0].describe()
    assert "line 3: 'id' holds the lone surrogate \\udfff" in failures[1].describe()


@pytest.mark.parametrize("bad_id", ["a\u0000b", "line\nbreak", "bell\u0007", "c1\u0085"])
def test_ids_with_control_characters_are_refused(tmp_path: Path, bad_id: str) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": bad_id, "text": SENTENCE}),
        json.dumps({"id": "ok", "text": SENTENCE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failure, document = read_path(path)
    assert isinstance(failure, ReadFailure) and isinstance(document, Document)
    assert isinstance(failure.error, MalformedInputError) and failure.error.exit_code == 6
    assert "holds the control character U+" in failure.describe()
    assert document.id == "ok"


def test_a_file_name_with_a_control_character_gives_no_id(tmp_path: Path) -> None:
    (tmp_path / "bad\tname.txt").write_text(SENTENCE, encoding="utf-8")
    (failure,) = read_path(tmp_path)
    assert isinstance(failure, ReadFailure)
    assert "holds the control character U+0009" in failure.describe()


def test_a_link_put_in_a_walked_files_place_is_not_opened(tmp_path: Path) -> None:
    # what the walk listed as a regular file became a link before it was opened
    from communique.ingest.reader import read_file

    secret = tmp_path / "secret.txt"
    secret.write_text("Пароль администратора: совершенно секретно.", encoding="utf-8")
    (tmp_path / "x.txt").symlink_to(secret)
    (failure,) = read_file(
        tmp_path / "x.txt",
        doc_id="x",
        fmt=None,
        max_bytes=1000,
        regular_only=True,
        follow_symlinks=False,
    )
    assert isinstance(failure, ReadFailure)
    assert failure.describe().endswith("x.txt: a symbolic link, skipped unread")
