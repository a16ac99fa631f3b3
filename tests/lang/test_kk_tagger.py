"""The shipped Kazakh tagger is the one scripts/train_kk_tagger.py builds, and it reads names."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli.evaluate import eval_app
from communique.lang.kk.corpus import (
    BLOCK_MODULUS,
    BLOCK_SIZE,
    DEV_BLOCK,
    TEST_BLOCK,
    Sentence,
    file_sha256,
    read_conll,
    split,
)
from communique.lang.kk.evaluation import score
from communique.lang.kk.features import features_fingerprint
from communique.lang.kk.tagger import MODEL_DIR, MODEL_FILE, KazakhTagger
from communique.lang.kk.training import DEFAULT_PARAMS, train

KAZNERD = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "kaznerd" / "IOB2_valid.txt"


@pytest.fixture(scope="module")
def tagger() -> KazakhTagger:
    return KazakhTagger.load()


def test_model_file_is_the_one_its_metadata_describes(tagger: KazakhTagger) -> None:
    assert file_sha256(MODEL_DIR / MODEL_FILE) == tagger.metadata()["model_sha256"]


def test_model_was_built_with_the_current_features_and_parameters(tagger: KazakhTagger) -> None:
    metadata = tagger.metadata()
    assert metadata["features_sha256"] == features_fingerprint(), (
        "the features changed since the model was trained: run scripts/train_kk_tagger.py"
    )
    assert metadata["params"] == dict(DEFAULT_PARAMS)
    assert metadata["crfsuite_version"] == version("python-crfsuite")
    assert metadata["split"]["block_size"] == BLOCK_SIZE
    assert metadata["split"]["block_modulus"] == BLOCK_MODULUS
    assert (metadata["split"]["dev_block"], metadata["split"]["test_block"]) == (
        DEV_BLOCK,
        TEST_BLOCK,
    )


@pytest.mark.skipif(not KAZNERD.is_file(), reason=f"KazNERD not found at {KAZNERD}")
def test_model_reproduces_its_recorded_scores_on_the_recorded_data(tagger: KazakhTagger) -> None:
    metadata = tagger.metadata()
    assert file_sha256(KAZNERD) == metadata["training_data"]["sha256"]
    test_side = split(read_conll(KAZNERD), "test")
    assert len(test_side) == metadata["split"]["sentences"]["test"]
    assert score(tagger, test_side) == metadata["scores"]["test"]


# Written for this test: a few Kazakh sentences about meetings, tagged by hand.
SMALL_CORPUS = [
    Sentence(
        ("Қасым-Жомарт", "Тоқаев", "Ақордада", "Мохамад", "Хасанды", "қабылдады", "."),
        ("B-PERSON", "I-PERSON", "B-FACILITY", "B-PERSON", "I-PERSON", "O", "O"),
    ),
    Sentence(
        ("Сенат", "Төрағасы", "Мәулен", "Әшімбаев", "Малайзия", "елшісімен", "кездесті", "."),
        ("B-POSITION", "I-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O", "O"),
    ),
    Sentence(
        ("Тараптар", "Қазақстан", "мен", "Өзбекстан", "арасындағы", "саудаға", "тоқталды", "."),
        ("O", "B-GPE", "O", "B-GPE", "O", "O", "O", "O"),
    ),
    Sentence(
        ("Сыртқы", "істер", "министрі", "Арман", "Исетов", "Каирге", "барды", "."),
        ("B-POSITION", "I-POSITION", "I-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"),
    ),
]


def test_training_is_deterministic(tmp_path: Path) -> None:
    params = {**DEFAULT_PARAMS, "max_iterations": 30}
    first, second = tmp_path / "first.crfsuite", tmp_path / "second.crfsuite"
    train(SMALL_CORPUS, params, first)
    train(SMALL_CORPUS, params, second)
    assert first.read_bytes() == second.read_bytes()
    small = KazakhTagger(first)
    assert small.tag(SMALL_CORPUS[1].tokens) == list(SMALL_CORPUS[1].tags)


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="Kazakh tagger model not found"):
        KazakhTagger(tmp_path / "absent.crfsuite")


def test_tagger_finds_names_and_their_base_forms(tagger: KazakhTagger) -> None:
    tokens = [
        "Қазақстан",
        "Республикасының",
        "Президенті",
        "Қасым-Жомарт",
        "Тоқаев",
        "Ақордада",
        "Өзбекстан",
        "Президенті",
        "Шавкат",
        "Мирзиёевпен",
        "телефон",
        "арқылы",
        "сөйлесті",
        ".",
    ]
    entities = {(entity.label, entity.base) for entity in tagger.entities(tokens)}
    assert ("PERSON", "Қасым-Жомарт Тоқаев") in entities
    assert ("PERSON", "Шавкат Мирзиёев") in entities  # -пен stripped
    assert tagger.tag([]) == []


def test_eval_kaznerd_command_scores_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(
        "\n\n".join(
            "\n".join(f"{token} {tag}" for token, tag in zip(s.tokens, s.tags, strict=True))
            for s in SMALL_CORPUS
        )
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "scores.json"
    result = CliRunner().invoke(
        eval_app, ["kaznerd", str(path), "--split", "train", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.output and "ALL" in result.output
    scores = json.loads(output.read_text(encoding="utf-8"))
    assert scores["PERSON"]["gold"] == 4
    assert 0.0 <= scores["ALL"]["f1"] <= 1.0


def test_eval_kaznerd_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Сенат ORGANISATION\n", encoding="utf-8")
    result = CliRunner().invoke(eval_app, ["kaznerd", str(path)])
    assert result.exit_code == 1
    assert "bad.txt:1" in result.output
