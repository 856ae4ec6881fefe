"""The language pipeline: loaded once, sentences that respect the text's lines."""

from __future__ import annotations

import pytest

from newsprism.nlp.pipeline import _hard_wrapped, load_pipeline, parse_many

pytestmark = pytest.mark.slow


def _sentences(settings, text):
    from newsprism.model import Article

    (parsed,) = parse_many([Article(id="t", text=text)], settings)
    return [s.text for s in parsed.sentences]


def test_loaded_once_per_process(settings):
    assert load_pipeline(settings.spacy_model) is load_pipeline(settings.spacy_model)


def test_header_lines_and_headlines_are_sentences_of_their_own(settings):
    text = ("Leaders shut down internet amid price protests | Daily Example\nSource: Daily Example\n"
            "Author: Jane Roe\n\nInternet service was disrupted this week as thousands took to the streets.")
    assert _sentences(settings, text) == [
        "Leaders shut down internet amid price protests | Daily Example",
        "Source: Daily Example",
        "Author: Jane Roe",
        "Internet service was disrupted this week as thousands took to the streets.",
    ]


def test_hard_wrapped_lines_run_on():
    wrapped = "\n".join(["word " * 14] * 8)
    assert _hard_wrapped(wrapped)
    assert not _hard_wrapped("Title\n\n" + "\n\n".join(["A paragraph of text."] * 8))


def test_hard_wrapped_sentence_is_not_cut_at_a_line_break(settings):
    text = "\n".join([
        "The minister met with the leaders of the opposition parties on Monday and",
        "President Biden said later that the talks went well. Officials in the capital",
        "declined to comment on the meeting, which lasted for more than three hours and",
        "ended without a statement. Protesters gathered outside the building during the",
        "talks and police detained several of them, witnesses said on Tuesday night in",
        "the city centre.",
    ])
    sentences = _sentences(settings, text)
    assert sentences[0].startswith("The minister") and sentences[0].endswith("talks went well.")
    assert len(sentences) == 3


def test_no_sentence_starts_with_a_comma(settings):
    text = ("Thousands rally in Tbilisi as police use water cannon on protesters\n\n"
            "TBILISI, Nov 29 (Reuters) - Georgian police fired water cannon and tear gas on Friday night to disperse "
            "thousands of protesters who had gathered outside parliament in Tbilisi, a day after the government said "
            "it would suspend talks on joining the European Union.")
    sentences = _sentences(settings, text)
    assert sentences[1].startswith("TBILISI, Nov 29")
    assert not any(s.startswith((",", ";", ")")) for s in sentences)


def test_no_sentence_ends_with_a_preposition_or_article(settings):
    text = ("Gunmen kill 23 villagers in central Mali\n\n"
            "BAMAKO, March 14 (Reuters) - Suspected jihadists killed at least 23 civilians in an attack on a village.")
    sentences = _sentences(settings, text)
    assert sentences[0].strip() == "Gunmen kill 23 villagers in central Mali"
