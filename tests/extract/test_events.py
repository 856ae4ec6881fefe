"""The events stage (newsprism/extract/events.py): hand-built articles, then the bundled Pravda sample."""

from __future__ import annotations

import dataclasses

import pytest

import newsprism
from newsprism.extract import events as events_stage
from newsprism.extract.event_model import is_heldout, load_model, masked, ngrams
from newsprism.model import Article, Claim, DateRef, Place, Sentence, Span, Speaker
from newsprism.nlp.pipeline import ParsedArticle

ACLED_SUBTYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
    "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement", "Arrests",
    "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
}


@pytest.fixture(scope="module")
def blank_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def parsed_of(nlp, settings, text, published="2022-01-07", claims=(), places=(), dates=()) -> ParsedArticle:
    doc = nlp(text)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
    article = Article(id="hand", text=text, published=published)
    return ParsedArticle(article=article, doc=doc, settings=settings, sentences=sentences, claims=list(claims),
                         places=list(places), dates=list(dates))


def place(text, name, **kw) -> Place:
    start = text.index(name)
    return Place(name=name, resolved_name=name, mentions=[Span.of(text, start, start + len(name))], **kw)


def date(text, words, value) -> DateRef:
    start = text.index(words)
    return DateRef(Span.of(text, start, start + len(words)), value, "day")


# --------------------------------------------------------------------------- hand-built articles

def test_intervention_with_its_own_date_and_place(blank_nlp, settings):
    text = "On Monday, police fired tear gas at protesters in Kampala."
    parsed = parsed_of(blank_nlp, settings, text, places=[place(text, "Kampala", country="UGA", precision=1)],
                       dates=[date(text, "Monday", "2022-01-03")])
    (event,) = events_stage.find_events(parsed)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.plover_type == "COERCE"
    assert event.date.value == "2022-01-03" and event.date.precision == "day"
    assert event.place is not None and event.place.name == "Kampala"
    assert event.actor1 is not None and event.actor1.inter == 6
    assert event.actor2 is not None and event.actor2.inter == 1
    assert all(span.text == text[span.start:span.end] for span in event.evidence)
    assert event.trigger is not None and event.trigger.text == text[event.trigger.start:event.trigger.end]


def test_no_date_falls_back_to_publication_as_reported(blank_nlp, settings):
    parsed = parsed_of(blank_nlp, settings, "Hundreds of workers protested against unpaid wages.")
    (event,) = events_stage.find_events(parsed)
    assert event.sub_event_type == "Peaceful protest"
    assert event.date.value == "2022-01-07" and event.date.precision == "reported"
    assert event.size is not None and event.size.best == 100
    assert event.place is None


def test_a_month_name_is_not_a_march(blank_nlp, settings):
    text = "KAMPALA, March 3 (Reuters) - The central bank kept its main rate unchanged."
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "March 3", "2022-03-03")])
    assert events_stage.find_events(parsed) == []
    text = "On March 3, thousands of people marched in the capital."
    parsed = parsed_of(blank_nlp, settings, text, published="2022-03-05", dates=[date(text, "March 3", "2022-03-03")])
    (event,) = events_stage.find_events(parsed)
    assert event.sub_event_type == "Peaceful protest" and event.trigger is not None
    assert event.trigger.start > text.index("people") and event.date.value == "2022-03-03"


