"""The CAMEO table (`knowledge/data/cameo_plover.json`, built by `build_cameo.py`) and PLOVER's
vocabulary (`knowledge/data/plover.json`, read from the manual by `plover_manual.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.knowledge.files import data_path, read_data

TABLE_PATH = data_path("cameo_plover.json")
VOCABULARY_PATH = data_path("plover.json")
CODE_PATTERN = re.compile(r"\d{3,4}")  # a CAMEO event code: three digits, or four


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    plover: str | None  # None: a family the PLOVER manual drops (01, public statements)
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        """GDELT's EventBaseCode: the three-digit code a four-digit one refines."""
        return self.code[:3]


class CameoTable:
    def __init__(
        self,
        codes: dict[str, CameoCode],
        roots: dict[str, tuple[str, float]],
        defaults: dict[str, str],
        future: dict[str, dict[str, str | None]],
        source: dict[str, str],
    ) -> None:
        self._codes = codes
        self._roots = roots
        self._defaults = defaults
        self._future = future
        self.source = source

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def code(self, code: str) -> CameoCode:
        """The entry for a three- or four-digit code."""
        entry = self._codes.get(code)
        if entry is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return entry

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())

    def root_name(self, root: str) -> str:
        return self._roots[root][0]

    def root_goldstein(self, root: str) -> float:
        return self._roots[root][1]

    def default_for(self, plover: str) -> CameoCode:
        """The code an event of this PLOVER category gets when nothing narrows it."""
        return self.code(self._defaults[plover])

    def future(self, plover: str) -> tuple[str, CameoCode | None] | None:
        """How the PLOVER manual codes a planned event of this category: its PLOVER category
        and the CAMEO intent code of the same meaning (None: the event's own code); None when
        the manual gives the category no future form."""
        found = self._future.get(plover)
        if found is None:
            return None
        cameo = found["cameo"]
        return str(found["plover"]), self.code(cameo) if cameo else None

    def categories(self) -> tuple[str, ...]:
        return tuple(sorted(self._defaults))


@cache
def cameo_table(path: Path = TABLE_PATH) -> CameoTable:
    data = read_data(path)
    codes = {
        code: CameoCode(
            code=code,
            name=entry["name"],
            plover=entry["plover"],
            mode=entry["mode"],
            contexts=tuple(entry["contexts"]),
            goldstein=entry["goldstein"],
        )
        for code, entry in data["codes"].items()
    }
    roots = {root: (entry["name"], entry["goldstein"]) for root, entry in data["roots"].items()}
    return CameoTable(
        codes, roots, dict(data["defaults"]), dict(data["future"]), dict(data["source"])
    )


@dataclass(frozen=True)
class PloverVocabulary:
    """What the PLOVER manual lists: each category's modes, the contexts, auxiliary modes."""

    modes: dict[str, tuple[str, ...]]
    contexts: tuple[str, ...]
    auxiliary_modes: tuple[str, ...]

    def takes_mode(self, category: str, mode: str) -> bool:
        return mode in self.modes.get(category, ())


@cache
def plover_vocabulary(path: Path = VOCABULARY_PATH) -> PloverVocabulary:
    data = read_data(path)
    return PloverVocabulary(
        modes={category: tuple(modes) for category, modes in data["events"].items()},
        contexts=tuple(data["contexts"]),
        auxiliary_modes=tuple(data["auxiliary_modes"]),
    )
