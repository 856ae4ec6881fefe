"""More attribution patterns (newsprism/extract/attribution_sources.py and the rules that use it), on invented texts."""

from __future__ import annotations

import pytest

from newsprism.extract import attribution
from newsprism.extract.claim_lexicons import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def found(nlp, text):
    part = lambda span: text[slice(*span)] if span else None  # noqa: E731
    return [(part(a.source), part(a.cue), part(a.content)) for a in attribution.find_attributions(nlp(text), load())]


def by_cue(nlp, text, cue):
    return next((f for f in found(nlp, text) if f[1] is not None and f[1].startswith(cue)), None)


def test_a_learned_cue_keeps_its_content_when_a_cue_lies_inside_it(nlp):
    text = "The minister spoke about reforms that unions say will cost jobs."
    assert by_cue(nlp, text, "spoke") == ("The minister", "spoke", "about reforms that unions say will cost jobs")


def test_a_participle_after_a_cue_clause_is_the_cue_subjects(nlp):
    text = "The governor insisted that he has expanded the budget, claiming that he is responsible for the surplus."
    assert by_cue(nlp, text, "claiming") == ("The governor", "claiming", "that he is responsible for the surplus")


def test_calling_for_someone_to_act(nlp):
    text = "The mayor is calling for the national government to take a stronger role in the harbour dispute."
    source, _cue, content = by_cue(nlp, text, "calling")
    assert source == "The mayor" and content.startswith("for the national government to take")


def test_a_dateline_is_not_the_source(nlp):
    text = "Talks resume.\n\nLISBON (AP) — Two union leaders and the labour minister pledged to work together on pay."
    assert by_cue(nlp, text, "pledged")[0] == "Two union leaders and the labour minister"


def test_a_speech_tag_with_an_apposition_after_a_quotation(nlp):
    text = "“We cannot argue with that!” Murphy, the head of the farmers’ group, tweeted on Friday with an image."
    assert by_cue(nlp, text, "tweeted") == ("Murphy, the head of the farmers’ group", "tweeted",
                                             "“We cannot argue with that!”")


def test_how_something_seems_has_no_source_and_its_subject_is_content(nlp):
    text = "The new donors appear to have close ties to the mining company."
    assert by_cue(nlp, text, "appear") == (None, "appear", "The new donors appear to have close ties to the mining company")


def test_seeming_to_say_something_keeps_its_speaker(nlp):
    text = "The minister appeared to suggest that the border would reopen soon."
    assert [f[0] for f in found(nlp, text)] == ["The minister"]


@pytest.mark.parametrize("text, speaker", [
    ("''They were rivals, but also friends,'' Ana Costa, the former minister, said of their time.",
     "Ana Costa, the former minister"),
    ("''Lisbon, Porto, Faro, Braga,'' Mr. Silva said. ''I am surprised.''", "Mr. Silva"),
])
def test_a_word_of_the_quotation_is_not_its_speaker(nlp, text, speaker):
    assert by_cue(nlp, text, "said")[0] == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("“It is hers to lose at this point,” added another local councillor. “The race is over.”", "added",
     "another local councillor"),
    ("“Having access to the file and two people who understand it is valuable,” said Skelly, explaining he worked "
     "more closely with Chrabaszcz.", "said", "Skelly"),
])
def test_a_speaker_after_the_cue_that_follows_a_quotation(nlp, text, cue, speaker):
    assert by_cue(nlp, text, cue)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Alarmed by the unrest in Nevada, Senator Tom Baker, the minority whip, said that he spoke with Ms. Lopez on Tuesday.",
     "Senator Tom Baker, the minority whip"),
    ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, said, "
     "''I mean, a raid is a combat operation.''", "Col. Steven H. Warren, a military spokesman in Baghdad"),
    ("Donald Smith, who is vying to be the next governor, tweeted on Friday to say he had never supported the tax.",
     "Donald Smith, who is vying to be the next governor"),
])
def test_a_name_and_its_apposition_before_a_cue_whose_subject_the_parse_lost(nlp, text, speaker):
    assert next(f for f in found(nlp, text) if f[1] in ("said", "tweeted"))[0] == speaker


def test_a_sure_cue_with_no_clause_says_what_follows_it(nlp):
    text = "The senator told the largely unsubstantiated tale of a general who halted attacks in the colony."
    assert by_cue(nlp, text, "told") == ("The senator", "told",
                                         "the largely unsubstantiated tale of a general who halted attacks in the colony")


