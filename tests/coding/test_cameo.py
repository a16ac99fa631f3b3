"""The CAMEO table against its sources: GDELT's Goldstein and code-name lookups, the
CAMEO-to-PLOVER conversion table, and the PLOVER manual's modes and contexts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.coding import cameo_table, plover_vocabulary
from communique.coding.build_cameo import DEVIATIONS, parse_conversion, read_lookup
from communique.coding.cameo import VOCABULARY_PATH
from communique.coding.plover_manual import parse_manual
from communique.extract.event_lexicon import event_lexicon

DATASETS = Path(__file__).resolve().parents[2].parent / "shared/datasets"
GDELT = DATASETS / "gdelt-cameo"
PLOVER = DATASETS / "plover"
needs_gdelt = pytest.mark.skipif(not GDELT.exists(), reason="shared GDELT lookups not present")
needs_plover = pytest.mark.skipif(not PLOVER.exists(), reason="shared PLOVER data not present")


@needs_gdelt
def test_goldstein_weights_are_gdelts_for_every_code() -> None:
    weights = read_lookup(GDELT / "CAMEO.goldsteinscale.txt")
    assert len(weights) == 311
    table = cameo_table()
    for code, weight in weights.items():
        ours = table.root_goldstein(code) if len(code) == 2 else table.code(code).goldstein
        assert ours == float(weight), code


@needs_gdelt
def test_code_names_are_the_cameo_lookups() -> None:
    table = cameo_table()
    for code, name in read_lookup(GDELT / "CAMEO.eventcodes.txt").items():
        ours = table.root_name(code) if len(code) == 2 else table.code(code).name
        assert ours == name.strip(), code


def test_codes_an_audit_found_wrong() -> None:
    table = cameo_table()
    assert table.code("035").goldstein == 7.0
    assert table.code("102").goldstein == -5.0
    assert table.code("165").goldstein == -6.5
    assert table.code("100").name == "Demand, not specified below"
    assert table.code("055").name == "Apologize"
    assert table.code("0311").goldstein == 5.2 and table.code("0311").contexts == ("economic",)


def test_four_digit_codes_are_their_own_entries() -> None:
    entry = cameo_table().code("1056")
    assert (entry.code, entry.base, entry.root) == ("1056", "105", "10")
    assert entry.name == "Demand de-escalation of military engagement"
    with pytest.raises(KeyError):
        cameo_table().code("0599")


def test_modes_and_contexts_are_the_manuals() -> None:
    vocabulary = plover_vocabulary()
    for entry in cameo_table().codes():
        if entry.mode is not None:
            assert vocabulary.takes_mode(str(entry.plover), entry.mode), entry
        assert set(entry.contexts) <= set(vocabulary.contexts), entry


def test_sanctions_are_discontinue_and_hosting_is_a_visit() -> None:
    table = cameo_table()
    assert (table.code("163").plover, table.code("163").mode) == ("SANCTION", "discontinue")
    assert table.code("043").mode == "visit"


def test_defaults_per_category() -> None:
    table = cameo_table()
    assert table.default_for("REQUEST").code == "100"
    assert table.default_for("ACCUSE").code == "110"
    for category in table.categories():
        assert table.default_for(category).plover == category


def test_every_lexicon_trigger_has_a_known_code_and_a_manual_mode() -> None:
    table = cameo_table()
    vocabulary = plover_vocabulary()
    for entries in event_lexicon().triggers.values():
        for entry in entries:
            assert entry.cameo.code in table
            assert entry.mode is None or vocabulary.takes_mode(entry.plover, entry.mode), entry


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        cameo_table().code("999")


@needs_plover
def test_table_follows_the_conversion_file_except_its_documented_deviations() -> None:
    conversion = parse_conversion((PLOVER / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    table = cameo_table()
    for code, (plover, _, _) in conversion.items():
        if code in table and code not in DEVIATIONS:
            assert table.code(code).plover == plover, code


@needs_plover
def test_vocabulary_file_is_what_the_manual_lists() -> None:
    manual = parse_manual((PLOVER / "PLOVER_MANUAL.tex").read_text(encoding="utf-8"))
    stored = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    assert {k: stored[k] for k in manual} == manual
    assert "host" not in manual["events"]["CONSULT"]  # type: ignore[index]
    assert "visit" in manual["events"]["CONSULT"]  # type: ignore[index]
    assert "discontinue" in manual["events"]["SANCTION"]  # type: ignore[index]
    for mode in ("ease", "ban", "assassinate"):
        assert all(mode not in modes for modes in manual["events"].values())  # type: ignore[union-attr]
    assert "diplomatic" in manual["contexts"]  # type: ignore[operator]