def test_a_later_reference_to_an_event_is_that_event(blank_nlp, settings):
    text = ("Gunmen killed 12 villagers in Kadu on Monday. Residents said the gunmen came at night. Schools stayed "
            "closed in the district. Officials met on Tuesday to discuss the harvest. The governor condemned the attack.")
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "Monday", "2022-01-03")],
                       places=[place(text, "Kadu", country="NGA", precision=1)])
    events = events_stage.find_events(parsed)
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(attacks) == 1
    assert any("condemned the attack" in span.text for span in attacks[0].evidence)
    # the governor refers to the attack, he does not report it
    claim = Claim(id="C1", source=Span.of(text, text.index("The governor"), text.index("The governor") + 12),
                  speaker=Speaker("governor", "person"), cue=Span.of(text, text.index("condemned"), text.index("condemned") + 9),
                  content=Span.of(text, text.index("the attack."), text.index("the attack.") + 10))
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "Monday", "2022-01-03")],
                       places=[place(text, "Kadu", country="NGA", precision=1)], claims=[claim])
    (attack,) = [e for e in events_stage.find_events(parsed) if e.event_type == "Violence against civilians"]
    assert attack.reported_by is None
    # a mention with its own figure is news, not a reference
    text2 = text.replace("condemned the attack.", "said the attack on Friday killed 3 more people.")
    parsed = parsed_of(blank_nlp, settings, text2, dates=[date(text2, "Monday", "2022-01-03"),
                                                         date(text2, "Friday", "2022-01-07")],
                       places=[place(text2, "Kadu", country="NGA", precision=1)])
    assert len([e for e in events_stage.find_events(parsed) if e.event_type == "Violence against civilians"]) == 2


def test_background_and_generic_sentences_make_no_event(blank_nlp, settings):
    for text in ("This was done most recently by the leaders of two other countries as they faced mass protests.",
                 "It is becoming increasingly common for governments facing protests to shut down the internet.",
                 "Police typically fire tear gas at protesters in the square.",
                 "The security forces have a history of opening fire on demonstrators."):
        assert events_stage.find_events(parsed_of(blank_nlp, settings, text)) == [], text
    assert events_stage.find_events(parsed_of(blank_nlp, settings, "Police fired tear gas at protesters in the square."))


def test_fighters_and_battlegrounds_are_no_fighting(blank_nlp, settings):
    for text in ("No group has claimed responsibility, but fighters linked to al Qaeda are active in the region.",
                 "The candidates campaigned in the battleground states of Ohio and Florida."):
        assert events_stage.find_events(parsed_of(blank_nlp, settings, text)) == [], text
    assert events_stage.find_events(parsed_of(blank_nlp, settings, "Fighting broke out between rebels and troops."))


def test_several_mentions_are_one_event(blank_nlp, settings):
    text = ("Soldiers opened fire on protesters in the main square. "
            "Witnesses said that shooting went on for an hour. "
            "At least 12 people were killed.")
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert event.sub_event_type == "Excessive force against protesters"
    assert len(event.evidence) == 3
    assert event.fatalities is not None and event.fatalities.best == 12


def test_speculation_and_predictions_make_no_event(blank_nlp, settings):
    text = ("Experts assume that the country may split into two parts. "
            "The militants will attack the capital next week. "
            "If the army opens fire on protesters, the crisis will deepen. "
            "Analysts have long predicted bloody riots in the region. "
            "Will the protests spread to the north?\n\n"
            "The group was plotting attacks on the capital.")
    assert events_stage.find_events(parsed_of(blank_nlp, settings, text)) == []


def test_an_event_dated_after_publication_is_not_yet_an_event(blank_nlp, settings):
    text = "Workers protested on 10 January."
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "10 January", "2022-01-10")])
    assert events_stage.find_events(parsed) == []


def test_reported_by_is_the_claim_around_the_trigger(blank_nlp, settings):
    text = "Rebels shelled the town overnight, the news agency reported."
    content_end = text.index(", the news")
    claim = Claim(id="C1", speaker=Speaker("the news agency", "media"), content=Span.of(text, 0, content_end),
                  certainty="probable")
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, claims=[claim]))
    assert event.event_type == "Explosions/Remote violence"
    assert event.reported_by is not None and event.reported_by.name == "the news agency"
    assert event.reported_by.claim_id == "C1"
    assert event.certainty == "probable"


def test_predicted_claims_make_no_event(blank_nlp, settings):
    text = "Protesters storm the parliament, the blogger wrote."
    claim = Claim(id="C1", speaker=Speaker("the blogger", "person"), content=Span.of(text, 0, text.index(",")),
                  kind="prediction")
    assert events_stage.find_events(parsed_of(blank_nlp, settings, text, claims=[claim])) == []


