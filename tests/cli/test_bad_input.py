"""Bad input through `communique extract`: each kind has its exit code and a clear message on
stderr, the good inputs of the same run are still extracted, and --output is never half-written.
Legacy encodings and HTML, which must be read correctly, are here too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.cli.main import DEFAULT_MAX_BYTES
from communique.cli.output import write_atomically
from communique.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
    UnreadableInputError,
)

from .helpers import Invoke, jsonl_records, records_of

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров провёл в Москве переговоры с министром "
    "иностранных дел Казахстана. Стороны обсудили вопросы двустороннего сотрудничества."
)
ENGLISH = (
    "The foreign minister of Kazakhstan met his Mongolian counterpart in Astana to discuss "
    "trade, transport corridors and regional security."
)
GERMAN = (
    "Der Außenminister Kasachstans traf seinen mongolischen Amtskollegen in Astana, um über "
    "Handel, Verkehrskorridore und regionale Sicherheit zu sprechen."
)
TURKISH = (
    "Kazakistan Dışişleri Bakanı, Moğol mevkidaşı ile Astana'da bir araya gelerek ticaret, "
    "ulaşım koridorları ve bölgesel güvenlik konularını görüştü."
)
KAZAKH = (
    "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін Ақордада Ресей "
    "Федерациясының Сыртқы істер министрін қабылдады. Тараптар екіжақты ынтымақтастықтың "
    "өзекті мәселелерін талқылады."
)
BINARY = bytes(range(256)) * 8  # NUL bytes and every control character
PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>Лавров провёл переговоры в Москве</title></head>
<body><nav><a href="/">Главная</a> | <a href="/sport">Спорт</a> |
<a href="/weather">Погода</a></nav>
<article><h1>Лавров провёл переговоры в Москве</h1>
<p>Министр иностранных дел России Сергей Лавров провёл в Москве переговоры с министром
иностранных дел Казахстана.</p>
<p>Стороны обсудили вопросы двустороннего сотрудничества, а также ситуацию в регионе. По итогам
встречи было подписано соглашение о сотрудничестве в сфере образования.</p></article>
<footer>© 2025 Пример Новости. Все права защищены.</footer></body></html>
"""