def test_a_bare_speech_tag_with_no_quotation_says_the_sentence_before(nlp):
    text = "Prices will rise again next year. Costa said.\n\nThe bank disagreed."
    assert found(nlp, text) == [("Costa", "said", "Prices will rise again next year")]


def test_a_participle_tagged_cue_after_a_name_and_its_apposition(nlp):
    text = "Beruff, a Scott ally, called Florida’s standards “strong.”"
    assert by_cue(nlp, text, "called")[0] == "Beruff, a Scott ally"


def test_a_pronoun_object_takes_what_is_said_of_it(nlp):
    text = 'Campaign manager Jeff Weaver called that "beyond preposterous."'
    assert by_cue(nlp, text, "called") == ("Campaign manager Jeff Weaver", "called", '"beyond preposterous."')


@pytest.mark.parametrize("text, cue, feeler, cause", [
    ("His behavior has angered the party's top figures.", "angered", "the party's top figures", "His behavior"),
    ("Officials were angered by the deal and predicted it would affect the case.", "angered", "Officials", "the deal"),
])
def test_who_feels_it_is_the_source_of_a_verb_of_feeling(nlp, text, cue, feeler, cause):
    source, _cue, content = by_cue(nlp, text, cue)
    assert (source, content) == (feeler, cause)


def test_the_subject_of_be_likely_to_say(nlp):
    text = "Rural voters are slightly more likely to say that the senator represents their positions."
    assert by_cue(nlp, text, "say")[0] == "Rural voters"


def test_a_cue_noun_object_of_a_verb_speaks_for_the_verbs_subject(nlp):
    text = "In an incendiary press conference, the mayor launched a pre-emptive attack against the governor."
    assert by_cue(nlp, text, "attack") == ("the mayor", "attack", "against the governor")


def test_a_cue_noun_someone_receives_is_not_theirs(nlp):
    text = "The minister faced sharp criticism of the budget from opposition leaders."
    assert [f[0] for f in found(nlp, text) if f[1] == "criticism"] in ([], ["opposition leaders"])


def test_the_one_who_asked_is_not_named(nlp):
    text = "Asked whether the mayor has the integrity to serve, 75 percent of voters said yes."
    assert by_cue(nlp, text, "Asked")[0] is None


def test_a_coordinated_cue_inside_what_a_cue_says_is_the_outer_speakers(nlp):
    text = "In an interview, Gore insisted it was premature to back the senator while adding that he admired her."
    assert by_cue(nlp, text, "adding")[0] == "Gore"


def test_a_count_the_parse_made_the_subject_gives_way_to_the_speaker_apposed_to_it(nlp):
    text = ("Security forces opened fire on protesters after Friday prayers in the city of Zahedan, killing at least "
            "41 people, the Norway-based rights group Iran Human Rights said on Saturday.")
    source, cue, content = by_cue(nlp, text, "said")
    assert source == "the Norway-based rights group Iran Human Rights"
    assert content.startswith("Security forces opened fire")
    # a subject that opens its clause keeps its apposition
    assert by_cue(nlp, "Mr. Smith, the mayor, said the bridge would reopen.", "said")[0] == "Mr. Smith, the mayor"


def test_according_to_after_a_participle_clause_tells_the_whole_sentence(nlp):
    text = ("The military carried out an air strike on a village on Tuesday, killing about 100 people including "
            "children, according to local residents.")
    source, cue, content = by_cue(nlp, text, "according to")
    assert source == "local residents"
    assert content.startswith("The military carried out an air strike") and content.endswith("including children")


def test_a_closing_tag_whose_parse_has_two_subjects_speaks_what_comes_before_the_comma(nlp):
    text = "An air strike killed at least 20 people early on Thursday, the Hamas-run Gaza civil defence agency said."
    source, cue, content = by_cue(nlp, text, "said")
    assert source == "the Hamas-run Gaza civil defence agency"
    assert content == "An air strike killed at least 20 people early on Thursday"


def test_a_live_blog_time_stamp_is_neither_source_nor_content(nlp):
    text = ("Live updates: drones hit the capital\n\n"
            "08:40 - Ukraine's air force said it shot down 42 of 50 drones launched overnight.\n\n"
            "07:10 - Police in Moscow detained at least 15 people, the rights group OVD-Info said.")
    assert by_cue(nlp, text, "said")[0] == "Ukraine's air force"
    assert found(nlp, text)[-1][2] == "Police in Moscow detained at least 15 people"
