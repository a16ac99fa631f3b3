"""Reading sources into Documents: a file, a directory tree, stdin, or bytes in memory."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from communique.errors import (
    CommuniqueError,
    InputTooLargeError,
    UnreadableInputError,
)
from communique.ingest.documents import check_id, document_from_bytes
from communique.ingest.encoding import text_head
from communique.ingest.html import looks_like_html
from communique.ingest.jsonl import read_jsonl
from communique.ingest.results import ReadFailure, ReadResult, failure

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("text", "html", "jsonl")
STDIN = "-"

_FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_SNIFF_BYTES = 4096


def read_path(
    path: str | Path,
    *,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
    leave_out: frozenset[Path] = frozenset(),
) -> Iterator[ReadResult]:
    """Documents from a file, a directory (walked recursively, sorted, hidden entries skipped) or
    stdin ("-"), with a ReadFailure for each input or JSON Lines record that cannot be read.

    `fmt` (text, html or jsonl) overrides the choice by file extension, or by sniffing the content
    for unknown extensions. `max_bytes` limits each text or HTML input and each JSON Lines record.
    In a directory, only regular files are read (a FIFO, socket or device is skipped with a
    ReadFailure) and symbolic links are not followed unless `follow_symlinks`, and then only to
    files inside the directory. A path given itself is read whatever it is: a named pipe from
    the shell's `<(...)` is a legitimate input. Files in `leave_out` (resolved paths: the
    database ingest writes to, and its journal) are passed over in a walk, unsaid.
    """
    _check_format(fmt)
    if str(path) == STDIN:
        yield from _read_stream(
            sys.stdin.buffer,
            source="<stdin>",
            doc_id="stdin",
            path=None,
            fmt=fmt,
            max_bytes=max_bytes,
        )
        return
    root = Path(path)
    if not root.is_dir():
        yield from read_file(root, doc_id=root.stem, fmt=fmt, max_bytes=max_bytes)
        return
    entries = walk(root, follow_symlinks=follow_symlinks, leave_out=leave_out)
    ids = _file_ids(root, [entry for entry in entries if isinstance(entry, Path)])
    for entry in entries:
        if isinstance(entry, ReadFailure):
            yield entry
        else:
            yield from read_file(
                entry,
                doc_id=ids[entry],
                fmt=fmt,
                max_bytes=max_bytes,
                regular_only=True,
                follow_symlinks=follow_symlinks,
            )


def read_bytes(
    data: bytes,
    *,
    name: str,
    doc_id: str | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Documents from bytes in memory, as if read from a file called `name`.

    The id is `doc_id`, else the stem of `name` (the prefix of JSON Lines records without an id).
    """
    _check_format(fmt)
    yield from _read_stream(
        io.BytesIO(data),
        source=name,
        doc_id=doc_id or Path(name).stem or name,
        path=None,
        fmt=fmt or _FORMAT_BY_SUFFIX.get(Path(name).suffix.lower()),
        max_bytes=max_bytes,
    )


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def walk(
    root: Path, *, follow_symlinks: bool = False, leave_out: frozenset[Path] = frozenset()
) -> list[Path | ReadFailure]:
    """The files under `root` (hidden entries skipped), and in their place a ReadFailure for
    each entry left out: a folder that cannot be listed, a symbolic link not followed (every
    one, unless `follow_symlinks`; even then one that leads out of `root`, or nowhere). Sorted
    by path, so that the first failure of a run is the first in the folder's order."""
    inside = root.resolve()
    files: list[Path] = []
    skipped: list[ReadFailure] = []
    errors: list[OSError] = []
    visited: set[Path] = set()  # followed links may lead back to a folder already walked
    for directory, subdirectories, names in os.walk(
        root, onerror=errors.append, followlinks=follow_symlinks
    ):
        visited.add(Path(directory).resolve())
        # os.walk only descends into what is left in `subdirectories`.
        subdirectories[:] = [
            name
            for name in subdirectories
            if not name.startswith(".")
            and _admitted(Path(directory, name), follow_symlinks, inside, skipped)
            and Path(directory, name).resolve() not in visited
        ]
        files.extend(
            Path(directory, name)
            for name in names
            if not name.startswith(".")
            and _admitted(Path(directory, name), follow_symlinks, inside, skipped)
            and (not leave_out or Path(directory, name).resolve() not in leave_out)
        )
    for error in errors:
        skipped.append(failure(UnreadableInputError(_reason(error)), source=str(error.filename)))
    entries: list[Path | ReadFailure] = [*files, *skipped]
    return sorted(entries, key=lambda entry: _relative_parts(entry, root))


