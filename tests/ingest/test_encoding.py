"""Bytes to text: BOMs, UTF-8, cp1251 vs KOI8-R, binary junk, empty input, undecodable bytes."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from communique.errors import BinaryInputError, EmptyInputError, EncodingError
from communique.ingest.encoding import decode

from .samples import FRENCH, KAZAKH, PARAGRAPH, SENTENCE, WORDS

SHORT_SENTENCE = "Переговоры прошли в Москве."  # 23 letters
# cp1251 typography (« » —) has no KOI8-R bytes; KOI8-R texts use ASCII quotes and hyphens.
KOI8_PARAGRAPH = PARAGRAPH.replace("«", '"').replace("»", '"').replace("—", "-")
# Below this many Cyrillic letters a text of random news words is occasionally read in the wrong
# code page or refused (about 1 in 1000 at 20-24 letters); from 25 on none was in 300,000 trials.
RELIABLE_LETTERS = 25


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (SHORT_SENTENCE, "cp1251", "cp1251"),
        (SHORT_SENTENCE, "koi8_r", "koi8-r"),
        (SENTENCE, "cp1251", "cp1251"),
        (SENTENCE, "koi8_r", "koi8-r"),
        (SENTENCE.upper(), "cp1251", "cp1251"),
        (SENTENCE.upper(), "koi8_r", "koi8-r"),
        (PARAGRAPH, "cp1251", "cp1251"),
        (KOI8_PARAGRAPH, "koi8_r", "koi8-r"),
        (KOI8_PARAGRAPH, "cp866", "cp866"),
        (KAZAKH, "kz1048", "kz1048"),
        (FRENCH, "cp1252", "cp1252"),
    ],
)
def test_8bit_text_decodes_exactly(text: str, encoding: str, expected: str) -> None:
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_ukrainian_in_koi8_u_is_not_read_as_koi8_r() -> None:
    text = "Міністр закордонних справ України провів переговори з колегою у Києві."
    decoded = decode(text.encode("koi8_u"))
    assert (decoded.text, decoded.encoding) == (text, "koi8-u")


def test_utf8_with_and_without_bom() -> None:
    plain = decode(SENTENCE.encode("utf-8"))
    with_bom = decode(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"))
    assert (plain.text, plain.encoding) == (SENTENCE, "utf-8")
    assert (with_bom.text, with_bom.encoding) == (SENTENCE, "utf-8-sig")


@pytest.mark.parametrize(("codec", "expected"), [("utf-16", "utf-16-le"), ("utf-16-be", None)])
def test_utf16_with_bom(codec: str, expected: str | None) -> None:
    data = SENTENCE.encode(codec)
    if expected is None:  # Python's utf-16-be writes no BOM: add one
        data, expected = codecs.BOM_UTF16_BE + data, "utf-16-be"
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (SENTENCE, expected)


def test_declared_charset_settles_a_near_tie() -> None:
    # Two letters are no evidence either way; the page's own declaration decides.
    data = "Да".encode("koi8_r")
    assert decode(data, declared="koi8-r").encoding == "koi8-r"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n"])
def test_empty_or_whitespace_is_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode(data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(32), "ZIP archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(57), "ELF executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "Microsoft Office"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError, match=kind):
        decode(data)


def test_random_bytes_are_binary() -> None:
    data = random.Random(0).randbytes(4096)
    with pytest.raises(BinaryInputError, match="NUL bytes"):
        decode(data)


def test_text_with_many_control_characters_is_binary() -> None:
    data = bytes(random.Random(1).choice(b"\x01\x02\x03\x04abcdef ") for _ in range(2000))
    with pytest.raises(BinaryInputError, match="control characters"):
        decode(data)


def test_utf16_junk_after_a_bom_is_binary() -> None:
    with pytest.raises(BinaryInputError):
        decode(codecs.BOM_UTF16_LE + "\x01\x02\x03\x04\x05".encode("utf-16-le") * 50)


def test_undecodable_bytes_raise_encoding_error() -> None:
    rng = random.Random(2)
    data = bytes(rng.choice([*range(0xC0, 0x100), 0x20]) for _ in range(600))
    with pytest.raises(
        EncodingError, match=r"not UTF-8 \(invalid byte 0x[0-9a-f]{2} at offset 0\)"
    ):
        decode(data)


def test_cyrillic_bytes_are_never_read_as_western_european() -> None:
    # charset-normalizer alone calls such short texts cp1252, Shift JIS or Thai.
    for word in WORDS:
        for encoding in ("cp1251", "koi8_r"):
            try:
                decoded = decode(word.capitalize().encode(encoding))
            except EncodingError:
                continue
            assert decoded.encoding not in {"cp1252", "shift_jis", "cp874"}


@st.composite
def russian_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=40, unique=True))
    case = draw(st.sampled_from(["sentence", "lower", "upper"]))
    text = " ".join(words)
    if case == "upper":
        return text.upper()
    if case == "lower":
        return text
    return text[0].upper() + text[1:] + "."


@given(text=russian_texts(), encoding=st.sampled_from(["cp1251", "koi8_r", "utf-8"]))
def test_russian_text_round_trips_in_any_supported_encoding(text: str, encoding: str) -> None:
    assume(sum(char.isalpha() for char in text) >= RELIABLE_LETTERS)
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == codecs.lookup(encoding).name
