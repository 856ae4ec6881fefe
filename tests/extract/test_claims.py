"""The claims stage on the bundled Pravda sample (end to end) and on small texts."""

from __future__ import annotations

import pytest

import newsprism
from newsprism.extract import attribution
from newsprism.extract.claim_lexicons import load

pytestmark = pytest.mark.slow


def claim_with(analysis, content_part: str):
    found = [c for c in analysis.claims if content_part in c.content.text]
    assert found, f"no claim whose content holds {content_part!r}"
    return found[0]


def test_spans_are_offsets_into_the_text(pravda):
    text = pravda.article.text
    assert pravda.claims
    for claim in pravda.claims:
        for span in (claim.content, claim.source, claim.cue, claim.channel and claim.channel.span, *claim.certainty_cues):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_claim_ids_are_stable_and_in_text_order(pravda):
    assert [c.id for c in pravda.claims] == [f"C{i}" for i in range(1, len(pravda.claims) + 1)]
    starts = [c.content.start for c in pravda.claims]
    assert starts == sorted(starts)


def test_tass_reports_the_shooting(pravda):
    claim = claim_with(pravda, "Heavy shooting erupted")
    assert claim.speaker.kind == "media" and "TASS" in claim.speaker.name
    assert claim.cue.text == "reports" and claim.source.text.startswith("TASS")
    assert claim.content.text.startswith("Heavy shooting erupted on Republic Square")


def test_eyewitnesses_said_several_were_injured(pravda):
    claim = claim_with(pravda, "several citizens were injured")
    assert claim.speaker.kind == "collective" and claim.source.text.startswith("Eyewitnesses")
    assert claim.cue.text == "said" and claim.direct == "indirect"


def test_it_was_also_reported_is_an_unnamed_source(pravda):
    claim = claim_with(pravda, "explosions were heard")
    assert claim.speaker.kind == "unnamed" and claim.source is None
    assert "reported" in claim.cue.text
    assert claim.certainty != "certain"


def test_tim_ash_in_an_interview_with_cnbc(pravda):
    claim = claim_with(pravda, "frustrations over the lack of democracy")
    assert claim.speaker.kind == "person" and claim.speaker.name == "Tim Ash"
    assert claim.cue.text.startswith("said in an interview with CNBC")
    assert claim.channel is not None and claim.channel.name == "CNBC"
    assert "BlueBay Asset Management" in claim.source.text


def test_direct_quote_resolves_to_tim_ash(pravda):
    claim = claim_with(pravda, "Young, internet savvy Kazakhs")
    assert claim.direct == "direct" and claim.speaker.name == "Tim Ash" and claim.source.text == "Ash"
    ash = claim_with(pravda, "frustrations over the lack of democracy")
    assert claim.speaker.entity_id == ash.speaker.entity_id


def test_vavilov_telegram_prediction_spans_the_whole_quote(pravda):
    claim = claim_with(pravda, "Turkey will thus gain a direct corridor")
    assert "Vavilov" in claim.speaker.name and claim.speaker.kind == "person"
    assert claim.channel is not None and claim.channel.name == "Telegram"
    assert claim.kind == "prediction" and claim.direct == "direct"
    assert "Western Siberia will all be destabilized" in claim.content.text  # three sentences in one quotation


def test_experts_predict_kazakhstan_may_split(pravda):
    claim = claim_with(pravda, "Kazakhstan may split into two parts")
    assert claim.speaker.kind == "collective" and claim.source.text == "experts"
    assert claim.kind == "prediction" and claim.certainty == "possible"
    assert any(c.text == "may" for c in claim.certainty_cues)


def test_author_speculation_and_opinion(pravda):
    perhaps = claim_with(pravda, "Perhaps they were planning something very unpleasant")
    assert perhaps.speaker.kind == "author" and perhaps.source is None
    assert perhaps.kind == "speculation" and perhaps.certainty == "possible"
    unlikely = claim_with(pravda, "This is unlikely to happen, because Kazakhstan is not a self-sufficient state")
    assert unlikely.speaker.kind == "author" and unlikely.kind == "opinion"


