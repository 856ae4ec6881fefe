"""Fixtures of the geo tests."""

from __future__ import annotations

import pytest


@pytest.fixture()
def places_of(settings):
    """A function: the places stage's places of a text run through the real pipeline (spans checked against it)."""
    from newsprism.api import analyze_articles
    from newsprism.model import Article

    def run(text: str):
        (analysis,) = analyze_articles([Article(id="t", text=text)], settings.replace(stages=("places",)))
        for place in analysis.places:
            for span in place.mentions:
                assert text[span.start:span.end] == span.text
        return analysis.places

    return run
