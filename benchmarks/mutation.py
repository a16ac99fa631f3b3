"""How many of the mutants mutmut makes of some modules the tests kill: the suite's strength.

    python benchmarks/mutation.py src/communique/extract/agreements.py \
        [--tests tests/extract] [--output out/mutation.json] [--diffs]

The repository (src, tests, samples, pyproject) is copied to a temporary folder with a
`[tool.mutmut]` section naming the modules and the tests, `mutmut run` mutates them there
(each mutant is one change: an operator, a constant, a condition...), and the report counts
killed mutants (some test failed), survivors (every test passed: a change the tests cannot
see) and mutants no test reaches; `--diffs` adds each survivor's change (`mutmut show`) to the
report. The score is killed / all mutants. Not part of `make test`:
on 2 cores a module of 150 lines takes about 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("src", "tests", "samples", "pyproject.toml", "README.md", "docs", "Makefile", "scripts")
RESULT_LINE = re.compile(r"^\s*(?P<mutant>\S+): (?P<status>[a-z ]+)$")


def _config(modules: list[str], tests: list[str]) -> str:
    def toml_list(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(v) for v in values) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        f"only_mutate = {toml_list(modules)}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
        'also_copy = ["samples/", "docs/", "README.md", "Makefile", "scripts/"]\n'
    )


def _copy(into: Path, modules: list[str], tests: list[str]) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, into / name)
    shared = ROOT.parent / "shared"
    if shared.is_dir():  # the tests find the gold data beside the repository, and mutmut's copy
        (into.parent / "shared").symlink_to(shared)
        (into / "shared").symlink_to(shared)
    with (into / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
        pyproject.write(_config(modules, tests))


def _mutmut() -> str:
    found = shutil.which("mutmut", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit("mutmut is not installed in this environment: pip install mutmut==3.8.1")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "modules",
        nargs="+",
        help="source files to mutate, e.g. src/communique/extract/agreements.py",
    )
    parser.add_argument(
        "--tests", nargs="+", default=["tests/"], help="test paths that run against each mutant"
    )
    parser.add_argument("--children", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    parser.add_argument("--output", type=Path, help="JSON report to write")
    parser.add_argument(
        "--diffs",
        action="store_true",
        help="put each survivor's change (`mutmut show`) in the report: what to test next",
    )
    args = parser.parse_args()
    for module in args.modules:
        if not (ROOT / module).is_file():
            parser.error(f"no such module: {module}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="communique-mutation-") as scratch:
        project = Path(scratch) / "project"
        project.mkdir()
        _copy(project, args.modules, args.tests)
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        run = subprocess.run(
            [_mutmut(), "run", "--max-children", str(args.children)],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            print(run.stdout[-2000:], run.stderr[-2000:], file=sys.stderr)
            return run.returncode
        results = subprocess.run(
            [_mutmut(), "results", "--all", "true"],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        statuses = Counter()
        survivors: list[str] = []
        for line in results.splitlines():
            match = RESULT_LINE.match(line)
            if match:
                statuses[match["status"]] += 1
                if match["status"] == "survived":
                    survivors.append(match["mutant"])
        diffs = {
            mutant: subprocess.run(
                [_mutmut(), "show", mutant],
                cwd=project,
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            for mutant in (survivors if args.diffs else [])
        }
    total = sum(statuses.values())
    report = {
        "modules": args.modules,
        "tests": args.tests,
        "mutants": total,
        "statuses": dict(statuses),
        "score": round(statuses["killed"] / total, 3) if total else None,
        "survivors": survivors,
        "diffs": diffs,
        "seconds": round(time.perf_counter() - started),
    }
    print(
        f"{total} mutants: {statuses['killed']} killed, {statuses['survived']} survived, "
        f"{statuses['no tests']} reached by no test; score {report['score']} "
        f"({report['seconds']} s)"
    )
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
