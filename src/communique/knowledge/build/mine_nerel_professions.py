"""Mine PROFESSION phrases from the NEREL 1.1 *train* split (never dev, never FactRuEval) into
`data/professions_nerel_train.json`: lemma key, most frequent surface form and count, for
phrases annotated at least MIN_COUNT times. It is kept apart from the curated positions.json.

    python -m communique.knowledge.build.mine_nerel_professions ../shared/datasets/nerel-1.1/train
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from razdel import tokenize

from communique.knowledge.base import DATA_DIR, NEREL_PROFESSIONS_FILE
from communique.knowledge.keys import lemma, words_only

MIN_COUNT = 2
OUTPUT = DATA_DIR / NEREL_PROFESSIONS_FILE


def _professions(ann_path: Path) -> Iterator[tuple[int, int]]:
    """(start, end) of each contiguous PROFESSION entity of one BRAT .ann file."""
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, info, _ = line.split("\t", 2)
        kind, *bounds = info.split(" ")
        if kind == "PROFESSION" and ";" not in info:
            yield int(bounds[0]), int(bounds[1])


def mine(train_dir: Path) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for txt_path in sorted(train_dir.glob("*.txt")):
        text = txt_path.read_text(encoding="utf-8")
        for start, end in _professions(txt_path.with_suffix(".ann")):
            words = [token.text for token in tokenize(text[start:end])]
            key = words_only(" ".join(lemma(word) for word in words))
            if key:
                counts[key] += 1
                surfaces[key][" ".join(text[start:end].split())] += 1
    professions = [
        {"key": key, "text": surfaces[key].most_common(1)[0][0], "count": count}
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count >= MIN_COUNT
    ]
    return {
        "version": "1",
        "description": "PROFESSION phrases annotated at least twice in NEREL 1.1 train (CC BY 4.0, "
        "Loukachevitch et al.), mined by communique.knowledge.build.mine_nerel_professions: "
        "lemma key, most frequent surface form, count. Separate from the curated positions.json.",
        "min_count": MIN_COUNT,
        "professions": professions,
    }


def dumps(data: dict[str, Any]) -> str:
    """One profession a line, so that the file diffs well."""
    head = {k: v for k, v in data.items() if k != "professions"}
    lines = [json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "professions": [']
    body = [f"    {json.dumps(p, ensure_ascii=False)}" for p in data["professions"]]
    return "\n".join(lines) + "\n" + ",\n".join(body) + "\n  ]\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if args.train_dir.name != "train":
        parser.error("mine the train split only")
    data = mine(args.train_dir)
    args.output.write_text(dumps(data), encoding="utf-8")
    print(f"{len(data['professions'])} professions -> {args.output}")


if __name__ == "__main__":
    main()
