"""Build `knowledge/data/cameo_plover.json`: every CAMEO event code with its name, Goldstein
weight, PLOVER category, mode and contexts.

    python -m communique.coding.build_cameo ../shared/datasets

reads, under that folder:
- gdelt-cameo/CAMEO.eventcodes.txt: the code names (GDELT's lookup table);
- gdelt-cameo/CAMEO.goldsteinscale.txt: the Goldstein weights, all 311 codes (GDELT's lookup);
- plover/CAMEO2PLOVER-2021.txt: PLOVER category, mode and context per code (PLOVER Draft 0.8);
and `knowledge/data/plover.json` (the manual's modes and contexts, built by plover_manual.py).

The conversion table predates the manual's final lists, so a mode or context it gives that the
manual does not list for the category is translated by `MODE_FIXES` / `CONTEXT_FIXES` below,
or dropped. Where Communique keeps a deliberate deviation from the table it is in `DEVIATIONS`,
and docs/store.md says why.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from communique.knowledge.files import data_path

OUTPUT = data_path("cameo_plover.json")
VOCABULARY = data_path("plover.json")
# Raise it when a rebuild changes the table (knowledge/files.py: every data file has a version).
VERSION = "1"
SOURCES = {
    "names": "GDELT lookup table CAMEO.eventcodes.txt (The GDELT Project)",
    "goldstein": "GDELT lookup table CAMEO.goldsteinscale.txt (The GDELT Project; Goldstein 1992)",
    "plover": "CAMEO2PLOVER-2021.txt (PLOVER Draft 0.8, 2021-09-17, P. Schrodt)",
    "modes_contexts": "plover.json (read from the PLOVER manual)",
}
_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#")

# The conversion table's modes that the manual does not list for the category, translated to
# the manual's mode of the same meaning (None: the manual has none).
MODE_FIXES: dict[tuple[str, str], str | None] = {
    ("RETREAT", "ease"): None,  # "ease is no longer a mode" (the table's own note)
    ("RETREAT", "return"): None,  # commented out of the manual's RETREAT modes
    ("THREATEN", "ban"): "restrict",  # restrict covers "the banning of political activities"
    ("THREATEN", "political"): "restrict",  # 1321: restrictions on freedom of speech
    ("COERCE", "ban"): "restrict",  # "banning of individuals or organizations"
    ("ASSAULT", "assassinate"): "targeted",  # targeted: "(attempted) assassinations"
    ("ASSAULT", "massacre"): "targeted",  # targeted: "deliberate mass killings"
    ("ASSAULT", "cleansing"): None,  # commented out of the manual's ASSAULT modes
    ("ASSAULT", "seize"): "destroy",  # 1712 Destroy property
    ("ASSAULT", "pro_autocracy"): None,  # 175: a context written in the mode column
}
CONTEXT_FIXES: dict[str, str] = {
    "democracy": "pro_democracy",
    "humanitarian": "human_security",  # aid of food, water, shelter: the manual's human_security
}
# 175 (violent repression) names its context in the mode column.
EXTRA_CONTEXTS: dict[str, list[str]] = {"175": ["repression"]}

# Deliberate deviations from the conversion table (docs/store.md, "CAMEO and PLOVER").
DEVIATIONS: dict[str, dict[str, object]] = {
    # The manual codes international sanctions as SANCTION 'discontinue'; the table's 163 is
    # COERCE 'restrict', which the manual keeps for domestic restrictions.
    "163": {"plover": "SANCTION", "mode": "discontinue", "contexts": ["diplomatic"]},
}
# CAMEO 02 (appeals) is dropped by the manual; Communique codes appeals ("призвал") as
# REQUEST, which the manual defines as a call on others, without a mode.
APPEAL_ROOT = "02"

# The code a review that sets the PLOVER category alone gets: the root code ("not specified
# below") of the CAMEO family the manual translates to the category.
DEFAULTS = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
    "ASSAULT": "180",
}  # fmt: skip


# A planned (future-tense) event as the manual codes future actions: cooperative CONSULT,
# SUPPORT, COOPERATE and AID are AGREE ("reported in future tense ... should be coded as AGREE"),
# an announced retreat is CONCEDE, a future concession stays CONCEDE. `cameo` is the CAMEO 03
# (intent) code of the same meaning, for CAMEO-coded exports; None keeps the event's own code.
# Categories not listed have no future form in the manual: exports mark them (context "future").
FUTURE = {
    "AGREE": {"plover": "AGREE", "cameo": None},
    "CONSULT": {"plover": "AGREE", "cameo": "036"},
    "SUPPORT": {"plover": "AGREE", "cameo": "032"},
    "COOPERATE": {"plover": "AGREE", "cameo": "031"},
    "AID": {"plover": "AGREE", "cameo": "033"},
    "CONCEDE": {"plover": "CONCEDE", "cameo": "035"},
    "RETREAT": {"plover": "CONCEDE", "cameo": "035"},
}


def read_lookup(path: Path) -> dict[str, str]:
    """A GDELT lookup table: header row, then code TAB value."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split("\t", 1) for row in rows if row.strip())


