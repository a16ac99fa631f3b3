"""The publisher's country: from what the source says of itself, never from what the text is about.

In order: the country the input states (a JSON Lines `source_country`, `--home-country`); the
source's name (a known outlet, or an organisation of the knowledge base); the web domain (a known
outlet's, or a country-code domain); the dateline that opens the text, by the agency it names
(«АСТАНА. КАЗИНФОРМ –», «ТАШКЕНТ, 3 июня 2025 г. /УзА/.», «ASTANA (Kazinform) –»); an outlet or
organisation in a credit line («Фото: Сенат РК»); the dateline's city when that is a capital
(«АСТАНА, 11 февраля 2025 года.»). A text with none of these has no
known publisher's country: the countries it names are those it is about, and a Kazakh outlet's
release on talks in Ankara is no Turkish release.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from communique.document import Document
from communique.knowledge import Knowledge
from communique.knowledge.sources import Sources, outlet_key, sources

# A dateline opens one of the first paragraphs (after a headline) and is short.
_DATELINE_PARAGRAPHS = 3
_DATELINE_LENGTH = 90
_CAPS_WORDS = r"[^\W\d_][^\W_]*(?:[-‑ ][^\W_]+)*"


def publisher_country(document: Document, knowledge: Knowledge) -> str | None:
    """The publisher's country (ISO alpha-2), or None where the source does not say."""
    known = sources()
    if document.source_country:
        return document.source_country.upper()
    if document.source:
        country = _named_country(document.source, knowledge, known)
        if country:
            return country
    if document.url:
        country = domain_country(document.url, known)
        if country:
            return country
    return dateline_country(document.text, knowledge, known)


def _named_country(name: str, knowledge: Knowledge, known: Sources) -> str | None:
    """The country of a known outlet or of an organisation of the knowledge base so named."""
    country = known.by_name.get(outlet_key(name))
    if country is None:
        organization = knowledge.organization_by_name(name)
        country = organization.country if organization else None
    return country


def domain_country(url: str, known: Sources) -> str | None:
    """«https://www.inform.kz/ru/...» is Kazakh; a known outlet's domain under .com says its own."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    for start in range(len(labels) - 1):
        country = known.by_domain.get(".".join(labels[start:]))
        if country:
            return country
    tld = labels[-1] if labels else ""
    if len(tld) != 2 or not tld.isalpha():
        return None
    if tld in known.domain_exceptions:
        return known.domain_exceptions[tld]
    return tld.upper()


def dateline_country(text: str, knowledge: Knowledge, known: Sources) -> str | None:
    """The country of the agency a dateline names, else of an outlet or organisation a credit
    line names, else of the dateline's city when a capital."""
    dateline = _dateline(text, known)
    city, agency = dateline if dateline else (None, None)
    if agency:
        country = _named_country(agency, knowledge, known)
        if country:
            return country
    for credited in _credits(text, known):
        country = _named_country(credited, knowledge, known)
        if country:
            return country
    capital_of = knowledge.country_by_capital(city) if city else None
    return capital_of.alpha2 if capital_of else None


def _credits(text: str, known: Sources) -> list[str]:
    """What the credit lines name: «Фото: Сенат РК» -> «Сенат РК»."""
    named = []
    for line in text.split("\n"):
        word, colon, rest = line.strip().partition(":")
        if (
            colon
            and rest.strip()
            and len(line) <= _DATELINE_LENGTH
            and outlet_key(word) in known.credit_words
        ):
            named.append(rest.strip().rstrip("."))
    return named


def for_parsing(text: str) -> str:
    """The text with the dash that closes a dateline («АСТАНА. КАЗИНФОРМ – Председатель ...»)
    read as a full stop, so that the parser takes the dateline for a sentence of its own and not
    the agency for the subject of the first sentence. Same length: every offset holds."""
    match = _dateline_match(text, sources())
    if match is None or "agency" not in match.groupdict() or match.group("agency") is None:
        return text
    dash = len(text[: match.end()].rstrip()) - 1
    if text[dash] not in sources().separators:
        return text  # «/УзА/.» ends in a full stop already
    return text[:dash] + "." + text[dash + 1 :]


def _dateline(text: str, known: Sources) -> tuple[str, str | None] | None:
    """(city, agency or None) of the dateline opening one of the first paragraphs."""
    match = _dateline_match(text, known)
    if match is None:
        return None
    return match.group("city"), match.groupdict().get("agency")


def _dateline_match(text: str, known: Sources) -> re.Match[str] | None:
    dashes = "".join(re.escape(s) for s in known.separators)
    patterns = (
        # «АСТАНА. КАЗИНФОРМ –», «САНКТ-ПЕТЕРБУРГ. КАЗИНФОРМ –»
        re.compile(rf"(?P<city>{_CAPS_WORDS})\.\s+(?P<agency>{_CAPS_WORDS})\s*[{dashes}]\s"),
        # «ASTANA (Kazinform) –», «ST. PETERSBURG (Kazinform) –» (a city's name may open with an
        # abbreviated word)
        re.compile(
            rf"(?P<city>(?:{_CAPS_WORDS}\.\s)?{_CAPS_WORDS})\s*\((?P<agency>[^()\n]{{2,40}})\)"
            rf"\s*[{dashes}]\s"
        ),
        # «ТАШКЕНТ, 3 июня 2025 г. /УзА/.»
        re.compile(r"(?P<city>" + _CAPS_WORDS + r"),[^/\n]{0,40}/(?P<agency>[^/\n]{2,40})/"),
        # «АСТАНА, 11 февраля 2025 года.» (a city and a date, no agency)
        re.compile(r"(?P<city>" + _CAPS_WORDS + r"),\s+\d"),
    )
    offset, seen = 0, 0
    for line in text.split("\n"):
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_PARAGRAPHS:
            break
        for pattern in patterns:
            match = pattern.match(text, start, min(len(text), start + _DATELINE_LENGTH))
            if match and match.group("city").upper() == match.group("city"):
                return match
    return None
