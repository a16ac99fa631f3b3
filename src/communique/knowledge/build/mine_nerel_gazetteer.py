"""Mine a gazetteer of entity phrases from the NEREL 1.1 *train* split (never dev or test).

For each annotated phrase (as a lemma key) we count how often it is annotated with each type
and how often the same lemma sequence occurs in the train texts at all. A phrase is kept when it
is annotated at least MIN_COUNT times and at least MIN_PRECISION of its occurrences carry that
type, so that ambiguous words ("мир", "союз") stay out.

    python -m communique.knowledge.build.mine_nerel_gazetteer ../shared/datasets/nerel-1.1/train
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from razdel import tokenize

from communique.nlp.morph import lemma

MINED_TYPES = {
    "ORGANIZATION",
    "PROFESSION",
    "EVENT",
    "LAW",
    "COUNTRY",
    "CITY",
    "STATE_OR_PROVINCE",
    "LOCATION",
    "DATE",
}
MAX_WORDS = 8
MIN_COUNT = 2
MIN_PRECISION = 0.5
# A title seen once is still a title ("медиаменеджер"): professions are open-ended and rarely
# ambiguous, so one annotated occurrence (with the precision rule) is enough for them.
MIN_COUNT_BY_TYPE = {"PROFESSION": 1}
OUTPUT = Path(__file__).parents[1] / "data" / "gazetteer_nerel_train.json"


def _entities(ann_path: Path) -> list[tuple[str, int, int]]:
    entities = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, info, _ = line.split("\t", 2)
        kind, *ranges = info.replace(";", " ").split(" ")
        if kind in MINED_TYPES:
            bounds = [int(x) for x in ranges]
            entities.append((kind, min(bounds), max(bounds)))
    return entities


def mine(train_dir: Path) -> dict[str, object]:
    annotated: dict[str, Counter[str]] = defaultdict(Counter)
    documents = []
    for txt_path in sorted(train_dir.glob("*.txt")):
        text = txt_path.read_text(encoding="utf-8")
        tokens = list(tokenize(text))
        lemmas = [lemma(t.text) for t in tokens]
        documents.append(lemmas)
        by_start = {t.start: i for i, t in enumerate(tokens)}
        by_stop = {t.stop: i + 1 for i, t in enumerate(tokens)}
        for kind, start, stop in _entities(txt_path.with_suffix(".ann")):
            first, last = by_start.get(start), by_stop.get(stop)
            if first is not None and last is not None and 0 < last - first <= MAX_WORDS:
                annotated[" ".join(lemmas[first:last])][kind] += 1

    occurrences: Counter[str] = Counter()
    for lemmas in documents:
        for size in range(1, MAX_WORDS + 1):
            for i in range(len(lemmas) - size + 1):
                key = " ".join(lemmas[i : i + size])
                if key in annotated:
                    occurrences[key] += 1

    entries = {}
    for key, kinds in sorted(annotated.items()):
        kind, count = kinds.most_common(1)[0]
        precision = count / max(occurrences[key], count)
        needed = MIN_COUNT_BY_TYPE.get(kind, MIN_COUNT)
        if count >= needed and precision >= MIN_PRECISION and any(c.isalpha() for c in key):
            entries[key] = {"type": kind, "count": count, "precision": round(precision, 3)}
    return {
        "version": "1",
        "description": "Entity phrases (lemma keys) mined from NEREL 1.1 train by "
        "communique.knowledge.build.mine_nerel_gazetteer; CC BY 4.0 data of Loukachevitch et al.",
        "min_count": MIN_COUNT,
        "min_precision": MIN_PRECISION,
        "entries": entries,
    }


def _one_entry_per_line(gazetteer: dict[str, object]) -> str:
    """JSON that diffs well: one gazetteer entry a line."""
    head = {k: v for k, v in gazetteer.items() if k != "entries"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "entries": {']
    entries = gazetteer["entries"]
    assert isinstance(entries, dict)
    body = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in entries.items()]
    return "\n".join(lines) + "\n" + ",\n".join(body) + "\n}}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    gazetteer = mine(args.train_dir)
    args.output.write_text(_one_entry_per_line(gazetteer), "utf-8")
    counts = Counter(e["type"] for e in gazetteer["entries"].values())
    print(f"{len(gazetteer['entries'])} entries -> {args.output}: {dict(counts)}")


if __name__ == "__main__":
    main()
