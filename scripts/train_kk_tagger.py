"""Build the Kazakh name tagger shipped in src/communique/lang/kk/model/ from KazNERD.

    .venv/bin/python scripts/train_kk_tagger.py                # rebuild the shipped model
    .venv/bin/python scripts/train_kk_tagger.py --check        # rebuild elsewhere, compare bytes
    .venv/bin/python scripts/train_kk_tagger.py --grid         # c1/c2 grid, CV on the train side

Deterministic: the same data and feature code give the same model file (see lang/kk/training.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from communique.lang.kk.corpus import file_sha256, read_conll, split
from communique.lang.kk.evaluation import REPORTED_CLASSES
from communique.lang.kk.tagger import METADATA_FILE, MODEL_DIR, MODEL_FILE
from communique.lang.kk.training import CV_FOLDS, DEFAULT_PARAMS, build, cross_validate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "kaznerd" / "IOB2_valid.txt"
GRID = ((0.05, 0.05), (0.1, 0.1), (0.02, 0.02))  # (c1, c2)


def _summary(metadata: dict, side: str) -> str:
    scores = metadata["scores"][side]
    return "  ".join(
        f"{label} {scores[label]['f1']:.3f}" for label in REPORTED_CLASSES if label in scores
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="KazNERD IOB2_valid.txt")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for model + metadata")
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in a temporary folder and compare with the shipped model",
    )
    parser.add_argument(
        "--grid",
        action="store_true",
        help=f"{CV_FOLDS}-fold cross-validated F1 on the train side for a few (c1, c2)",
    )
    args = parser.parse_args()
    if not args.data.is_file():
        parser.error(f"KazNERD file not found: {args.data}")
    if args.grid:
        train_side = split(read_conll(args.data), "train")
        for c1, c2 in GRID:
            scores = cross_validate(train_side, {**DEFAULT_PARAMS, "c1": c1, "c2": c2})
            summary = "  ".join(
                f"{label} {scores.get(label, 0.0):.3f}" for label in REPORTED_CLASSES
            )
            print(f"c1={c1} c2={c2}  cv: {summary}", flush=True)
        return 0
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            build(args.data, Path(folder))
            rebuilt = file_sha256(Path(folder) / MODEL_FILE)
        shipped = file_sha256(MODEL_DIR / MODEL_FILE)
        print(f"rebuilt {rebuilt}\nshipped {shipped}")
        return 0 if rebuilt == shipped else 1
    metadata = build(args.data, args.out)
    print(f"wrote {args.out / MODEL_FILE} and {args.out / METADATA_FILE}")
    print(f"test: {_summary(metadata, 'test')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
