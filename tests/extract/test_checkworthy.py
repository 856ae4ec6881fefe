"""Check-worthiness scores from the shipped model."""

from __future__ import annotations

import pytest

from newsprism.extract import checkworthy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def test_scores_are_probabilities(nlp):
    for text in ("Thank you.", "Unemployment fell to 4 percent in 2015, the lowest rate in a decade.", ""):
        value = checkworthy.score(list(nlp(text)))
        assert 0.0 <= value <= 1.0


def test_a_statistic_outranks_a_greeting(nlp):
    fact = checkworthy.score(list(nlp("We cut taxes by $3 billion and created 200,000 jobs last year.")))
    greeting = checkworthy.score(list(nlp("Thank you very much, good evening everyone.")))
    assert fact > greeting


def test_model_matches_the_features():
    model = checkworthy.load_model()
    assert model["features"] == list(checkworthy.FEATURES)
    assert len(model["weights"]) == len(checkworthy.FEATURES)
