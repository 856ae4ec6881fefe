"""Language identification with lingua, restricted to the configured languages.

The detector is built lazily, once per process and set of languages (so each
Dask worker builds its own).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from ..errors import ConfigError

log = logging.getLogger(__name__)

#: characters looked at: enough for a sure answer on news text (about 1 ms), cheap on long articles
SAMPLE_CHARS = 1000


@functools.lru_cache(maxsize=4)
def detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        try:
            chosen.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            raise ConfigError(
                f"the languages setting names {code!r}, which is not an ISO 639-1 code lingua knows; fix it in the "
                f"settings file or NEWSPRISM_LANGUAGES"
            ) from None
    if len(chosen) == 1:
        return chosen[0]  # one language: nothing to detect
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def english_share(text: str) -> tuple[float, int]:
    """The share of the words of ``text`` (its first SAMPLE_CHARS) that are English function words, and how many
    words there are (``english_words`` in ``patterns.v1.json``)."""
    import re

    from .patterns import load_patterns

    words = re.findall(r"[^\W\d_]+", text[:SAMPLE_CHARS].lower())
    known = frozenset(load_patterns().raw.get("english_words", "").split())
    return (sum(w in known for w in words) / len(words) if words else 0.0), len(words)


def looks_english(text: str) -> bool:
    """Whether enough of the text's words are English function words (see :func:`english_share`)."""
    from .patterns import load_patterns

    raw = load_patterns().raw
    share, n = english_share(text)
    return n >= int(raw.get("english_min_words", 12)) and share >= float(raw.get("english_min_share", 0.08))


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """The ISO 639-1 code of ``text``'s language among ``languages``, or None when it cannot be told. English
    function words settle English first (lingua reads English dense with foreign names as another language)."""
    if not languages:
        return None
    if "en" in languages and looks_english(text):
        return "en"
    found = detector(tuple(languages))
    if not hasattr(found, "detect_language_of"):
        return str(found.iso_code_639_1.name.lower())
    language = found.detect_language_of(text[:SAMPLE_CHARS])
    return None if language is None else str(language.iso_code_639_1.name.lower())
