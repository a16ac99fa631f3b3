"""Read the Kazakh or English releases of a releases corpus with lang/kk or lang/en and write
their records (JSON Lines), for the shared scorer:

    .venv/bin/python scripts/read_releases.py kk out/kk-records.jsonl
    python3 ../shared/tools/score_releases.py --pred out/kk-records.jsonl   # the `kk` row

The Kazakh and English readers are not in the pipeline yet (issue 11), so this is how their
figures are measured.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from communique.document import Document
from communique.record import Record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "releases-dev"


def reader(language: str) -> Callable[[Document], Record]:
    if language == "kk":
        from communique.lang.kk.read import read_kazakh

        return read_kazakh
    from communique.lang.en.read import read_english

    return read_english


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=["kk", "en"])
    parser.add_argument("output", type=Path, help="JSON Lines file of records to write")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="has kk/ and en/")
    args = parser.parse_args()
    folder = args.corpus / args.language
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        parser.error(f"no releases in {folder}")
    read = reader(args.language)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for path in paths:
            document = Document(
                id=f"{args.language}/{path.stem}", text=path.read_text(encoding="utf-8")
            )
            out.write(read(document).model_dump_json(exclude_none=True) + "\n")
    print(f"{len(paths)} records -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
