"""Build `data/lemma_variants.json`: for every word of every Russian name in the data files, the
lemmas (pymorphy3 first parse) of its case forms. The loader reads it instead of inflecting
some two thousand words at each start; see `communique.knowledge.keys`.

    python -m communique.knowledge.build.build_lemma_variants

Rerun after editing names in the data files (a test says when it is out of date; words missing
from it still work, they are just inflected at load time).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from communique.knowledge.base import (
    COUNTRIES_FILE,
    DATA_DIR,
    ORGANIZATIONS_FILE,
    POSITIONS_FILE,
    read_data_file,
)
from communique.knowledge.keys import case_form_lemmas, tokenize
from communique.knowledge.models import Country, Organization, Position

OUTPUT_NAME = "lemma_variants.json"


def russian_names(data_dir: Path = DATA_DIR) -> Iterator[str]:
    """Every Russian name the loader indexes under lemma keys."""
    _, countries = read_data_file(data_dir / COUNTRIES_FILE, "countries", Country)
    for country in countries:
        yield from country.names_ru
        if country.capital_ru:
            yield country.capital_ru
    _, organizations = read_data_file(data_dir / ORGANIZATIONS_FILE, "organizations", Organization)
    for org in organizations:
        yield from (org.name_ru, *org.aliases_ru, *org.ambiguous_aliases_ru)
    _, positions = read_data_file(data_dir / POSITIONS_FILE, "positions", Position)
    for position in positions:
        yield from position.names_ru


def words_of(names: Iterator[str]) -> set[str]:
    words: set[str] = set()
    for name in names:
        for token in tokenize(name):
            words.update(part.lower() for part in token.split("-") if part)
    return {word for word in words if any(ch.isalpha() for ch in word)}


def build(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    words = sorted(words_of(russian_names(data_dir)))
    return {
        "version": "1",
        "description": "Derived, do not edit: lemmas (pymorphy3 first parse) of the case forms "
        "of each word in the Russian names of the knowledge base; same: the form still reads as "
        "the word, other: it reads as another word. Written by "
        "communique.knowledge.build.build_lemma_variants.",
        "pymorphy3": version("pymorphy3"),
        "pymorphy3_dicts_ru": version("pymorphy3-dicts-ru"),
        "words": {word: _forms(word) for word in words},
    }


def _forms(word: str) -> dict[str, list[str]]:
    forms = case_form_lemmas(word)
    return {"same": list(forms.same), **({"other": list(forms.other)} if forms.other else {})}


def dumps(data: dict[str, Any]) -> str:
    """One word a line, so that the file diffs well."""
    head = {k: v for k, v in data.items() if k != "words"}
    lines = [json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "words": {']
    body = [
        f"    {json.dumps(word, ensure_ascii=False)}: {json.dumps(forms, ensure_ascii=False)}"
        for word, forms in data["words"].items()
    ]
    return "\n".join(lines) + "\n" + ",\n".join(body) + "\n  }\n}\n"


def main() -> None:
    data = build()
    output = DATA_DIR / OUTPUT_NAME
    output.write_text(dumps(data), encoding="utf-8")
    print(f"{len(data['words'])} words -> {output}")


if __name__ == "__main__":
    main()
