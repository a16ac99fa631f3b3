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


# A letter of a Cyrillic alphabet (Russian's and Kazakh's included).
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Modules outside lang/ that still hold Cyrillic words in code, each for its reason; the list
# only shrinks. Not the reading stages' words (extract/, resolve/ hold none) but:
_CYRILLIC_ALLOWED = {
    # the enumeration glue of three languages in one pattern (и, а также / and / мен, пен, бен):
    # to be built from each language's data (h-en is reworking the module, issue 11)
    "extract/meetings.py",
    # the evaluation's readers of Russian gold sets (FactRuEval, NEREL) and the dev corpus
    "evaluate/factrueval.py",
    "evaluate/lenient.py",
    "evaluate/mapping.py",
    "evaluate/releases.py",
    # ingest, before a document has a language: Cyrillic encodings and mojibake; a photo
    # credit's words in three languages, which is never a headline
    "ingest/cyrillic.py",
    "ingest/title.py",
    # transliteration tables (Cyrillic to Latin), used by every language
    "nlp/translit.py",
}


def _documentation(tree: ast.Module) -> set[int]:
    """The ids of the string constants that document rather than compute: docstrings, bare
    string statements and a field's `description=`."""
    found = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "description":
            found |= {id(n) for n in ast.walk(node.value) if isinstance(n, ast.Constant)}
    return found


def _cyrillic_in_code(path: Path) -> list[str]:
    """The string literals of `path` that hold a Cyrillic letter; comments and documentation
    aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documentation = _documentation(tree)
    return [
        f"{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in documentation
        and _CYRILLIC.search(node.value)
    ]


def test_no_language_words_in_code_above_lang() -> None:
    """The stages above `lang/` hold no word of any language: Russian's words are data files in
    `lang/ru/data/`, Kazakh's and English's in theirs."""
    found = {
        str(path.relative_to(PACKAGE)): literals
        for path in _modules("lang")
        if (literals := _cyrillic_in_code(path))
    }
    assert {p: v for p, v in found.items() if p not in _CYRILLIC_ALLOWED} == {}
    assert sorted(_CYRILLIC_ALLOWED - found.keys()) == []  # a file cleaned leaves the list


def test_the_literal_check_sees_code_and_not_docstrings(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        '"""Пример: «встреча»."""\n\n# комментарий\nWORDS = {"встреча"}\n\n\n'
        'def f() -> str:\n    """Докстрока."""\n    return "ok"\n\n\n'
        'X = Field(description="Пояснение")\n',
        encoding="utf-8",
    )
    assert _cyrillic_in_code(module) == ["4: 'встреча'"]


def test_only_the_russian_package_loads_pymorphy() -> None:
    loading = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if any(name.split(".")[0] == "pymorphy3" for name in _imports(path))
    ]
    assert loading == ["lang/ru/morphology.py"]
