"""Test helper: a name in another grammatical case, the way a text would write it."""

from __future__ import annotations

from communique.nlp.morph import analyzer

ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
ADJECTIVES = {"ADJF", "PRTF"}


def inflect_name(name: str, case: str) -> str:
    """Put the leading nominative group of `name` (adjectives and their noun) into `case`;
    the rest ("... Монголии", "... иностранных дел") stays, as it does in text."""
    words = name.split()
    out: list[str] = []
    inflecting = True
    for position, word in enumerate(words):
        if not inflecting or word in {"и", "—", "-"} or word.isupper():
            out.append(word)
            inflecting = inflecting and not word.isupper()
            continue
        head, _, tail = word.rpartition("-")  # compounds decline their last part
        last = position == len(words) - 1
        adjective = not last and tail.lower().endswith(ADJECTIVE_ENDINGS)
        parse = _nominative_parse(tail, adjective)
        if parse is None:
            out.append(word)
            inflecting = False
            continue
        form = parse.inflect({case})
        out.append(f"{head}-{form.word}" if head and form else form.word if form else word)
        inflecting = parse.tag.POS in ADJECTIVES
    return " ".join(out)


def _nominative_parse(word: str, adjective: bool):
    parses = [p for p in analyzer().parse(word.lower()) if "nomn" in p.tag]
    if not parses:
        return None
    preferred = [p for p in parses if (p.tag.POS in ADJECTIVES) == adjective]
    return (preferred or parses)[0]
