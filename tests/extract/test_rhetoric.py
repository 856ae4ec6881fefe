"""The rhetoric stage: scare quotes, cue candidates, the model, and the Pravda sample end to end."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.extract import rhetoric
from newsprism.extract.rhetoric_features import doc_features
from newsprism.extract.rhetoric_model import LinearModel, RhetoricModel, shipped_model
from newsprism.extract.rhetoric_quotes import quoted_phrases, scare_quotes
from newsprism.model import Span

ALLOWED = set(rhetoric.TECHNIQUES) | {rhetoric.SCARE_QUOTES}


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def _scare(nlp, text: str) -> list[str]:
    return [r.text for r in scare_quotes(doc_features(nlp(text)))]


# --------------------------------------------------------------------------- quotation marks

def test_apostrophes_are_not_quotation_marks():
    text = "Nazarbayev's family didn't leave; the 'new order' did."
    assert [text[s:e] for s, e in quoted_phrases(text, 0, len(text))] == ["new order"]


def test_curly_and_straight_double_quotes():
    text = "The \u201cpeacekeepers\u201d and the \"reforms\" arrived."
    assert [text[s:e] for s, e in quoted_phrases(text, 0, len(text))] == ["peacekeepers", "reforms"]


@pytest.mark.slow
def test_unattributed_short_quote_is_a_scare_quote(nlp):
    assert _scare(nlp, 'Another round of "reforms" left the capital without water.') == ["reforms"]


@pytest.mark.slow
def test_attributed_quotation_is_not_a_scare_quote(nlp):
    assert _scare(nlp, 'The minister said the troops would act "with full force" tomorrow.') == []
    assert _scare(nlp, 'He added: "we will win this war".') == []
    assert _scare(nlp, '"We will never surrender to them," the general said.') == []


@pytest.mark.slow
def test_distancing_word_wins_over_attribution(nlp):
    assert _scare(nlp, 'He said the so-called "elections" were held on Sunday.') == ["elections"]


@pytest.mark.slow
def test_titles_and_long_quotations_are_not_scare_quotes(nlp):
    assert _scare(nlp, 'They watched "Operation Desert Storm" on television.') == []
    assert _scare(nlp, 'Crowds chanted "down with the old regime and all of its corrupt ministers" today.') == []


# --------------------------------------------------------------------------- the model

def _tiny_model() -> RhetoricModel:
    si = LinearModel({"bias": 0, "w=brutal": 1}, np.array([[-2.0], [4.0]]), np.array([0.0]))
    tc = LinearModel({"bias": 0, "w=brutal": 1}, np.array([[0.0, 0.0], [2.0, -2.0]]), np.array([0.0, 0.0]),
                     ["Loaded_Language", "Doubt"])
    return RhetoricModel(si=si, tc=tc, threshold=0.5, peak=0.6, gap=1, meta={"test": True})


def test_model_round_trip(tmp_path):
    model = _tiny_model()
    model.save(tmp_path)
    back = RhetoricModel.load(tmp_path)
    rows = [["bias", "w=brutal"], ["bias", "w=calm"]]
    assert np.allclose(back.si.proba(rows), model.si.proba(rows))
    assert np.allclose(back.tc.proba(rows), model.tc.proba(rows))
    assert back.tc.classes == ["Loaded_Language", "Doubt"]
    assert (back.threshold, back.peak, back.gap) == (0.5, 0.6, 1)


def test_missing_model_names_the_fix(tmp_path):
    with pytest.raises(NewsprismError, match="make train-rhetoric"):
        RhetoricModel.load(tmp_path)


@pytest.mark.slow
def test_tiny_model_finds_the_cued_word(nlp):
    text = "Police used brutal force against the crowd."
    found = rhetoric.detect(nlp(text), _tiny_model(), with_sentences=False, with_quotes=False)
    assert [(r.technique, r.text) for r in found] == [("Loaded_Language", "brutal")]


def test_shipped_model_is_small_and_covers_the_taxonomy():
    model = shipped_model()
    assert set(model.tc.classes) == set(rhetoric.TECHNIQUES)
    assert 0.0 < model.threshold < 1.0
    assert model.si.coef.shape == (len(model.si.vocab), 1)


@pytest.mark.slow
def test_classify_spans(settings):
    import newsprism

    text = "These corrupt traitors will destroy our great nation unless we stop them now."
    out = newsprism.classify_spans(text, [Span.of(text, 6, 22), (0, len(text) - 1)], settings=settings)
    assert [(r.start, r.end) for r in out] == [(6, 22), (0, len(text) - 1)]
    assert all(r.technique in rhetoric.TECHNIQUES and 0 < r.confidence <= 1 for r in out)
    assert out[0].text == "corrupt traitors"
    with pytest.raises(NewsprismError, match="outside the text"):
        newsprism.classify_spans(text, [(5, 500)], settings=settings)


# --------------------------------------------------------------------------- the Pravda sample

def _covering(analysis, first: str, last: str | None = None) -> set[str]:
    """Techniques of the spans overlapping the text from ``first`` to the end of ``last``."""
    text = analysis.article.text
    start = text.index(first)
    end = text.index(last, start) + len(last) if last else start + len(first)
    return {r.technique for r in analysis.rhetoric if r.start < end and start < r.end}


@pytest.mark.slow
def test_pravda_spans_are_well_formed(pravda):
    text = pravda.article.text
    assert pravda.rhetoric
    for r in pravda.rhetoric:
        assert r.technique in ALLOWED
        assert text[r.start:r.end] == r.text and r.text.strip() == r.text
        assert 0.0 < r.confidence <= 1.0
    words = len(text.split())
    density = 1000 * len(pravda.rhetoric) / words
    assert 5 <= density <= 80, density  # spans per 1,000 words: PTC gold has about 16


@pytest.mark.slow
def test_pravda_boilerplate_carries_no_rhetoric(pravda):
    for b in pravda.article.boilerplate:
        assert not [r for r in pravda.rhetoric if r.start < b.end and b.start < r.end]


@pytest.mark.slow
def test_pravda_revolution_of_dignity_is_a_scare_quote(pravda):
    scare = [r for r in pravda.rhetoric if r.technique == "Scare_Quotes"]
    assert "revolution of dignity" in [r.text for r in scare]
    # the quoted words of Tim Ash and Nikolay Vavilov are quotations, not scare quotes
    assert all(len(r.text.split()) <= 6 for r in scare)


@pytest.mark.slow
def test_pravda_vavilov_destabilisation_appeals_to_fear(pravda):
    found = _covering(pravda, "The Urals, the Volga region and Western Siberia", "will all be destabilized")
    assert "Appeal_to_fear-prejudice" in found


@pytest.mark.slow
def test_pravda_final_paragraph_oversimplifies_or_loads(pravda):
    found = _covering(pravda, "The same mistake was observed everywhere", "have been rising steadily.")
    assert found & {"Causal_Oversimplification", "Loaded_Language"}


def test_density_counts_confident_spans_per_thousand_words():
    spans = [rhetoric.RhetoricSpan("Loaded_Language", 0, 4, "word", c) for c in (0.9, 0.55, 0.2)]
    text = "word " * 500
    assert rhetoric.density(spans, text) == pytest.approx(4.0)
    assert rhetoric.density(spans, text, min_confidence=0.0) == pytest.approx(6.0)
    assert rhetoric.density(spans, "") == 0.0
