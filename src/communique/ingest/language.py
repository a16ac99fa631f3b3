"""Language identification with lingua, one detector per process."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The region's languages plus the ones its news also comes in. lingua 2.1 has no Kyrgyz or Uzbek:
# Kyrgyz text tends to come out as Kazakh or Russian, Latin-script Uzbek as Azerbaijani or Turkish.
LANGUAGES = (
    Language.RUSSIAN,
    Language.KAZAKH,
    Language.ENGLISH,
    Language.UKRAINIAN,
    Language.BELARUSIAN,
    Language.MONGOLIAN,
    Language.AZERBAIJANI,
    Language.TURKISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.CHINESE,
    Language.ARABIC,
)
CONFIDENCE_PLACES = 6
# Fewer letters than this and even lingua's high-accuracy mode guesses.
MIN_LETTERS = 20
# The language is clear long before this; the rest only costs time.
SAMPLE_CHARS = 2000
# Confidences are relative among LANGUAGES; keyboard mash and unsupported languages spread over
# several of them, real text of MIN_LETTERS letters or more rarely falls below this.
MIN_CONFIDENCE = 0.5


@cache
def _detector() -> LanguageDetector:
    # Models load lazily, only for the languages a text's script leaves in play: about 150 MB for
    # Cyrillic, 140 MB more once Latin-script text is seen. Preloading all of them costs 410 MB
    # and 3 s at start-up; low-accuracy mode (20 MB) mislabels short English as Spanish.
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and confidence in [0, 1]; (None, 0.0) if the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None, 0.0
    best = _detector().compute_language_confidence_values(sample)[0]
    if best.value < MIN_CONFIDENCE:
        return None, 0.0
    # lingua sums its probabilities in an order that changes from process to process, so the
    # last digits differ between two runs on the same text; six places are what it really
    # knows, and the same on every run (a parallel ingest stores what one process stores).
    return best.language.iso_code_639_1.name.lower(), round(best.value, CONFIDENCE_PLACES)
