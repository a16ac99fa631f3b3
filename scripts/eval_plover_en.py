"""PLOVER event-type accuracy of the English trigger reader on the PLOVER gold standard records.

    .venv/bin/python scripts/eval_plover_en.py [--gold PLOVER_GSR_CAMEO.json] [--errors]

Each gold record is one English sentence with its event type in PLOVER's 2016 categories (version
0.5b1); they are mapped to the 2021 categories the project codes as the PLOVER manual merged them
(DEMAND is REQUEST, DISAPPROVE is ACCUSE, FIGHT is ASSAULT). A sentence scores when the type of its
main event equals the gold type; a sentence with no trigger counts as wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from communique.lang.en.events import sentence_event_type
from communique.lang.en.model import english

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "datasets" / "plover" / "PLOVER_GSR_CAMEO.json"
OLDER_CATEGORIES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    records = [r for r in json.loads(args.gold.read_text(encoding="utf-8")) if r.get("text")]
    nlp = english()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = OLDER_CATEGORIES.get(record["event"], record["event"])
        sentence = next(iter(doc.sents))
        found = sentence_event_type(sentence)
        predicted = found.type if found else None
        total[gold] += 1
        right[gold] += predicted == gold
        if args.errors and predicted != gold:
            trigger = found.trigger.text if found else "-"
            print(f"{gold:<11} {predicted or '-':<11} {trigger:<12} {record['text'][:90]}")
    for kind in sorted(total):
        print(f"{kind:<11} {right[kind]:>3}/{total[kind]:<3} {right[kind] / total[kind]:.2f}")
    accuracy = sum(right.values()) / sum(total.values())
    print(f"accuracy {sum(right.values())}/{sum(total.values())} = {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
