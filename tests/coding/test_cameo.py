"""The CAMEO table: PLOVER types from the 2021 conversion table, Goldstein weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.coding import cameo_table
from communique.coding.build_cameo import parse
from communique.extract.event_lexicon import event_lexicon

CONVERSION = (
    Path(__file__).resolve().parents[2].parent / "shared/datasets/plover/CAMEO2PLOVER-2021.txt"
)


def test_codes_used_in_the_brief() -> None:
    table = cameo_table()
    assert table.code("036").plover == "AGREE"
    assert table.code("042").mode == "visit"
    assert table.code("043").plover == "CONSULT"
    assert table.code("051").name == "Praise or endorse"
    assert table.code("057").goldstein == 8.0
    assert table.code("0571").code == "057"  # four digits fall back to the parent


def test_every_code_has_a_goldstein_weight_in_range() -> None:
    for code in cameo_table().codes():
        assert code.goldstein is not None and -10.0 <= code.goldstein <= 10.0, code


def test_every_lexicon_trigger_has_a_known_code() -> None:
    table = cameo_table()
    for entries in event_lexicon().triggers.values():
        for entry in entries:
            assert entry.cameo.code in table


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        cameo_table().code("999")


@pytest.mark.skipif(not CONVERSION.exists(), reason="shared PLOVER data not present")
def test_table_matches_the_conversion_file() -> None:
    built = parse(CONVERSION.read_text(encoding="utf-8"))
    table = cameo_table()
    for code, entry in built.items():
        assert table.code(code).plover == entry["plover"]