def test_reportedly_sentences_are_not_certain(pravda):
    reportedly = [s for s in pravda.sentences if "reportedly" in s.text]
    assert len(reportedly) == 2
    for sentence in reportedly:
        assert sentence.certainty != "certain"
        assert any(c.text == "reportedly" for c in sentence.certainty_cues)
    assert all(s.checkworthiness is not None for s in pravda.sentences)


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def find(nlp, text):
    return attribution.find_attributions(nlp(text), load())


def test_according_to_names_its_source(nlp):
    text = "Prices rose by a third last year, according to the central bank."
    (att,) = find(nlp, text)
    assert text[slice(*att.cue)] == "according to"
    assert text[slice(*att.source)] == "the central bank"
    assert text[slice(*att.content)] == "Prices rose by a third last year"


def test_quote_before_a_bare_speech_tag_in_the_next_paragraph(nlp):
    text = ('The minister spoke to reporters on Monday.\n\n"We will not give up the port. Never," '
            'she said.\n\n"The talks are over."\n\nThe spokesman added.')
    atts = find(nlp, text)
    contents = {text[slice(*a.content)] for a in atts}
    assert '"We will not give up the port. Never,"' in contents
    assert '"The talks are over."' in contents


def test_no_attribution_without_a_cue(nlp):
    assert find(nlp, "Troops opened fire on protesters in the central square on Thursday.") == []


def test_an_act_on_a_noun_phrase_is_not_a_claim(nlp):
    text = "President Tokayev dismissed the government on Wednesday and appointed a new prime minister."
    assert [text[slice(*a.cue)] for a in find(nlp, text)] == []


def test_an_owned_cue_noun_with_an_of_phrase(nlp):
    text = "The senator's criticism of the new tax plan was sharp."
    atts = [a for a in find(nlp, text) if text[slice(*a.cue)] == "criticism"]
    assert len(atts) == 1
    assert text[slice(*atts[0].source)] == "The senator's" or text[slice(*atts[0].source)].startswith("The senator")
    assert "the new tax plan" in text[slice(*atts[0].content)]


def test_an_attitude_verb_with_an_object(nlp):
    text = "The opposition leader supports the new constitution."
    atts = find(nlp, text)
    assert [text[slice(*a.cue)] for a in atts] == ["supports"]
    assert text[slice(*atts[0].content)] == "the new constitution"


@pytest.fixture(scope="module")
def small(settings):
    import newsprism

    def run(text):
        return newsprism.analyze(text, settings=settings.replace(stages=("entities", "claims")))

    return run


def test_pronoun_resolves_to_the_person_named_before(small):
    analysis = small("Maria Lopez, the mayor of the city, visited the flooded district on Monday.\n\n"
                     "She said that the water supply would be restored within two days.")
    claim = claim_with(analysis, "water supply would be restored")
    assert claim.source.text == "She" and claim.speaker.kind == "person"
    assert claim.speaker.name == "Maria Lopez"


def test_we_outside_quotes_is_the_author(small):
    analysis = small("We believe that the election was neither free nor fair, and the count must be repeated.")
    claim = claim_with(analysis, "the election was neither free nor fair")
    assert claim.speaker.kind == "author" and claim.kind == "opinion"


def test_told_a_media_outlet_is_the_channel(small):
    analysis = small("The defence minister told Reuters that the troops would leave the region by Friday.")
    claim = claim_with(analysis, "the troops would leave the region")
    assert claim.channel is not None and claim.channel.name == "Reuters"
    assert claim.kind == "prediction"


def test_sources_said_is_an_unnamed_source(small):
    analysis = small("Sources said the minister had resigned late on Tuesday evening.")
    claim = claim_with(analysis, "the minister had resigned")
    assert claim.speaker.kind == "unnamed" and claim.certainty != "certain"


@pytest.mark.slow
def test_a_nationality_before_the_source_does_not_speak_for_it(settings):
    got = newsprism.analyze("Police detained 40 protesters in Minsk on Sunday, Belarusian officials said.",
                            published="2022-01-07", settings=settings)
    (claim,) = got.claims
    assert claim.source.text == "Belarusian officials"
    assert (claim.speaker.name, claim.speaker.kind) == ("Belarusian officials", "collective")


