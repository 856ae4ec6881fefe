"""The attribution patterns beyond a plain cue verb (newsprism/extract/attribution_patterns.py), on small texts."""

from __future__ import annotations

import pytest

from newsprism.extract import attribution
from newsprism.extract.claim_lexicons import load
from newsprism.extract.quotes import quote_regions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def find(nlp, text):
    return attribution.find_attributions(nlp(text), load())


def spans(text, att):
    part = lambda span: text[slice(*span)] if span else None  # noqa: E731
    return part(att.source), part(att.cue), part(att.content)


def test_doubled_apostrophes_are_quotation_marks():
    text = "He left.\n\n''We will not give up the port,'' the minister said. The farmer's ''plan'' failed."
    assert [text[s:e] for s, e in quote_regions(text)] == ["''We will not give up the port,''", "''plan''"]


def test_a_bare_speech_tag_takes_a_quotation_in_doubled_apostrophes(nlp):
    text = "''We will not give up the port,'' the minister said."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("the minister", "said", "''We will not give up the port,''")


def test_coordinated_cues_say_their_own_things(nlp):
    text = "Most farmers said the harvest was poor, and two-thirds said prices would fall."
    found = sorted(spans(text, a) for a in find(nlp, text))
    assert found == [("Most farmers", "said", "the harvest was poor"), ("two-thirds", "said", "prices would fall")]


def test_a_stance_adjective_after_be(nlp):
    text = "Local traders are skeptical of the new tariff plan."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("Local traders", "are skeptical of", "the new tariff plan")


def test_a_title_case_headline_verb(nlp):
    text = "Mayor Jane Doe Slams Plan To Close Harbor\nThe harbor stayed open."
    atts = [a for a in find(nlp, text) if a.pattern == "headline"]
    assert [spans(text, a) for a in atts] == [("Mayor Jane Doe", "Slams", "Plan To Close Harbor")]


def test_a_speaker_label_before_a_transcript_paragraph(nlp):
    text = "ANDERSEN:\n\nWe will reopen the border crossing next week.\n\nThe talks ended."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("ANDERSEN", ":", "We will reopen the border crossing next week")


def test_a_colon_after_a_dash_names_its_source(nlp):
    text = 'Talks stall again - Harbor Authority: "The cranes will stay idle until the contract is signed."'
    (att,) = find(nlp, text)
    assert spans(text, att)[:2] == ("Harbor Authority", ":")
    assert spans(text, att)[2].startswith('"The cranes will stay idle')


def test_a_poll_is_the_source_of_its_findings(nlp):
    text = "In a survey released Monday, 40 percent of respondents backed the reform."
    att = next(a for a in find(nlp, text) if a.pattern == "document")
    assert spans(text, att) == ("a survey released Monday", "In", "40 percent of respondents backed the reform")


def test_a_statement_is_not_the_source_of_what_a_person_says_in_it(nlp):
    text = "In a statement released Monday, she said the border would stay closed."
    assert [a.pattern for a in find(nlp, text)] == ["verb"]


def test_a_call_for_something_is_its_content(nlp):
    text = "The union is calling for a general strike on Friday."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("The union", "calling", "for a general strike on Friday")


def test_a_passive_cue_with_an_agent(nlp):
    text = "The reform was rejected by most of the deputies."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("most of the deputies", "rejected", "The reform")


def test_a_time_phrase_is_not_what_was_said(nlp):
    assert find(nlp, "The mayor spoke on Monday.") == []


def test_asked_if_has_the_question_as_content(nlp):
    text = "Asked if he was ever bullied, the candidate said no."
    asked = [spans(text, a) for a in find(nlp, text) if text[slice(*a.cue)] == "Asked"]
    assert [content for _, _, content in asked] == ["if he was ever bullied"]