def test_main_event_first(blank_nlp, settings):
    text = ("Troops shot dead 20 protesters in the capital on Friday. "
            "The shooting followed days of unrest. "
            "Separately, the governor dismissed the cabinet.")
    found = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert found[0].sub_event_type == "Excessive force against protesters"
    assert found[0].fatalities is not None and found[0].fatalities.best == 20
    assert any(e.event_type == "Strategic developments" for e in found[1:])
    assert all(e.sub_event_type in ACLED_SUBTYPES for e in found)
    assert len({e.id for e in found}) == len(found)


# --------------------------------------------------------------------------- the classifier

def test_the_shipped_model_is_small_and_masks_names(blank_nlp):
    model = load_model()
    assert model is not None
    assert set(model.heads["sub_event_type"].classes) <= ACLED_SUBTYPES
    assert set(model.heads["inter1"].classes) <= set(range(1, 9))
    doc = blank_nlp("Police killed 3 people.")
    assert masked(doc, 0, len(doc.text)) == "police killed _num people ."
    assert "killed _num" in ngrams("police killed _num people")
    assert not any(word[:1].isupper() for word in model.vocabulary)


def test_heldout_split_is_fixed():
    ids = [f"X{n}" for n in range(1000)]
    share = sum(is_heldout(i) for i in ids) / len(ids)
    assert 0.15 < share < 0.25
    assert [is_heldout(i) for i in ids] == [is_heldout(i) for i in ids]


# --------------------------------------------------------------------------- the bundled Pravda sample

def _with(analysis, words):
    start = analysis.article.text.index(words)
    return [e for e in analysis.events if any(s.start <= start < s.end for s in e.evidence)]


@pytest.mark.slow
def test_pravda_almaty_shooting_is_the_main_event(pravda):
    main = pravda.events[0]
    assert main.sub_event_type in ("Excessive force against protesters", "Protest with intervention")
    assert main.place is not None and main.place.resolved_name == "Almaty"
    assert main.actor1 is not None and main.actor1.inter == 1
    assert main.reported_by is not None and "TASS" in main.reported_by.name
    assert _with(pravda, "Military men opened fire") == [main]


@pytest.mark.slow
def test_pravda_almaty_shooting_on_january_6(samples_dir, settings):
    dated = newsprism.analyze(samples_dir / "kazakhstan-pravda-2022-01-07.txt", published="2022-01-07",
                              settings=settings.replace(stages=("entities", "places", "dates", "claims", "events")))
    (shooting,) = _with(dated, "Heavy shooting erupted")
    assert shooting.date.value == "2022-01-06" and shooting.date.precision == "day"


@pytest.mark.slow
def test_pravda_counts(pravda):
    assert any(e.arrested is not None and e.arrested.low == 2000 for e in pravda.events)
    assert any(e.fatalities is not None and e.fatalities.best == 10 for e in pravda.events)


@pytest.mark.slow
def test_pravda_gas_price_protests(pravda):
    found = _with(pravda, "People took to the streets after the authorities doubled the prices")
    assert [e.event_type for e in found] == ["Protests"]


@pytest.mark.slow
def test_pravda_dismissal_of_the_government(pravda):
    (found,) = _with(pravda, "dismissed the government")
    assert found.event_type == "Strategic developments"


@pytest.mark.slow
def test_pravda_riots(pravda):
    (found,) = _with(pravda, "protesters set cars on fire")
    assert found.event_type == "Riots"


@pytest.mark.slow
def test_pravda_security_forces_side_with_protesters_in_aktobe(pravda):
    (found,) = _with(pravda, "security forces took the side of protesters")
    assert found.event_type == "Strategic developments"
    assert found.place is not None and found.place.resolved_name == "Aktobe"


@pytest.mark.slow
def test_pravda_oligarchs_leave(pravda):
    (found,) = _with(pravda, "oligarchs have reportedly left the country")
    assert found.event_type == "Strategic developments"
    assert found.certainty != "certain"