@pytest.mark.slow
def test_a_source_running_into_its_cue_or_content_is_cut_before_them(settings):
    got = newsprism.analyze("NetBlocks released multiple graphs showing that internet service was still disrupted.",
                            published="2022-01-07", settings=settings)
    for claim in got.claims:
        if claim.source is not None:
            for part in filter(None, (claim.cue, claim.content)):
                assert claim.source.end <= part.start or part.end <= claim.source.start


def test_a_wire_dateline_is_not_part_of_the_content(small):
    text = ("ODESA, Ukraine (AP) — Drones struck a port warehouse before dawn, the regional governor said.\n\n"
            "LAGOS, Nov 3 (Reuters) - Gunmen seized a bus near the border, police said.")
    analysis = small(text)
    first = claim_with(analysis, "Drones struck a port warehouse")
    assert first.content.text.startswith("Drones struck") and first.content.start == text.index("Drones")
    second = claim_with(analysis, "Gunmen seized a bus")
    assert second.content.text.startswith("Gunmen seized")


def test_an_organisation_noun_is_an_organisation_speaker(small):
    analysis = small("The air force said it shot down 20 drones overnight. The armed forces said two bridges were "
                     "destroyed. The police said three people were arrested.")
    for part in ("it shot down 20 drones", "two bridges were destroyed", "three people were arrested"):
        assert claim_with(analysis, part).speaker.kind == "organisation", part


def test_header_lines_are_not_claims(settings):
    text = ("Police detain protest leaders in the capital\nSource: Example Times\nAuthor: Jane Doe\n"
            "Date: 2022-01-06T22:51:42+00:00\n\nPolice detained three protest leaders on Thursday, "
            "the interior ministry said.\n")
    analysis = newsprism.analyze(text, settings=settings.replace(stages=("entities", "claims")))
    assert [c.speaker.name for c in analysis.claims if c.speaker.kind != "author"] == ["interior ministry"]


def test_he_said_after_an_unnamed_official_is_that_official_not_a_country(settings):
    text = ("Gunmen attack villages in central Mali\n\nThe assailants arrived on motorcycles in the village before "
            "dawn, burning homes, a local mayor told reporters by telephone. \"They killed everyone they found,\" he said.\n")
    analysis = newsprism.analyze(text, settings=settings.replace(stages=("entities", "claims")))
    quote = next(c for c in analysis.claims if c.content.text.startswith('"They killed'))
    assert (quote.speaker.name, quote.speaker.kind) == ("local mayor", "person")


def test_a_title_with_a_name_in_apposition_is_that_person(small):
    analysis = small("The interior minister, Mohsin Naqvi, said no one would be allowed to lay siege to the capital.")
    speaker = claim_with(analysis, "no one would be allowed").speaker
    assert (speaker.name, speaker.kind) == ("Mohsin Naqvi", "person")


def test_it_after_an_organisation_speaks_for_it_and_a_sponsor_is_not_the_speaker(small):
    analysis = small("The strike killed 90 people, according to the Hamas-run civil defence agency. The military said it "
                     "had hit a command centre. It accused the agency of inflating the toll.")
    agency = claim_with(analysis, "The strike killed").speaker
    assert agency.name.endswith("civil defence agency") and agency.kind == "organisation"
    accused = claim_with(analysis, "the agency of inflating").speaker
    assert (accused.name, accused.kind) == ("military", "organisation")


def test_a_name_given_with_its_initials_is_an_organisation(small):
    analysis = small("Pakistan Tehreek-e-Insaf (PTI) said its workers were picked up in raids on homes.")
    speaker = claim_with(analysis, "its workers were picked up").speaker
    assert speaker.kind == "organisation"


def test_firing_is_not_saying(small):
    analysis = small("Georgian police fired water cannon and tear gas on Friday night to disperse the protesters.")
    assert not any(c.cue is not None and c.cue.text.lower().startswith("fire") for c in analysis.claims)