def test_as_reported_by_names_its_source_and_the_main_clause(nlp):
    text = "As reported by the Harbor Gazette, the port will close on Monday."
    (att,) = find(nlp, text)
    assert spans(text, att) == ("the Harbor Gazette", "reported", "the port will close on Monday")


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The senator made it clear that she would not support the bill.", "made it clear",
     "that she would not support the bill"),
    ("The union took issue with the plan to close the mines.", "took issue with", "the plan to close the mines"),
    ("Farmers raised serious concerns that the dam would flood their land.", "raised serious concerns",
     "that the dam would flood their land"),
])
def test_a_multi_word_cue_from_the_lexicon(nlp, text, cue, content):
    (att,) = [a for a in find(nlp, text) if text[slice(*a.cue)] == cue]
    assert spans(text, att)[1:] == (cue, content)
    assert att.source is not None and att.pattern == "idiom"


def test_the_words_of_an_idiom_are_not_cues_of_their_own(nlp):
    text = "Critics raised concerns that the law would curb free speech."
    assert [text[slice(*a.cue)] for a in find(nlp, text)] == ["raised concerns"]


def test_a_cue_verb_in_a_phrase_that_says_nothing_is_not_a_cue(nlp):
    text = "The party won the vote in the north, adding to its victories in the south."
    assert find(nlp, text) == []
    text = "He added that the talks would resume."
    assert [text[slice(*a.cue)] for a in find(nlp, text)] == ["added"]


def test_a_headline_speaker_before_a_colon_says_the_rest_of_the_line(nlp):
    text = ("Farage: No second vote on the treaty this year.\n\n"
            "LONDON (AP) — The party leader is insisting that the treaty will not be put to a vote again.")
    colons = [a for a in find(nlp, text) if a.pattern == "colon"]
    assert [spans(text, a) for a in colons] == [("Farage", ":", "No second vote on the treaty this year")]


def test_a_pro_form_answer_is_the_content(nlp):
    text = "Asked if the strike would go on, the union leader said no."
    said = [a for a in find(nlp, text) if text[slice(*a.cue)] == "said"]
    assert [spans(text, a) for a in said] == [("the union leader", "said", "no")]


def test_a_question_word_left_alone_is_the_content(nlp):
    text = "The minister said the troops would leave, but she did not say when."
    atts = {text[slice(*a.cue)]: text[slice(*a.content)] for a in find(nlp, text)}
    assert atts == {"said": "the troops would leave", "say": "when"}


def test_a_bare_cue_does_not_take_another_claim_as_its_content(nlp):
    text = "The mayor said the bridge would reopen in May, but she would not comment further."
    assert [spans(text, a) for a in find(nlp, text)] == [("The mayor", "said", "the bridge would reopen in May")]


def test_a_singular_noun_after_a_comma_is_no_speech_tag(nlp):
    text = "The cake was made by Anna Berg, star of the cooking show “Sweet Home.” She smiled."
    assert [a for a in find(nlp, text) if a.pattern == "verb" and text[slice(*a.cue)] == "show"] == []


def test_i_feel_inside_a_quotation_is_not_a_claim_of_its_own(nlp):
    text = "A reporter asked the mayor how she felt on election day. She replied: “The bigger the turnout, the better I feel.”"
    assert [text[slice(*a.cue)] for a in find(nlp, text)] == ["asked", "replied"]


def test_a_share_of_people_opening_the_sentence_is_the_source(nlp):
    text = "About 4 in 10 say they want the next president to change course."
    (att,) = find(nlp, text)
    assert spans(text, att)[:2] == ("About 4 in 10", "say")


def test_a_reflexive_object_is_not_what_a_cue_says(nlp):
    text = "The senator has found himself at odds with his party."
    assert find(nlp, text) == []


def test_a_speaker_after_an_opening_quotation_is_the_source(nlp):
    # a parse that lost the subject of "tells" (as spaCy's does on some such sentences), built by hand
    from spacy.tokens import Doc

    from newsprism.extract.attribution_patterns import _sentence_subject

    words = ["“", "Yes", ",", "”", "Anna", "Berg", "tells", "reporters", "."]
    heads = [6, 6, 6, 6, 5, 6, 6, 6, 6]
    deps = ["punct", "intj", "punct", "punct", "compound", "npadvmod", "ROOT", "dobj", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=[False, False, False, True, True, True, True, False, False],
              heads=heads, deps=deps, pos=pos)
    head = _sentence_subject(doc, doc[6], quote_regions(doc.text))
    assert head is not None and head.text == "Berg"