@pytest.mark.slow
@pytest.mark.parametrize("words", [
    "Turkey will thus gain a direct corridor", "Kazakhstan may split into two parts",
    "Perhaps they were planning", "Specialists have long predicted bloody riots",
    "If Kazakhstan succumbs to Western influence",
])
def test_pravda_no_event_from_speculation(pravda, words):
    assert _with(pravda, words) == []


@pytest.mark.slow
def test_pravda_spans_are_the_text(pravda):
    text = pravda.article.text
    for event in pravda.events:
        assert event.evidence
        assert all(s.text == text[s.start:s.end] for s in event.evidence)
        assert 0.0 <= event.confidence <= 1.0


@pytest.mark.parametrize(("text", "sub"), [
    ("The two sides exchanged prisoners near the front line.", "Agreement"),
    ("Two militants were killed when a landmine they were planting exploded prematurely.", "Disrupted weapons use"),
    ("Unidentified men threw a hand grenade at a shop in the market.", "Grenade"),
    ("During the rally, soldiers opened fire, killing a protester.", "Excessive force against protesters"),
    ("The peacekeepers installed a new temporary military base in the village.", "Headquarters or base established"),
])
def test_rules_with_a_fixed_sub_type(blank_nlp, settings, text, sub):
    events = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert events and events[0].sub_event_type == sub


def test_a_cause_told_with_a_riot_is_not_its_toll(blank_nlp, settings):
    text = "Protesters vandalised a clinic against the death of a woman who died in labour."
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert event.event_type == "Riots" and event.fatalities is None


@pytest.mark.slow
def test_background_events_long_before_the_article_are_not_coded(settings):
    text = ("Police detained 40 protesters in the capital on Monday, officials said. "
            "In some cases, including during protests in the capital in 2013, such detentions lasted weeks.")
    got = newsprism.analyze(text, published="2022-01-07", settings=settings)
    assert [e.evidence[0].text.startswith("Police detained") for e in got.events] == [True]
    older = newsprism.analyze(text, published="2022-01-07", settings=settings.replace(
        extra={**settings.extra, "events_max_age_days": 100_000}))
    assert len(older.events) == 2  # the limit is a setting


@pytest.mark.parametrize("text", [
    "Internet access was cut amid deadly clashes between police and protesters in the capital.",
    "Protesters clashed with riot police in the capital on Monday.",
])
def test_protesters_fighting_the_police_is_a_violent_demonstration(blank_nlp, settings, text):
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 is not None and event.actor1.inter == 5


def test_a_toll_since_a_year_is_background(blank_nlp, settings):
    text = "The insurgency has killed more than 40,000 people in the region since 2009."
    dated = [date(text, "2009", "2009-01-01")]
    assert events_stage.find_events(parsed_of(blank_nlp, settings, text, published=None, dates=dated)) == []
    text = "Gunmen killed 40 people in the region in 2009."  # dated, not a period: an event (no publication date to age it)
    assert events_stage.find_events(parsed_of(blank_nlp, settings, text, published=None,
                                              dates=[date(text, "2009", "2009-01-01")]))
    text = "The insurgency has killed more than 40,000 people over the past decade."
    assert events_stage.find_events(parsed_of(blank_nlp, settings, text)) == []


def test_a_hedge_inside_a_trigger_governs_it(blank_nlp, settings):
    assert events_stage.find_events(parsed_of(blank_nlp, settings, "Residents fear more attacks on the market.")) == []
    assert events_stage.find_events(parsed_of(blank_nlp, settings, "Residents attacked the police station."))


def test_a_part_of_the_toll_joins_the_event_wherever_the_wounded_were_taken(blank_nlp, settings):
    text = ("Gunmen attacked a market in Kadu on Monday, killing 12 people and wounding 30.\n\n"
            "Officials said the area was calm.\n\nNineteen of the injured were taken to Zaria.")
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "Monday", "2022-01-03")],
                       places=[place(text, "Kadu", country="NGA", precision=1, latitude=10.0, longitude=7.0),
                               place(text, "Zaria", country="NGA", precision=1, latitude=11.1, longitude=7.7)])
    (event,) = events_stage.find_events(parsed)
    assert event.place is not None and event.place.name == "Kadu"
    assert event.injured is not None and event.injured.best == 30
    assert any("Nineteen of the injured" in span.text for span in event.evidence)


