"""Bytes to text, or a clear error: never mojibake, never a binary file read as text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from communique.errors import BinaryInputError, EmptyInputError, EncodingError
from communique.ingest.cyrillic import score_cyrillic

# Binary formats worth naming in the error; other binaries are caught by their NUL bytes.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh9", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS/PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
)
# UTF-32 LE's BOM starts with UTF-16 LE's, so it is tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The 8-bit code pages whose Cyrillic readings are compared by plausibility, with a prior cost in
# bits for the rarer ones, charged once per text: it only settles short texts with thin evidence.
# kz1048 and KOI8-U extend cp1251 and KOI8-R with Kazakh and Ukrainian letters, so on Russian text
# they tie with them and lose by the prior; cp866 is the DOS code page.
_CYRILLIC_CODEPAGES = {"cp1251": 0.0, "koi8-r": 1.0, "kz1048": 4.0, "koi8-u": 4.0, "cp866": 4.0}
# The other 8-bit text this project meets: English, French, German... news in Windows-1252.
_WESTERN_CODEPAGE = "cp1252"
# Accented letters are a few percent of the Latin letters of Western European prose, and nearly
# all of them in a cp1252 reading of Cyrillic bytes ("Ìèíèñòð").
_MAX_ACCENTED_SHARE = 0.3
_LATIN_END = "\u0250"  # end of Latin Extended-B
# A page's own <meta charset> counts as this many bits of evidence for its reading.
_DECLARED_BONUS = 8.0
# Text files do use tab, newline, form feed, carriage return and ESC (coloured logs); a few other
# control characters may be stray, many mean binary data.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_BYTES = bytes(sorted(set(range(32)) - _TEXT_CONTROLS | {0x7F}))
_MAX_CONTROL_RATIO = 0.05
_BINARY_SAMPLE_BYTES = 65_536
_SAMPLE_CHARS = 20_000


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def canonical_encoding(name: str) -> str | None:
    """Python's name for an encoding label ("windows-1251" -> "cp1251"), None if unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode `data` to text, with the encoding it was found in.

    Order: byte-order mark, strict UTF-8, the most plausible Cyrillic code page (`declared`, from
    an HTML meta tag, preferred on near ties), then `declared` or cp1252 if charset-normalizer
    finds that reading orderly. Raises EmptyInputError, BinaryInputError or EncodingError.
    """
    if not data.strip():
        raise EmptyInputError("input is empty or only whitespace")
    _reject_binary(data)
    decoded = _decode_with_bom(data)
    if decoded is None:
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as error:
            decoded = _decode_8bit(data, declared)
            if decoded is None:
                raise EncodingError(_undecodable_message(data, error)) from None
    if not decoded.text.strip():
        raise EmptyInputError("input is empty or only whitespace")
    return decoded


def _reject_binary(data: bytes) -> None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise BinaryInputError(f"looks like {kind}, not text")
    # UTF-16/32 text is full of NUL bytes: it is checked after decoding instead.
    if not data.startswith(tuple(bom for bom, _ in _BOMS)):
        _reject_control_bytes(data)


def _reject_control_bytes(data: bytes) -> None:
    if b"\x00" in data:
        raise BinaryInputError("looks like binary data, not text: it contains NUL bytes")
    sample = data[:_BINARY_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        share = f"{controls / len(sample):.0%}"
        raise BinaryInputError(f"looks like binary data, not text: {share} control characters")


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                message = f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                raise EncodingError(f"{message} (byte {error.start})") from None
            _reject_control_bytes(text.encode("utf-8"))
            return Decoded(text, "utf-8-sig" if encoding == "utf-8" else encoding)
    return None


def _decode_8bit(data: bytes, declared: str | None) -> Decoded | None:
    cyrillic = _best_cyrillic(data, declared)
    if cyrillic:
        return cyrillic
    # charset-normalizer only judges readings we chose: left to guess freely, it reads short
    # Russian texts as Shift JIS or Thai without a complaint.
    others = [declared] if declared and declared not in _CYRILLIC_CODEPAGES else []
    for encoding in [*others, _WESTERN_CODEPAGE]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        orderly = charset_normalizer.from_bytes(data, cp_isolation=[encoding]).best() is not None
        if orderly and not _mostly_accented(text):
            return Decoded(text, encoding)
    return None


def _mostly_accented(text: str) -> bool:
    latin = [char for char in text[:_SAMPLE_CHARS] if char.isalpha() and char < _LATIN_END]
    accented = sum(not char.isascii() for char in latin)
    return accented > _MAX_ACCENTED_SHARE * len(latin)


def _best_cyrillic(data: bytes, declared: str | None) -> Decoded | None:
    best: tuple[float, Decoded] | None = None
    for encoding, prior in _CYRILLIC_CODEPAGES.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = score_cyrillic(text)
        if not score.plausible:
            continue
        evidence = prior - (_DECLARED_BONUS if encoding == declared else 0.0)
        cost = (score.bits + evidence) / score.letters
        if best is None or cost < best[0]:
            best = (cost, Decoded(text, encoding))
    return best[1] if best else None


def _undecodable_message(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    bad_byte = data[utf8_error.start]
    return (
        f"cannot tell the text encoding: not UTF-8 (invalid byte 0x{bad_byte:02x} at offset "
        f"{utf8_error.start}), and no other encoding tried "
        f"({', '.join([*_CYRILLIC_CODEPAGES, _WESTERN_CODEPAGE])}) gives plausible text"
    )


def text_head(head: bytes) -> bytes:
    """The first bytes of an input as UTF-8 (lossy) whatever its byte-order mark, for sniffing."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
    return head
