"""Place mentions: what a place verb takes is a place."""

from __future__ import annotations

import pytest

from newsprism.api import analyze_articles
from newsprism.model import Article

pytestmark = pytest.mark.slow


def test_the_object_of_a_place_verb_is_a_place(settings):
    text = "On Monday, regime forces shelled Kelbani in Idleb using artillery fire."
    (analysis,) = analyze_articles([Article(id="t", text=text)], settings.replace(stages=("places",)))
    assert any(p.name == "Kelbani" for p in analysis.places)


def test_a_lower_case_arabic_article_belongs_to_the_name(settings):
    text = "On Monday, protesters blocked the main road in el Qantara (Ismailia, Egypt)."
    (analysis,) = analyze_articles([Article(id="t", text=text)], settings.replace(stages=("places",)))
    assert any(p.name == "el Qantara" for p in analysis.places)


def test_a_governor_or_governorship_after_a_name_makes_it_a_province(settings):
    text = "On Friday, the Mwanza Governorship banned all gatherings in the province."
    (analysis,) = analyze_articles([Article(id="t", text=text)], settings.replace(stages=("places",)))
    mwanza = next(p for p in analysis.places if p.name == "Mwanza")
    assert mwanza.resolved and mwanza.country == "TZA" and mwanza.precision == 2


def test_names_introduced_as_examples_of_a_plural_type_word_are_places(settings):
    text = "Women protested in several villages of the district, including Wolkenau and Ndekoville, on Monday."
    (analysis,) = analyze_articles([Article(id="t", text=text)], settings.replace(stages=("places",)))
    assert {"Wolkenau", "Ndekoville"} <= {p.name for p in analysis.places}