def test_a_reference_leading_a_group_leaves_it_for_the_event_it_refers_to(blank_nlp, settings):
    text = ("Police fired tear gas at protesters in Tbilisi on Friday. The prime minister said the protests were "
            "paid for from abroad. Protests also spread to Batumi, according to local media.")
    places = [place(text, "Tbilisi", country="GEO", precision=1, latitude=41.7, longitude=44.8),
              place(text, "Batumi", country="GEO", precision=1, latitude=41.6, longitude=41.6)]
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "Friday", "2022-01-07")], places=places)
    events = events_stage.find_events(parsed)
    by_place = {e.place.name: e for e in events if e.place is not None}
    assert set(by_place) == {"Tbilisi", "Batumi"}
    assert any("paid for" in span.text for span in by_place["Tbilisi"].evidence)
    assert [span.text[:22] for span in by_place["Batumi"].evidence] == ["Protests also spread t"]


def _cand(text, words, sub, index, vague=False, fixed=False):
    start = text.index(words)
    return events_stage.Candidate(
        index=index, sentence=Sentence(start, start + len(words), words), trigger=Span.of(text, start, start + 5),
        kind=sub, sub_event_type=sub, confidence=0.8, fixed=fixed, vague=vague, inter1=None, inter2=None,
        inter1_probs={}, actors=[], counts={}, date=None, places=[], claim=None)


def test_a_group_from_the_headline_into_the_body_is_split_and_a_generic_headline_joins_the_lead():
    from newsprism.extract import event_merge

    text = "Bombers kill 18\n\nBombers attacked a wedding.\n\nA soldier was also shot dead at a post.\n\nX"
    headline = _cand(text, "Bombers kill 18", "Armed clash", 0, vague=True)
    lead = _cand(text, "Bombers attacked a wedding.", "Attack", 1, fixed=True)
    later = _cand(text, "A soldier was also shot dead at a post.", "Armed clash", 2, vague=True)
    headline.members, lead.members = [headline, later], [lead]
    is_heading = lambda c: c is headline  # noqa: E731
    groups = event_merge.fold_headings([headline, lead], is_heading)
    # the headline sums up the lead, though the classifier coded it as the body's later clash
    assert sorted([m.index for m in g.members] for g in groups) == [[0, 1], [2]]
    assert later in groups and later.members == [later]


def test_those_who_tell_of_an_attack_are_not_its_actors(blank_nlp, settings):
    text = "An army drone strike hit a market in Nyala on Sunday, killing five people, activists said."
    end = text.index(", activists")
    claim = Claim(id="C1", source=Span.of(text, text.index("activists"), text.index("activists") + 9),
                  speaker=Speaker("activists", "collective"), cue=Span.of(text, text.index("said"), text.index("said") + 4),
                  content=Span.of(text, 0, end))
    parsed = parsed_of(blank_nlp, settings, text, claims=[claim], dates=[date(text, "Sunday", "2022-01-02")])
    (event,) = events_stage.find_events(parsed)
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and event.actor1.inter == 1 and "activists" not in event.actor1.name.lower()
    assert event.actor2 is None or "activists" not in event.actor2.name.lower()


def test_a_headline_naming_a_wide_region_sums_up_the_body_event_in_it(blank_nlp, settings):
    text = "Rebels seize key town in Darfur\n\nRebels captured the town of Kadu in North Darfur on Monday."
    places = [place(text, "Darfur", country="SDN", precision=2, kind="region", latitude=13.5, longitude=24.0),
              place(text, "Kadu", country="SDN", precision=1, kind="city", admin1="North Darfur",
                    latitude=13.6, longitude=26.69),
              place(text, "North Darfur", country="SDN", precision=2, kind="admin1", admin1="North Darfur",
                    latitude=13.75, longitude=25.21)]
    parsed = parsed_of(blank_nlp, settings, text, places=places, dates=[date(text, "Monday", "2022-01-03")])
    cut = text.index("\n\n")
    parsed = dataclasses.replace(parsed, sentences=[Sentence(0, cut, text[:cut]), Sentence(cut + 2, len(text), text[cut + 2:])])
    (event,) = events_stage.find_events(parsed)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.place is not None and event.place.name == "Kadu" and len(event.evidence) == 2


