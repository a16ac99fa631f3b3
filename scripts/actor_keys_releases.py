"""Do the Russian, Kazakh and English gold persons of each release get one actor_key?

    .venv/bin/python scripts/actor_keys_releases.py [--corpus ../shared/datasets/releases-dev]

The gold lists each release's persons in the same order in its three languages; a person's keys
are `actor_key("person", gold name, country=gold country)` per language. Reported: the persons
whose three keys are equal, those that differ (with their keys), and collisions: one key given
to two different persons (told apart by their Russian surname and country).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from communique.store.identity import actor_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "releases-dev"
LANGUAGES = ("ru", "kk", "en")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="has gold.jsonl")
    args = parser.parse_args()
    gold: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(dict)
    for line in (args.corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["slug"]][row["lang"]] = row["persons"]
    persons = agreeing = 0
    owners: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for slug, versions in sorted(gold.items()):
        lists = [versions.get(language, []) for language in LANGUAGES]
        if len({len(found) for found in lists}) != 1:
            print(f"{slug}: persons differ in number across languages, skipped")
            continue
        for ru, kk, en in zip(*lists, strict=True):
            keys = [actor_key("person", p["name"], country=p.get("country")) for p in (ru, kk, en)]
            persons += 1
            agreeing += len(set(keys)) == 1
            if len(set(keys)) > 1:
                shown = " | ".join(
                    f"{p['name']} {k}" for p, k in zip((ru, kk, en), keys, strict=True)
                )
                print(f"  differ  {slug}: {shown}")
            for key in keys:
                owners[key].add((ru["surname"].lower(), ru.get("country")))
    collisions = {key: who for key, who in owners.items() if len(who) > 1}
    for key, who in sorted(collisions.items()):
        print(f"  collision {key}: {sorted(who, key=str)}")
    print(
        f"releases {len(gold)}, gold persons {persons}: three keys equal {agreeing} "
        f"({agreeing / max(persons, 1):.3f}); keys shared by different persons {len(collisions)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
