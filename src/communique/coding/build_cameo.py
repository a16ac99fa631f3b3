"""Build `knowledge/data/cameo_plover.json` from the PLOVER project's CAMEO->PLOVER table.

    python -m communique.coding.build_cameo ../shared/datasets/plover/CAMEO2PLOVER-2021.txt

Three-digit CAMEO codes keep the table's PLOVER type, mode and context; Goldstein weights are
the conventional CAMEO-Goldstein scale (Goldstein 1992, as distributed with CAMEO), one value
per three-digit code. CAMEO 02 (appeals) is absent from the 2021 table; it is coded REQUEST here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from communique.knowledge.base import DATA_DIR

OUTPUT = DATA_DIR / "cameo_plover.json"
_LINE = re.compile(r"^(\d{3}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$")

GOLDSTEIN_ROOT = {
    "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0,
    "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}  # fmt: skip
GOLDSTEIN = {
    "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 5.0, "036": 4.0,
    "037": 5.0, "038": 7.0, "039": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0,
    "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0,
    "087": 9.0,
    "100": -5.0, "101": -5.0, "102": -4.9, "103": -5.0, "104": -5.0, "105": -5.0,
    "106": -5.0, "107": -5.0, "108": -5.0,
    "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0,
    "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0, "125": -5.0,
    "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8,
    "136": -7.0, "137": -7.0, "138": -7.0, "139": -7.0,
    "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -7.0, "166": -7.0,
}  # fmt: skip
APPEALS = {
    "020": "Make an appeal or request",
    "021": "Appeal for material cooperation",
    "022": "Appeal for diplomatic cooperation",
    "023": "Appeal for aid",
    "024": "Appeal for political reform",
    "025": "Appeal to yield",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}


def parse(text: str) -> dict[str, dict[str, object]]:
    codes: dict[str, dict[str, object]] = {}
    for line in text.splitlines():
        match = _LINE.match(line.strip())
        if not match or match.group(1) in codes:
            continue
        code, plover, mode, context, name = (g.strip() for g in match.groups())
        codes[code] = {
            "name": name,
            "plover": plover,
            "mode": mode or None,
            "context": context or None,
            "goldstein": GOLDSTEIN.get(code, GOLDSTEIN_ROOT.get(code[:2])),
        }
    for code, name in APPEALS.items():
        codes[code] = {
            "name": name,
            "plover": "REQUEST",
            "mode": None,
            "context": None,
            "goldstein": GOLDSTEIN[code],
        }
    return dict(sorted(codes.items()))


def main(path: str) -> None:
    codes = parse(Path(path).read_text(encoding="utf-8"))
    lines = [f"    {json.dumps(c)}: {json.dumps(v, ensure_ascii=False)}" for c, v in codes.items()]
    source = "CAMEO2PLOVER-2021.txt (PLOVER Draft 0.8, 2021-09-17); Goldstein 1992"
    OUTPUT.write_text(
        '{\n  "source": '
        + json.dumps(source)
        + ',\n  "codes": {\n'
        + ",\n".join(lines)
        + "\n  }\n}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1])