def test_a_headline_naming_the_town_of_an_areas_name_sums_up_the_body_event_in_that_area(blank_nlp, settings):
    text = "Clashes leave five dead in Arauca\n\nFive soldiers were killed in clashes with rebels near Tame on Tuesday."
    places = [place(text, "Arauca", country="COL", precision=1, kind="city", admin1="Arauca", latitude=7.08, longitude=-70.76),
              place(text, "Tame", country="COL", precision=1, kind="city", admin1="Arauca", latitude=6.46, longitude=-71.74)]
    parsed = parsed_of(blank_nlp, settings, text, places=places, dates=[date(text, "Tuesday", "2022-01-04")])
    cut = text.index("\n\n")
    parsed = dataclasses.replace(parsed, sentences=[Sentence(0, cut, text[:cut]), Sentence(cut + 2, len(text), text[cut + 2:])])
    (event,) = events_stage.find_events(parsed)
    assert event.place is not None and event.place.name == "Tame" and len(event.evidence) == 2


@pytest.mark.parametrize("text, inter", [("Police detained more than 400 opposition supporters overnight.", 1),
                                         ("Rebels detained 12 men at a checkpoint on Monday.", 2)])
def test_those_who_arrest_are_armed(settings, text, inter):
    (event,) = newsprism.analyze(text, published="2024-11-23", settings=settings).events
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.inter == inter


def test_forces_named_by_a_people_word_are_that_country_s(blank_nlp, settings):
    text = "An Israeli airstrike hit a school compound in Gaza City on Saturday, killing 90 people."
    places = [place(text, "Gaza City", country="PSE", country_name="Palestine", precision=1, latitude=31.5, longitude=34.47)]
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, places=places,
                                                  dates=[date(text, "Saturday", "2022-01-01")]))
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and "Israel" in event.actor1.name and "Palestine" not in event.actor1.name


@pytest.mark.parametrize("text, protest", [
    ("Teachers went on strike on Monday over unpaid wages.", True),
    ("Doctors staged a 24-hour strike at the main hospital on Monday.", True),
    ("Unions called a general strike in the capital on Monday.", True),
    ("Witnesses said the strike came during dawn prayers.", False),
    ("The army said its strike on the compound was precise.", False),
])
def test_a_strike_is_a_protest_only_when_workers_strike(blank_nlp, settings, text, protest):
    events = events_stage.find_events(parsed_of(blank_nlp, settings, text))
    assert any(e.event_type == "Protests" for e in events) == protest


def test_a_generic_word_after_a_strike_is_that_strike(blank_nlp, settings):
    text = ("An airstrike hit a school in Gaza City on Saturday, killing 90 people. The army said it hit a command "
            "centre. Residents said they saw smoke.\n\nTwo explosions were heard across the city.\n\n"
            "Egypt and Qatar condemned the attack.")
    places = [place(text, "Gaza City", country="PSE", precision=1, latitude=31.5, longitude=34.47),
              place(text, "Egypt", country="EGY", precision=3), place(text, "Qatar", country="QAT", precision=3)]
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, places=places,
                                                  dates=[date(text, "Saturday", "2022-01-01")]))
    assert event.sub_event_type == "Air/drone strike" and event.place.name == "Gaza City"
    assert any("condemned the attack" in s.text for s in event.evidence)
    assert any("explosions were heard" in s.text for s in event.evidence)


def test_a_generic_headline_coded_as_no_violence_still_sums_up_the_body_s_strike():
    from newsprism.extract import event_merge

    text = "Strike kills dozens, officials say\n\nAn airstrike hit a school on Saturday.\n\nX"
    headline = _cand(text, "Strike kills dozens, officials say", "Other", 0, vague=True)
    body = _cand(text, "An airstrike hit a school on Saturday.", "Air/drone strike", 1, fixed=True)
    headline.members, body.members = [headline], [body]
    (event,) = event_merge.fold_headings([headline, body], lambda c: c is headline)
    assert event is body and [m.index for m in body.members] == [0, 1]