def _jsonl_line(**fields: str) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def _person(record: dict, normal: str) -> dict:
    return next(m for m in record["mentions"] if m["type"] == "PERSON" and m["normal"] == normal)


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\t\n", EmptyInputError, "empty"),
        (BINARY, BinaryInputError, "binary"),
        (b"%PDF-1.7\n" + BINARY, BinaryInputError, "PDF"),
    ],
    ids=["empty", "whitespace", "binary", "pdf"],
)
def test_unreadable_content_has_its_exit_code(
    cli: Invoke, tmp_path: Path, content: bytes, error: type, words: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = cli("extract", str(path))
    assert result.exit_code == error.exit_code
    assert str(path) in result.stderr and words in result.stderr
    assert result.stdout == ""


def test_missing_path(cli: Invoke, tmp_path: Path) -> None:
    result = cli("extract", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == UnreadableInputError.exit_code
    assert "nowhere.txt" in result.stderr and "no such file" in result.stderr


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_encodings_are_decoded(cli: Invoke, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    result = cli("extract", str(path))
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["encoding"] == encoding
    assert record["text"] == RUSSIAN
    lavrov = _person(record, "Сергей Лавров")
    assert (lavrov["start"], lavrov["end"]) == (31, 44)
    assert record["text"][lavrov["start"] : lavrov["end"]] == "Сергей Лавров"


def test_html_page_gives_title_and_main_text(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = cli("extract", str(path))
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["title"] == "Лавров провёл переговоры в Москве"
    assert "соглашение о сотрудничестве в сфере образования" in record["text"]
    assert "Погода" not in record["text"] and "Все права защищены" not in record["text"]
    lavrov = _person(record, "Сергей Лавров")
    assert record["text"][lavrov["start"] : lavrov["end"]] == lavrov["text"]


def test_too_large_input_is_refused_and_nothing_written(cli: Invoke, tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    big.write_bytes(RUSSIAN.encode("utf-8") * (5_000_000 // len(RUSSIAN.encode("utf-8"))))
    size = big.stat().st_size
    output = tmp_path / "out" / "records.json"
    output.parent.mkdir()
    result = cli("extract", str(big), "--output", str(output))
    assert result.exit_code == InputTooLargeError.exit_code
    assert f"{DEFAULT_MAX_BYTES:,}" in result.stderr  # the limit
    assert f"{size:,}" in result.stderr  # the size
    assert f"--max-bytes {size}" in result.stderr  # how to read it anyway
    assert list(output.parent.iterdir()) == []  # no output, no partial or temporary file


def test_failed_run_leaves_an_existing_output_as_it_was(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    output = tmp_path / "records.json"
    output.write_text("earlier results\n", encoding="utf-8")
    result = cli("extract", str(tmp_path / "empty.txt"), "-o", str(output))
    assert result.exit_code == EmptyInputError.exit_code
    assert output.read_text(encoding="utf-8") == "earlier results\n"


def test_max_bytes_option_sets_the_limit(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    refused = cli("extract", str(path), "--max-bytes", "100")
    assert refused.exit_code == InputTooLargeError.exit_code
    assert "100 bytes" in refused.stderr
    size = path.stat().st_size
    assert cli("extract", str(path), "--max-bytes", str(size)).exit_code == 0
    assert cli("extract", str(path), "--max-bytes", "0").exit_code == 2  # a usage error


def test_too_large_stdin_names_the_option(cli: Invoke) -> None:
    result = cli("extract", "-", "--max-bytes", "100", input=RUSSIAN.encode("utf-8"))
    assert result.exit_code == InputTooLargeError.exit_code
    assert "<stdin>" in result.stderr and "--max-bytes" in result.stderr


def test_jsonl_limit_applies_to_each_record(cli: Invoke, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    line = _jsonl_line(id="one", text=RUSSIAN)
    feed.write_bytes(line + _jsonl_line(id="two", text=RUSSIAN))
    assert feed.stat().st_size > len(line)
    result = cli("extract", str(feed), "--max-bytes", str(len(line)), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl_records(result.stdout)] == ["one", "two"]


def test_malformed_jsonl_line_is_named_and_the_rest_kept(cli: Invoke, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        _jsonl_line(id="first", text=RUSSIAN)
        + b'{"id": "broken", "text": \n'
        + _jsonl_line(id="third", text=RUSSIAN)
    )
    output = tmp_path / "out.jsonl"
    result = cli("extract", str(feed), "-f", "jsonl", "-o", str(output))
    assert result.exit_code == MalformedInputError.exit_code
    assert f"{feed}: line 2: invalid JSON" in result.stderr
    records = jsonl_records(output.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["first", "third"]
    assert all(r["status"] == "ok" and r["mentions"] for r in records)


def test_undecodable_jsonl_line(cli: Invoke, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "latin1", "text": "caf\xe9"}\n')
    result = cli("extract", str(feed))
    assert result.exit_code == EncodingError.exit_code
    assert "line 1" in result.stderr and "UTF-8" in result.stderr


def test_unsupported_languages_are_kept_and_marked(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a-russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "b-english.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c-kazakh.txt").write_text(KAZAKH, encoding="utf-8")
    (tmp_path / "d-german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "e-turkish.txt").write_text(TURKISH, encoding="utf-8")
    result = cli("extract", str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 8
    records = {r["id"]: r for r in jsonl_records(result.stdout)}
    for doc_id, language in (("a-russian", "ru"), ("b-english", "en"), ("c-kazakh", "kk")):
        assert (records[doc_id]["status"], records[doc_id]["language"]) == ("ok", language)
        assert records[doc_id]["mentions"], doc_id
    for doc_id, language in (("d-german", "de"), ("e-turkish", "tr")):
        record = records[doc_id]
        assert (record["status"], record["language"]) == ("unsupported_language", language)
        assert record["text"] and record["mentions"] == []
        assert f"marked {doc_id}: language '{language}'" in result.stderr


def test_first_failure_in_input_order_sets_the_exit_code(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.txt").write_bytes(BINARY)
    (tmp_path / "c-german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "d-russian.txt").write_text(RUSSIAN, encoding="utf-8")
    result = cli("extract", str(tmp_path), "-f", "jsonl")
    assert result.exit_code == EmptyInputError.exit_code  # not binary's 4, nor German's 8
    assert "a-empty.txt" in result.stderr and "b-binary.txt" in result.stderr
    assert [r["id"] for r in jsonl_records(result.stdout)] == ["c-german", "d-russian"]
    reversed_order = cli("extract", str(tmp_path / "b-binary.txt"), str(tmp_path / "a-empty.txt"))
    assert reversed_order.exit_code == BinaryInputError.exit_code


def test_message_with_brackets_is_printed_as_written(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "[draft] release.txt"
    path.write_bytes(b"")
    result = cli("extract", str(path))
    assert "[draft] release.txt" in result.stderr  # not eaten as Rich markup


def test_output_in_a_missing_folder_is_refused_before_work(cli: Invoke, tmp_path: Path) -> None:
    result = cli("extract", "-", "-o", str(tmp_path / "no" / "out.json"), input=RUSSIAN)
    assert result.exit_code == 2
    assert "no existing parent folder" in result.stderr


def test_output_that_cannot_be_written_is_reported(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("communique.cli.main.write_atomically", disk_full)
    output = tmp_path / "out.json"
    result = cli("extract", "-", "-o", str(output), input=RUSSIAN.encode("utf-8"))
    assert result.exit_code == 11  # a full disk has its own code; other write errors are 1
    assert f"cannot write {output}" in result.stderr and "No space left" in result.stderr

    def read_only(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("communique.cli.main.write_atomically", read_only)
    result = cli("extract", "-", "-o", str(output), input=RUSSIAN.encode("utf-8"))
    assert result.exit_code == 1 and "Permission denied" in result.stderr


def test_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    output = tmp_path / "records.json"
    output.write_text("earlier results\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(output, "x" * 100_000 + "\ud800")  # fails after part of it is written
    assert output.read_text(encoding="utf-8") == "earlier results\n"
    assert list(tmp_path.iterdir()) == [output]


def test_written_file_has_ordinary_permissions(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    reference.write_text("", encoding="utf-8")
    write_atomically(tmp_path / "records.json", "[]\n")
    assert (tmp_path / "records.json").stat().st_mode == reference.stat().st_mode


def test_real_process_reads_stdin_bytes_and_exits_with_the_code() -> None:
    """Outside the test runner's stdin substitute: real bytes on a pipe, a real exit status."""
    command = [sys.executable, "-m", "communique.cli.main", "extract", "-"]
    completed = subprocess.run(command, input=BINARY, capture_output=True, timeout=120)
    assert completed.returncode == BinaryInputError.exit_code
    assert b"<stdin>" in completed.stderr and b"binary" in completed.stderr
    assert completed.stdout == b""