def test_a_pull_quote_names_its_speaker_after_a_dash(nlp):
    text = ("Voters react\n\n“He did not answer a single question about jobs.” ― Maria Lopez, 34, a nurse\n"
            "“The economy is all that matters to my family.”— James Carter\n")
    found = [spans(text, a) for a in find(nlp, text)]
    assert found == [("Maria Lopez", "―", "He did not answer a single question about jobs"),
                     ("James Carter", "—", "The economy is all that matters to my family")]


def test_a_dash_after_a_quotation_inside_a_sentence_names_no_speaker(nlp):
    text = "She described “freedom” – the central theme.\n“We will win” — the crowd chanted as police moved in.\n"
    assert not [a for a in find(nlp, text) if a.pattern == "dash"]


def test_according_to_where_the_parse_makes_it_the_root_or_reads_a_verb(nlp):
    text = ("According to conservative talk radio host Rush Limbaugh, the move reeks of fear and desperation.\n\n"
            "As a reality TV boss, Donald Trump repeatedly demeaned women, according to show insiders.")
    found = [spans(text, a) for a in find(nlp, text) if a.pattern == "according-to"]
    assert found == [("conservative talk radio host Rush Limbaugh", "According to", "the move reeks of fear and desperation"),
                     ("show insiders", "according to", "As a reality TV boss, Donald Trump repeatedly demeaned women")]


def test_a_cue_verb_before_the_speaker_and_a_colon(nlp):
    text = "Some experts doubt it. Said Ellis: “I don’t get the sense she is interested in tax reform.”"
    found = [spans(text, a) for a in find(nlp, text) if a.pattern == "colon"]
    assert found == [("Ellis", "Said", "“I don’t get the sense she is interested in tax reform.”")]


@pytest.mark.parametrize("label", ["Editor’s note", "Correction", "Two questions"])
def test_a_label_before_a_colon_is_no_speaker(nlp, label):
    text = f"The debate ended late.\n\n{label}: the mayor has repeatedly misstated the figures on crime."
    assert not [a for a in find(nlp, text) if a.pattern == "colon"]


def test_a_pull_quote_dash_glued_to_the_quote_mark_and_a_line_opened_with_the_wrong_mark(nlp):
    text = ("Title here.\n\n”Mr. Trump embodies a legacy of racism. He represents our greatest shame.” ― Sonya Herridge\n"
            "“Trump must stop portraying Latinos as gangsters.”― Carla Sanchez.\n")
    assert [text[s:e] for s, e in quote_regions(text)][0].startswith("”Mr. Trump")
    found = [spans(text, a) for a in find(nlp, text)]
    assert found == [("Sonya Herridge", "―", "Mr. Trump embodies a legacy of racism. He represents our greatest shame"),
                     ("Carla Sanchez", "―", "Trump must stop portraying Latinos as gangsters")]


def test_a_poll_reports_where_a_person_stands(nlp):
    text = "In the previous Washington Post national poll, conducted in early September, Clinton led Trump by five points."
    found = [spans(text, a) for a in find(nlp, text)]
    assert found == [("the previous Washington Post national poll, conducted in early September", "In",
                      "Clinton led Trump by five points")]
    text = "In a poll last week, she interviewed 500 voters in Ohio."
    assert not [a for a in find(nlp, text) if a.pattern == "document"]


def test_a_place_before_a_colon_is_what_a_headline_is_about(nlp):
    text = "Colombia: clashes between rebels and the army leave five dead in Arauca\n\nFive soldiers were killed."
    assert not [a for a in find(nlp, text) if a.pattern == "colon"]