def test_an_air_strike_is_flown_by_a_state(settings):
    text = ("Israeli strike on Gaza school kills at least 90, civil defence says\n\nGAZA, Aug 10 (Reuters) - An Israeli "
            "airstrike hit a school in Gaza City on Saturday, killing at least 90 people, the Hamas-run civil defence "
            "agency said. The Israeli military said it struck a Hamas command centre and that 19 militants were killed.")
    analysis = newsprism.analyze(text, published="2024-08-10", settings=settings)
    strike = next(e for e in analysis.events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is not None and strike.actor1.inter in (1, 8) and "Israel" in strike.actor1.name


def test_people_detained_after_a_march_make_it_a_protest_with_intervention(blank_nlp, settings):
    text = ("Thousands of people marched through the capital on Saturday. Police said 22 people were detained and 56 "
            "were injured. The president accused foreign services of orchestrating the unrest.")
    parsed = parsed_of(blank_nlp, settings, text, dates=[date(text, "Saturday", "2022-01-01")])
    (event,) = events_stage.find_events(parsed)
    assert event.sub_event_type == "Protest with intervention"
    assert event.arrested is not None and event.arrested.best == 22
    assert event.actor2 is not None and event.actor2.inter == 1  # not the "people" who marched
    assert any("orchestrating the unrest" in s.text for s in event.evidence)


def test_the_claim_of_an_event_is_the_one_around_its_first_trigger(blank_nlp, settings):
    text = "Thousands marched through the capital on Saturday, demanding the release of jailed rioters."
    start = text.index("the release")
    claim = Claim(id="C1", source=Span.of(text, 0, 9), speaker=Speaker("Thousands", "collective"),
                  cue=Span.of(text, text.index("demanding"), text.index("demanding") + 9),
                  content=Span.of(text, start, len(text) - 1))
    parsed = parsed_of(blank_nlp, settings, text, claims=[claim], dates=[date(text, "Saturday", "2022-01-01")])
    (event,) = events_stage.find_events(parsed)
    assert event.sub_event_type == "Peaceful protest" and event.reported_by is None


def test_the_target_of_an_intervention_is_the_state_not_the_marchers(settings):
    text = (
        'Tens of thousands rally in Belgrade against Vucic government\n\nBELGRADE, March 15 (Reuters) - Tens of'
        ' thousands of people marched through central Belgrade on Saturday in one of the largest protests in '
        "Serbia's recent history, demanding accountability for the collapse of a railway station canopy in No"
        'vi Sad that killed 15 people in November.\n\nPolice estimated the crowd at 107,000, while the Archive '
        'of Public Gatherings, an independent monitoring group, put it at between 275,000 and 325,000.\n\nLate '
        'in the evening, scuffles broke out near parliament between protesters and a group of government supp'
        'orters camped outside the building. Police said 22 people were detained and 56 were treated for inju'
        'ries.\n\nPresident Aleksandar Vucic said in a televised address that he would not bow to "pressure fro'
        'm the street" and accused foreign intelligence services of orchestrating the unrest, without offerin'
        'g evidence.'
    )
    events = newsprism.analyze(text, published="2025-03-15", settings=settings).events
    march = next(e for e in events if e.event_type == "Protests")
    assert march.sub_event_type == "Protest with intervention"
    assert march.actor2 is not None and march.actor2.inter == 1


def test_deaths_that_caused_a_protest_met_with_force_are_not_its_toll(blank_nlp, settings):
    text = ("Thousands of people marched through the capital on Saturday, demanding justice for a collapse that killed "
            "15 people in November. Police said 22 people were detained.")
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, dates=[date(text, "Saturday", "2022-01-01")]))
    assert event.sub_event_type == "Protest with intervention" and event.fatalities is None


