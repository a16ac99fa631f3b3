"""The layout's rules, read from the source: only cli/ knows the command line, and the store's
core does not import the reviews that build on it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "communique"


def _imports(path: Path, root: Path = PACKAGE.parent) -> set[str]:
    """Every module `path` (under `root`) imports, at its top or inside a function, by its full
    name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(root).with_suffix("").parts
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own package upwards
                base = ".".join(parts[: len(parts) - node.level])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _modules(*exclude: str) -> list[Path]:
    return [
        p for p in sorted(PACKAGE.rglob("*.py")) if p.relative_to(PACKAGE).parts[0] not in exclude
    ]


def test_only_cli_knows_the_command_line() -> None:
    reaching = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in _imports(path)
            if name == "typer" or name.startswith(("typer.", "communique.cli"))
        )
        for path in _modules("cli")
    }
    assert {path: names for path, names in reaching.items() if names} == {}


def test_the_store_and_its_reviews_do_not_import_each_other() -> None:
    store = _imports(PACKAGE / "store" / "store.py")
    assert not any(name.startswith("communique.store.reviews") for name in store)
    for module in ("review_rules.py", "review_replay.py"):
        assert not any(
            name.startswith("communique.store.store")
            for name in _imports(PACKAGE / "store" / module)
        ), module


# A statement of SQL in a string, as the project writes it (keywords in capitals): what only the
# store may write.
SQL_STATEMENT = re.compile(
    r"^\s*(SELECT |INSERT INTO |UPDATE \w+ SET |DELETE FROM |WITH \w+ AS |CREATE (TABLE|INDEX) "
    r"|ALTER TABLE |DROP TABLE )"
)


def _sql_strings(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and SQL_STATEMENT.match(node.value)
    ]


def test_the_web_asks_the_store_and_writes_no_sql() -> None:
    writing = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted((PACKAGE / "web").rglob("*.py"))
        if (lines := _sql_strings(path))
    }
    assert writing == {}
    assert _sql_strings(PACKAGE / "store" / "questions.py")  # the check sees SQL where it is


def test_the_imports_reader_finds_imports_inside_functions_and_relative_ones(
    tmp_path: Path,
) -> None:
    """The checks above can fail: an import in a function body or a relative one is found."""
    module = tmp_path / "communique" / "store" / "probe.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "def f():\n    from communique.cli.common import fail\n    from ..cli import main\n",
        encoding="utf-8",
    )
    found = _imports(module, root=tmp_path)
    assert {"communique.cli.common.fail", "communique.cli.main"} <= found
