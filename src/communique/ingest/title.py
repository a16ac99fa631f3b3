"""A document's headline: its title, else its text's first line, never a photo credit.

Press releases put the picture's credit above the text («Фото: Сенат РК», «Сурет: Ақорда
баспасөз қызметі», «Photo: MFA»), and page metadata sometimes offers the caption as the title.
A credit names who took a picture, not what the release says, so it is never a headline.
"""

from __future__ import annotations

import re

HEADLINE_LENGTH = 140  # characters of a line shown as the headline of a document without a title

# A credit line: a word for a picture or video (Russian, Kazakh, English), then a separator or
# "by"/the genitive of a press service (Фото пресс-службы Акорды), or a line opening with ©.
_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)|"
    r"(?:фото(?:графи[яи])?|фотоматериал\w*|видео|сурет(?:тер)?|бейне|photos?|images?|"
    r"pictures?|video|credit)"
    r"(?:\s*(?:и|и видео|/\s*видео|және бейне))?"
    r"\s*(?:[:—–\-/|]|by\b|пресс-служб\w*|из открытых|с сайта|с официального|автор\w*))",
    re.IGNORECASE,
)
_CREDIT_WORDS = 12  # a credit is a name or two; a longer line is text that opens with «Фото»


def is_credit(line: str) -> bool:
    """Whether `line` is a photo or video credit rather than a headline."""
    return bool(_CREDIT.match(line)) and len(line.split()) <= _CREDIT_WORDS


def usable_title(title: str | None) -> str | None:
    """The title as metadata gives it, unless it is empty or a credit."""
    if title is None or not title.strip() or is_credit(title):
        return None
    return " ".join(title.split())


def headline(title: str | None, text: str | None) -> str:
    """The title, else the text's first line that is no credit, shortened: what a list shows."""
    kept = usable_title(title)
    if kept:
        return kept
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    first = next((line for line in lines if line and not is_credit(line)), "")
    return first if len(first) <= HEADLINE_LENGTH else first[: HEADLINE_LENGTH - 1].rstrip() + "…"