def test_people_counted_as_detained_make_an_arrest_not_a_change_of_activity(settings):
    text = (
        'Pakistan police arrest hundreds of opposition supporters ahead of rally\n\nLAHORE, Pakistan — Police i'
        "n Pakistan's Punjab province detained more than 400 supporters of jailed former prime minister Imran"
        ' Khan overnight, his party said on Saturday, as authorities sealed off roads into the capital to sto'
        'p a planned protest.\n\nPakistan Tehreek-e-Insaf (PTI) said its workers were picked up in raids on hom'
        'es in Lahore, Rawalpindi and Faisalabad. A police spokesman confirmed "some arrests" but declined to'
        ' give a number.\n\nShipping containers were placed on main highways leading to Islamabad, and mobile i'
        'nternet was suspended in several cities. The interior minister, Mohsin Naqvi, said no one would be a'
        'llowed to "lay siege" to the capital.\n\nOn Friday, clashes broke out in Attock district between PTI s'
        'upporters and police, who fired tear gas to clear a motorway. One police officer was killed and 70 w'
        'ere injured, the Punjab government said.'
    )
    events = newsprism.analyze(text, published="2024-11-23", settings=settings).events
    detained = next(e for e in events if e.arrested is not None and e.arrested.low == 400)
    assert detained.sub_event_type == "Arrests"
    assert detained.actor1 is not None and detained.actor1.inter == 1


def test_a_headline_stays_with_its_own_body_mention_when_that_is_the_event_it_sums_up():
    from newsprism.extract import event_merge

    text = "Rebels seize town\n\nRebels captured the town of Kadu.\n\nSeparately, a drone strike hit a market.\n\nX"
    headline = _cand(text, "Rebels seize town", "Non-state actor overtakes territory", 0, fixed=True)
    body = _cand(text, "Rebels captured the town of Kadu.", "Non-state actor overtakes territory", 1, fixed=True)
    strike = _cand(text, "Separately, a drone strike hit a market.", "Air/drone strike", 2, fixed=True)
    headline.members, strike.members = [headline, body], [strike]
    groups = event_merge.fold_headings([headline, strike], lambda c: c is headline)
    assert sorted([m.index for m in g.members] for g in groups) == [[0, 1], [2]]


def test_agreeing_to_exchange_prisoners_is_an_agreement(blank_nlp, settings):
    text = "Armenia and Azerbaijan agreed on Thursday to exchange prisoners of war and work toward a treaty."
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, dates=[date(text, "Thursday", "2022-01-06")]))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")


def test_a_country_s_own_forces_in_that_country_are_not_external(settings):
    text = ("Myanmar junta airstrike on village kills at least 40, residents say\n\nPublished: 2024-10-13\n\nMyanmar's "
            "military carried out airstrikes on a village in the central Sagaing region on Saturday, killing at least 40 "
            "people, including 11 children, according to residents and a local resistance group.")
    strike = next(e for e in newsprism.analyze(text, settings=settings).events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is not None and strike.actor1.inter == 1


def test_a_wire_dateline_is_neither_the_events_place_nor_its_date(settings):
    text = ("Bomb blast at a university kills four\n\n"
            "MANILA, Dec 4 — A bomb exploded during a Mass in a university gymnasium in Marawi City on Sunday, "
            "killing four people, police said.")
    (event,) = newsprism.analyze(text, published="2023-12-04", settings=settings).events
    assert event.place is not None and event.place.name == "Marawi City"
    assert event.date.value == "2023-12-03"


def test_blaming_someone_for_the_attack_is_the_bombing_told_before(settings):
    text = ("MANILA, Dec 4 — A bomb exploded during a Mass in a university gymnasium in Marawi City on Sunday, "
            "killing four people, police said.\n\n"
            "The president blamed foreign terrorists for the attack in the southern province of Lanao del Sur.\n\n"
            "Security forces arrested two suspects in the town of Piagapo on Monday.")
    events = newsprism.analyze(text, published="2023-12-04", settings=settings).events
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED", "Arrests"]
    assert len(events[0].evidence) == 2 and events[1].actor1 is not None and events[1].actor1.inter == 1
