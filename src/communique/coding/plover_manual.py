"""Read PLOVER's vocabulary out of the manual's LaTeX source: the event categories, each
category's modes, the general contexts and the auxiliary modes.

    python -m communique.coding.plover_manual ../shared/datasets/plover/PLOVER_MANUAL.tex

writes `knowledge/data/plover.json`; tests/coding compare that file with the manual, so a mode
or context the manual does not list cannot enter the tables by hand.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from communique.knowledge.files import data_path

OUTPUT = data_path("plover.json")
# Raise it when a new manual changes the vocabulary (knowledge/files.py: every file has one).
VERSION = "1"
SOURCE = (
    "PLOVER_MANUAL.tex (PLOVER manual, Open Event Data Alliance): the sections of chapter "
    "'Event Categories' and their mode tables, table 'General contexts', section 'Auxiliary modes'"
)

# A table row "name & content \\": the name is a lower-case PLOVER token (third-party,
# martial-law, suicide-attack); rows commented out with % are not part of the vocabulary.
_ROW = re.compile(r"^([a-z][a-z_-]*)\s*&")
_CONTEXT_ROW = re.compile(r"^(?:\\hyperref\[[^\]]*\]\{([^}]*)\}|([a-z][a-z_\\]*))\s*&")
_SECTION = re.compile(r"^\\section\{([A-Z]+)\}")


def parse_manual(text: str) -> dict[str, object]:
    lines = [line.strip() for line in text.splitlines()]
    return {
        "events": _events(lines),
        "contexts": _contexts(lines),
        "auxiliary_modes": _auxiliary(text),
    }


def _events(lines: list[str]) -> dict[str, list[str]]:
    """Each category of the 'Event Categories' chapter with the modes of its table."""
    start = lines.index(r"\chapter{Event Categories}")
    end = next(i for i, line in enumerate(lines) if line.startswith(r"\chapter{Contexts}"))
    events: dict[str, list[str]] = {}
    current: str | None = None
    in_modes = False
    for line in lines[start:end]:
        section = _SECTION.match(line)
        if section:
            current = section.group(1)
            events[current] = []
            in_modes = False
        elif line.startswith(r"\subsection{Supplementary fields"):
            in_modes = True
        elif line.startswith(r"\subsection"):
            in_modes = False
        elif in_modes and current and (row := _ROW.match(line)) and row.group(1) != "name":
            events[current].append(row.group(1))
    return events


def _contexts(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if r"\label{tab:general-contexts}" in line)
    contexts: list[str] = []
    for line in lines[start:]:
        if line.startswith(r"\end{longtable}"):
            break
        row = _CONTEXT_ROW.match(line)
        if row and (row.group(1) or row.group(2)) not in ("Name",):
            contexts.append((row.group(1) or row.group(2)).replace("\\_", "_"))
    return contexts


def _auxiliary(text: str) -> list[str]:
    section = text.split(r"\section{Auxiliary modes}", 1)[1].split(r"\section", 1)[0]
    first = section.split("Examples:", 1)[0]
    return list(dict.fromkeys(re.findall(r"\\plcon\{([a-z]+)\}", first)))


def main(path: str) -> None:
    vocabulary = parse_manual(Path(path).read_text(encoding="utf-8"))
    OUTPUT.write_text(
        json.dumps(
            {"version": VERSION, "source": SOURCE, **vocabulary}, ensure_ascii=False, indent=1
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1])
