"""Certainty cues and levels from the hedge lexicon."""

from __future__ import annotations

import pytest

from newsprism.extract import certainty
from newsprism.extract.claim_lexicons import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def level(nlp, text):
    return certainty.level_of(certainty.find_cues(list(nlp(text)), load()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president signed the decree on Tuesday.", "certain"),
        ("The oligarchs have reportedly left the country.", "probable"),
        ("It appears that the army will not intervene.", "probable"),
        ("The talks may collapse next week.", "possible"),
        ("Perhaps they were planning something.", "possible"),
        ("This is unlikely to happen.", "doubtful"),
        ("A deal is not likely before spring.", "doubtful"),
    ],
)
def test_levels(nlp, text, expected):
    assert level(nlp, text) == expected


def test_may_the_month_is_not_a_hedge(nlp):
    assert level(nlp, "The elections were held in May.") == "certain"


def test_cue_spans_point_at_the_words(nlp):
    text = "It appears that the talks might fail."
    cues = certainty.find_cues(list(nlp(text)), load())
    assert [text[s:e] for s, e, _ in cues] == ["It appears", "might"]


def test_weak_cues_can_be_left_out(nlp):
    tokens = list(nlp("Several buildings burned."))
    assert certainty.find_cues(tokens, load()) and not certainty.find_cues(tokens, load(), strong_only=True)
