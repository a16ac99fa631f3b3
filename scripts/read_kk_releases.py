"""Read the Kazakh releases of a releases corpus with lang/kk and write their records (JSON Lines).

    .venv/bin/python scripts/read_kk_releases.py out/kk-records.jsonl
    python3 ../shared/tools/score_releases.py --pred out/kk-records.jsonl   # the `kk` row

The Kazakh reader is not in the pipeline yet (issue 11), so this is how its figures are measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from communique.document import Document
from communique.lang.kk.read import read_kazakh

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "releases-dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="JSON Lines file of records to write")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="has kk/*.txt")
    args = parser.parse_args()
    paths = sorted((args.corpus / "kk").glob("*.txt"))
    if not paths:
        parser.error(f"no Kazakh releases in {args.corpus / 'kk'}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for path in paths:
            document = Document(id=f"kk/{path.stem}", text=path.read_text(encoding="utf-8"))
            out.write(read_kazakh(document).model_dump_json(exclude_none=True) + "\n")
    print(f"{len(paths)} records -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
