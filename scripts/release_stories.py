"""Are the three language versions of each release stored as one story?

    .venv/bin/python scripts/release_stories.py [--published 2025-01-01] [--corpus DIR]

Reads every release of the corpus through the pipeline in its own language, stores the records
in a fresh DuckDB file, and compares the stories with the corpus: two documents belong together
when they are versions of one release (the same NN-slug). `--published DAY` gives every document
that publication day: the worst case for the matcher, which must then tell the releases apart by
their persons, countries and event types alone. Without it only the days of the events count.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import Record
from communique.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "releases-dev"
LANGUAGES = ("ru", "kk", "en")


def records(corpus: Path, published: str | None) -> list[Record]:
    """Every release of `corpus` read by the pipeline in its own language."""
    documents = [
        Document(
            id=f"{path.stem}.{language}",
            text=path.read_text(encoding="utf-8"),
            language=language,
            published=published,
        )
        for language in LANGUAGES
        for path in sorted((corpus / language).glob("*.txt"))
    ]
    return list(Pipeline().process_many(documents))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--published", help="one publication day for every document")
    parser.add_argument("--keep", type=Path, help="write the records read to this JSON Lines file")
    parser.add_argument("--records", type=Path, help="store these records instead of reading")
    args = parser.parse_args()
    if args.records:
        lines = args.records.read_text(encoding="utf-8").splitlines()
        read = [Record.model_validate_json(line) for line in lines if line.strip()]
        read = [r.model_copy(update={"published": args.published}) for r in read]
    else:
        read = records(args.corpus, args.published)
    if args.keep:
        args.keep.write_text("".join(r.model_dump_json() + "\n" for r in read), encoding="utf-8")
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(str(Path(folder) / "stories.duckdb")) as store,
    ):
        for record in read:
            store.add(record)
        story_of = dict(store.backend.rows("SELECT id, story_id FROM documents"))
    release = {document: document.rsplit(".", 1)[0] for document in story_of}
    truth = {frozenset(p) for p in combinations(story_of, 2) if release[p[0]] == release[p[1]]}
    linked = {frozenset(p) for p in combinations(story_of, 2) if story_of[p[0]] == story_of[p[1]]}
    whole = defaultdict(set)
    for document, story in story_of.items():
        whole[release[document]].add(story)
    mixed = {
        story
        for story in story_of.values()
        if len({release[d] for d, s in story_of.items() if s == story}) > 1
    }
    one = sum(
        len(stories) == 1 and len([d for d in story_of if release[d] == slug]) == len(LANGUAGES)
        for slug, stories in whole.items()
    )
    right = len(truth & linked)
    print(
        f"documents {len(story_of)}, releases {len(whole)}: all three versions in one story "
        f"{one}; version pairs linked {right}/{len(truth)} (recall {right / len(truth):.3f}), "
        f"wrong pairs {len(linked - truth)}, stories mixing releases {len(mixed)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
