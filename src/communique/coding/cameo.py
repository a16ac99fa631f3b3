"""The CAMEO table (`knowledge/data/cameo_plover.json`, built by `build_cameo.py`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.knowledge.base import DATA_DIR

TABLE_PATH = DATA_DIR / "cameo_plover.json"


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    plover: str
    mode: str | None
    context: str | None
    goldstein: float | None

    @property
    def root(self) -> str:
        return self.code[:2]


class CameoTable:
    def __init__(self, codes: dict[str, CameoCode], source: str) -> None:
        self._codes = codes
        self.source = source

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def code(self, code: str) -> CameoCode:
        """The entry for `code`; a four-digit code falls back to its three-digit parent."""
        entry = self._codes.get(code) or self._codes.get(code[:3])
        if entry is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return entry

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())


@cache
def cameo_table(path: Path = TABLE_PATH) -> CameoTable:
    data = json.loads(path.read_text(encoding="utf-8"))
    codes = {
        code: CameoCode(
            code=code,
            name=entry["name"],
            plover=entry["plover"],
            mode=entry["mode"],
            context=entry["context"],
            goldstein=entry["goldstein"],
        )
        for code, entry in data["codes"].items()
    }
    return CameoTable(codes, data["source"])
