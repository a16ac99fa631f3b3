"""Read the English releases of a releases corpus with lang/en and write their records (JSON Lines).

    .venv/bin/python scripts/read_en_releases.py out/en-records.jsonl
    python3 ../shared/tools/score_releases.py --pred out/en-records.jsonl   # the `en` row

The English reader is not in the pipeline yet (issue 11), so this is how its figures are measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from communique.document import Document
from communique.lang.en.read import read_english

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "releases-dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="JSON Lines file of records to write")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="has en/*.txt")
    args = parser.parse_args()
    paths = sorted((args.corpus / "en").glob("*.txt"))
    if not paths:
        parser.error(f"no English releases in {args.corpus / 'en'}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for path in paths:
            document = Document(id=f"en/{path.stem}", text=path.read_text(encoding="utf-8"))
            out.write(read_english(document).model_dump_json(exclude_none=True) + "\n")
    print(f"{len(paths)} records -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
