"""No string in the tests repeats evaluation text: a test passing on a sentence the evaluation
scores would let the scores measure what the tests were written on, not unseen documents.

Every string literal of `tests/` (implicitly joined literals count as one) is compared with the
evaluation texts beside the repository (FactRuEval, NEREL dev, the dev releases, KazNERD's
validation set). Texts are read as words (lower case, ё as е, punctuation dropped); every run of
`SHINGLE` words of the corpora is hashed into a set, a literal's consecutive runs found there
are candidates, and a stretch of `MIN_CHARS` characters or more of its own text that one corpus
text holds word for word is reported with its place."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
TESTS = ROOT / "tests"
SHINGLE = 4
MIN_CHARS = 60
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Overlap:
    path: Path
    line: int
    text: str  # the literal's words the corpora share

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text!r}"


def _normal(text: str) -> str:
    return text.lower().replace("ё", "е")


def _shingles(words: list[str]) -> Iterator[int]:
    for i in range(len(words) - SHINGLE + 1):
        yield hash(tuple(words[i : i + SHINGLE]))


def _kaznerd_sentences(path: Path) -> Iterator[str]:
    """KazNERD is one `token tag` a line, a blank line between sentences."""
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tokens.append(line.rsplit(" ", 1)[0])
        elif tokens:
            yield " ".join(tokens)
            tokens = []
    if tokens:
        yield " ".join(tokens)


def evaluation_texts(datasets: Path) -> Iterator[str]:
    for pattern in ("factrueval-2016/*/*.txt", "nerel-1.1/dev/*.txt", "releases-dev/*/*.txt"):
        for path in sorted(datasets.glob(pattern)):
            yield path.read_text(encoding="utf-8")
    for path in sorted(datasets.glob("kaznerd/IOB2_*.txt")):
        if "train" not in path.name:
            yield from _kaznerd_sentences(path)


@dataclass(frozen=True)
class Corpus:
    shingles: frozenset[int]  # every SHINGLE words in a row: finds candidate stretches fast
    words: str  # every text's words, space-separated, " | " between texts: confirms them

    def holds(self, words: list[str]) -> bool:
        return f" {' '.join(words)} " in self.words


@cache
def corpus(datasets: Path) -> Corpus:
    texts = [_WORD.findall(_normal(text)) for text in evaluation_texts(datasets)]
    return Corpus(
        frozenset(shingle for words in texts for shingle in _shingles(words)),
        " " + " | ".join(" ".join(words) for words in texts) + " ",
    )


def shared_stretches(literal: str, corpus: Corpus) -> Iterator[str]:
    """The stretches of `literal`, `MIN_CHARS` long or more, that one corpus text holds word for
    word. Runs of shingles the corpora hold are the candidates; within a run (it may join
    pieces of different texts), each longest stretch a single text holds is measured."""
    matches = list(_WORD.finditer(_normal(literal)))
    words = [m[0] for m in matches]
    found = [s in corpus.shingles for s in _shingles(words)]
    i = 0
    while i < len(found):
        if not found[i]:
            i += 1
            continue
        end = i + SHINGLE
        while end < len(words) and corpus.holds(words[i : end + 1]):
            end += 1
        if corpus.holds(words[i:end]) and matches[end - 1].end() - matches[i].start() >= MIN_CHARS:
            yield literal[matches[i].start() : matches[end - 1].end()]
            i = end
        else:
            i += 1


def literals(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and len(text) >= MIN_CHARS:  # shorter cannot hold a stretch
            yield node.lineno, text


def overlaps(paths: list[Path], corpus: Corpus) -> list[Overlap]:
    return [
        Overlap(path, line, stretch)
        for path in paths
        for line, literal in literals(path)
        for stretch in shared_stretches(literal, corpus)
    ]


@pytest.fixture(scope="module")
def evaluation() -> Corpus:
    if not (DATASETS / "nerel-1.1" / "dev").is_dir():
        pytest.skip(f"the evaluation corpora are not at {DATASETS}")
    return corpus(DATASETS)


def test_no_test_string_repeats_evaluation_text(evaluation: Corpus) -> None:
    found = overlaps(sorted(TESTS.rglob("*.py")), evaluation)
    assert not found, "test strings copied from evaluation text:\n" + "\n".join(map(str, found))


def _corpus_sentence(min_chars: int) -> str:
    """A stretch of a dev release, read at run time: a copy the scan must catch."""
    text = next(evaluation_texts(DATASETS))
    words = list(_WORD.finditer(text))
    for i in range(len(words)):
        for j in range(i + SHINGLE, len(words)):
            stretch = text[words[i].start() : words[j].end()]
            if "\n" in stretch:
                break
            if len(stretch) >= min_chars:
                return stretch
    raise AssertionError("no line of the corpus is long enough")


@pytest.mark.parametrize(
    ("length", "reported"), [(MIN_CHARS + 5, True), (MIN_CHARS - 25, False)], ids=["long", "short"]
)
def test_a_copied_stretch_is_found_only_when_long(
    evaluation: Corpus, tmp_path: Path, length: int, reported: bool
) -> None:
    copied = _corpus_sentence(length)
    module = tmp_path / "test_copied.py"
    module.write_text(
        f"EXPECTED = 'Written here. ' + {copied.upper()!r} + ' And here.'\n", encoding="utf-8"
    )
    found = overlaps([module], evaluation)
    assert bool(found) is reported
    if reported:
        assert _normal(found[0].text) == _normal(copied)
        assert found[0].line == 1
