"""Language identification: lingua, restricted to the configured languages, built once."""

from __future__ import annotations

import pytest

from newsprism.errors import ConfigError
from newsprism.ingest.language import detect_language, detector


def test_detects_among_the_configured_languages():
    langs = ("en", "ru", "uk", "kk", "de", "fr", "es", "ar", "tr", "zh")
    assert detect_language("Police fired on protesters in the main square.", langs) == "en"
    assert detect_language("Полиция открыла огонь по протестующим на площади.", langs) == "ru"
    assert detect_language("La police a tiré sur les manifestants sur la place.", langs) == "fr"


def test_built_once_per_set_of_languages():
    assert detector(("en", "de")) is detector(("en", "de"))


def test_one_language_needs_no_detection():
    assert detect_language("whatever", ("ru",)) == "ru"
    assert detect_language("whatever", ()) is None


def test_unknown_code_is_a_config_error():
    with pytest.raises(ConfigError, match="xx"):
        detect_language("text", ("en", "xx"))


def test_english_dense_with_foreign_names_is_english():
    langs = ("en", "ru", "uk", "kk", "de", "fr", "es", "ar", "tr", "zh")
    text = ("On 9 May, in San Pedro de las Colonias, Nuevo Leon, a person was found dead in Colonia Lomas del Valle "
            "de la Sierra Alta.")
    assert detect_language(text, langs) == "en"
    german = ("Tausende Menschen haben am Samstag in Berlin gegen die Regierung demonstriert, wie die Polizei "
              "mitteilte. Es kam in der Stadt zu Zusammenstößen mit der Polizei, was niemand erwartet hatte.")
    assert detect_language(german, langs) == "de"