@pytest.mark.parametrize("text, part, kind", [
    ("Footage showed officers beating people lying on the ground.", "officers beating", "unnamed"),
    ("The Gran Grif gang said the attack was revenge against residents.", "the attack was revenge", "organisation"),
    ("At least 105 people died, according to a tally of hospital reports.", "105 people died", "unnamed"),
])
def test_things_and_gangs_are_not_persons(small, text, part, kind):
    assert claim_with(small(text), part).speaker.kind == kind


def test_he_said_after_a_speaker_is_that_speaker_not_a_place_named_since(settings):
    text = ("State media reported that security forces had cleared a camp near Kani township, without mentioning "
            "casualties.\n\nA member of the resistance group, who asked not to be named, said fighter jets dropped four "
            "bombs on the village around noon. \"The children were in the school when it was hit,\" he said.\n")
    analysis = newsprism.analyze(text, settings=settings.replace(stages=("entities", "places", "claims")))
    quote = next(c for c in analysis.claims if c.content.text.startswith('"The children'))
    assert quote.speaker.name == "member of the resistance group"


def test_a_topic_before_a_colon_is_no_speaker(small):
    analysis = small("Peru protests: six killed as demonstrators clash with police in Juliaca\n\nThe ombudsman said so.")
    assert not any(c.source is not None and c.source.text == "Peru protests" for c in analysis.claims)


@pytest.mark.parametrize("text, name, kind", [
    # a media word heading the source is media whatever modifies it
    ("State television said armed separatists had attacked a police station in the city.", "State television", "media"),
    ("A local newspaper reported that the mayor had resigned.", "local newspaper", "media"),
    # an agency alone, or a civil defence agency named with a place, is no media outlet
    ("The agency said the plan was delayed.", None, "organisation"),
    ("An Israeli air strike on a school in central Gaza killed at least 20 people early on Thursday, the Hamas-run "
     "Gaza civil defence agency said.", None, "organisation"),
    ("Clashes in the region left at least 12 soldiers dead last week, the resistance said.", "resistance", "collective"),
    # an organisation's name apposed at the end of the source names it
    ("The U.N. agency for Palestinian refugees, UNRWA, said around 6,000 people had been sheltering at the school.",
     "UNRWA", "organisation"),
])
def test_the_speaker_of_one_claim(settings, text, name, kind):
    (claim,) = newsprism.analyze(text, published="2024-06-06", settings=settings).claims
    assert claim.speaker.kind == kind and (name is None or claim.speaker.name == name), claim.speaker
    assert kind == "media" or claim.channel is None


@pytest.mark.parametrize("text, name", [
    # "she" after a speaker is that speaker, not another person named in her sentence
    ("Boluarte, who took office in December after the ouster of her predecessor Pedro Castillo, said she would "
     "not resign. \u201cMy commitment is with Peru,\u201d she said in a televised address.", "Boluarte"),
    # a surname that is also a town speaks for the person of that name who spoke before
    ("Venezuela's opposition leader Maria Corina Machado said on Tuesday that the election had been stolen.\n\n"
     "\u201cWe have the proof that we won,\u201d Machado told a news conference.",
     "Venezuela's opposition leader Maria Corina Machado"),
])
def test_the_speaker_of_a_quotation_is_the_person_who_spoke_before(settings, text, name):
    claims = newsprism.analyze(text, published="2024-07-30", settings=settings).claims
    quote = next(c for c in claims if c.direct == "direct")
    assert (quote.speaker.name, quote.speaker.kind) == (name, "person")


def test_a_belief_about_what_happens_within_two_years_is_a_prediction(settings):
    text = "Some analysts believe the juntas could collapse within two years if the army suffers more defeats."
    (claim,) = newsprism.analyze(text, published="2024-05-01", settings=settings).claims
    assert (claim.kind, claim.certainty) == ("prediction", "possible")


def test_a_country_before_a_headline_colon_and_a_party_before_activists_are_no_speakers(settings):
    text = ("Bangladesh: Police fire rubber bullets as garment workers demand wage hike\n\n"
            "Labour activists warned that protests could spread to Chittagong if the demands are not met.")
    claims = newsprism.analyze(text, published="2023-11-02", settings=settings).claims
    assert [(c.speaker.name, c.speaker.kind) for c in claims] == [("Labour activists", "collective")]