def _relative_parts(entry: Path | ReadFailure, root: Path) -> tuple[str, ...]:
    path = entry if isinstance(entry, Path) else Path(entry.source)
    try:
        return path.relative_to(root).parts
    except ValueError:  # an error about the root itself
        return ()


def _admitted(entry: Path, follow: bool, inside: Path, skipped: list[ReadFailure]) -> bool:
    """Whether the walk takes `entry`: any entry that is no symbolic link; a link only when
    links are followed, and then only to something that exists inside the folder walked
    (`ln -s /etc/shadow folder/x.txt` must not store the shadow file)."""
    if not entry.is_symlink():
        return True
    target = entry.resolve()
    if not follow:
        reason = "a symbolic link, not followed (--follow-symlinks follows those inside the folder)"
    elif not target.exists():
        reason = "a symbolic link to nothing"
    elif target != inside and inside not in target.parents:
        reason = f"a symbolic link out of {inside}, not followed"
    else:
        return True
    skipped.append(failure(UnreadableInputError(reason), source=str(entry)))
    return False


def _file_ids(root: Path, files: list[Path]) -> dict[Path, str]:
    """The stem of each file, or its relative path where two files share a stem."""
    stems = Counter(file.stem for file in files)
    return {
        file: file.stem if stems[file.stem] == 1 else file.relative_to(root).as_posix()
        for file in files
    }


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def read_file(
    file: Path,
    *,
    doc_id: str,
    fmt: str | None,
    max_bytes: int,
    regular_only: bool = False,
    follow_symlinks: bool = True,
) -> Iterator[ReadResult]:
    """The documents of one file; with `regular_only` (a file found by a walk), a FIFO, socket
    or device is a ReadFailure, never opened for reading; without `follow_symlinks`, neither is
    a symbolic link (one put in the file's place after the walk looked at it)."""
    source = str(file)
    try:
        check_id(doc_id)
    except CommuniqueError as error:
        yield failure(error, source=source)
        return
    try:
        stream, mode = _open(file, regular_only=regular_only, follow_symlinks=follow_symlinks)
        if stream is None:
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            yield failure(UnreadableInputError(f"{kind}, skipped unread"), source=source)
            return
        with stream:
            yield from _read_stream(
                stream,
                source=source,
                doc_id=doc_id,
                path=source,
                fmt=fmt or _FORMAT_BY_SUFFIX.get(file.suffix.lower()),
                max_bytes=max_bytes,
            )
    except OSError as error:  # a folder where a file was, a disk error in the middle of a read
        yield failure(UnreadableInputError(_reason(error)), source=source)


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
    stat.S_IFLNK: "a symbolic link",
}


def _open(file: Path, *, regular_only: bool, follow_symlinks: bool) -> tuple[BinaryIO | None, int]:
    """The file opened for reading and its mode; no stream if `regular_only` and it is no
    regular file. Checked on the path, then opened without blocking and checked again on the
    open descriptor: the path may have been swapped in between, and opening a FIFO with no
    writer would wait forever."""
    if not regular_only:
        stream = file.open("rb")
        return stream, os.fstat(stream.fileno()).st_mode
    # a socket cannot even be opened: its kind is told from here
    mode = os.stat(file, follow_symlinks=follow_symlinks).st_mode
    if not stat.S_ISREG(mode):
        return None, mode
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | (0 if follow_symlinks else os.O_NOFOLLOW)
    descriptor = os.open(file, flags)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        return None, mode
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb"), mode


def _read_stream(
    stream: BinaryIO,
    *,
    source: str,
    doc_id: str,
    path: str | None,
    fmt: str | None,
    max_bytes: int,
) -> Iterator[ReadResult]:
    if fmt is None:
        head = stream.read(_SNIFF_BYTES)
        fmt = _sniff_format(head)
        stream = io.BufferedReader(_Prefixed(head, stream))
    if fmt == "jsonl":
        yield from read_jsonl(
            stream, source=source, id_prefix=doc_id, path=path, max_bytes=max_bytes
        )
        return
    # One byte over the limit is enough to know; a huge input is never read whole.
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputTooLargeError(f"larger than the limit of {max_bytes:,} bytes")
        result: ReadResult = document_from_bytes(data, doc_id=check_id(doc_id), fmt=fmt, path=path)
    except CommuniqueError as error:
        result = failure(error, source=source)
    yield result


def _sniff_format(head: bytes) -> str:
    """html, jsonl or text, from the first bytes of an input of unknown kind."""
    start = text_head(head).lstrip()
    if looks_like_html(start):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


class _Prefixed(io.RawIOBase):
    """The bytes already read to sniff the format, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