def parse_conversion(text: str) -> dict[str, tuple[str, str | None, list[str]]]:
    """Code -> (PLOVER category, mode, contexts) as the conversion table writes them."""
    codes: dict[str, tuple[str, str | None, list[str]]] = {}
    for line in text.splitlines():
        match = _LINE.match(line.strip())
        if not match or match.group(1) in codes:  # 175 is written twice
            continue
        code, plover, mode, context = (g.strip() for g in match.groups())
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        codes[code] = (plover, mode or None, contexts)
    return codes


def build(folder: Path, vocabulary: dict[str, object]) -> dict[str, object]:
    names = {
        c: n.strip() for c, n in read_lookup(folder / "gdelt-cameo/CAMEO.eventcodes.txt").items()
    }
    weights = read_lookup(folder / "gdelt-cameo/CAMEO.goldsteinscale.txt")
    conversion = parse_conversion(
        (folder / "plover/CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    )
    modes: dict[str, list[str]] = vocabulary["events"]  # type: ignore[assignment]
    known_contexts = set(vocabulary["contexts"])  # type: ignore[arg-type]
    roots = {
        c: {"name": n, "goldstein": float(weights[c])} for c, n in names.items() if len(c) == 2
    }
    codes: dict[str, dict[str, object]] = {}
    for code, name in names.items():
        if len(code) == 2:
            continue
        plover, mode, contexts = conversion.get(code, (None, None, []))
        if code.startswith(APPEAL_ROOT):
            plover = "REQUEST"
        if plover and mode and mode not in modes[plover]:
            mode = MODE_FIXES[(plover, mode)]
        contexts = [CONTEXT_FIXES.get(c, c) for c in contexts] + EXTRA_CONTEXTS.get(code, [])
        entry: dict[str, object] = {
            "name": name, "goldstein": float(weights[code]), "plover": plover, "mode": mode,
            "contexts": contexts,
        }  # fmt: skip
        entry.update(DEVIATIONS.get(code, {}))
        unknown = set(entry["contexts"]) - known_contexts  # type: ignore[arg-type]
        if unknown:
            raise ValueError(f"CAMEO {code}: contexts {sorted(unknown)} are not the manual's")
        codes[code] = entry
    return {
        "version": VERSION, "source": SOURCES, "defaults": DEFAULTS, "future": FUTURE,
        "roots": roots, "codes": codes,
    }  # fmt: skip


def main(folder: str) -> None:
    vocabulary = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    table = build(Path(folder), vocabulary)
    lines = [
        f"    {json.dumps(c)}: {json.dumps(v, ensure_ascii=False)}"
        for c, v in table["codes"].items()  # type: ignore[attr-defined]
    ]
    head = {k: table[k] for k in ("version", "source", "defaults", "future", "roots")}
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    OUTPUT.write_text(text + ',\n  "codes": {\n' + ",\n".join(lines) + "\n  }\n}\n", "utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
