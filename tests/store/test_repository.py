"""The Repository on a real SQLite file and a real PostgreSQL server (the ``db_url`` fixture runs each test on both)."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.errors import StoreError
from newsprism.model import EventRef, Prediction, Rejection, Span, Speaker, Story, from_dict, to_dict
from newsprism.store import Filters, open_repository, prediction_id


def test_analyses_come_back_equal(repo, corpus):
    assert repo.add_analyses(corpus) == 3
    back = list(repo.analyses())
    assert back == corpus
    assert repo.analysis(corpus[1].article.content_hash) == corpus[1]
    assert repo.analysis("b") == corpus[1]
    assert repo.analysis("nope") is None


def test_ingesting_twice_changes_nothing(repo, corpus):
    repo.add_analyses(corpus)
    before = repo.counts()
    rows_before = list(repo.events())
    assert repo.add_analyses(corpus) == 0
    assert repo.add_analyses(corpus + corpus) == 0
    assert repo.counts() == before
    assert list(repo.events()) == rows_before


def test_repeats_within_one_batch_are_stored_once(repo, corpus):
    assert repo.add_analyses([corpus[0], corpus[0], corpus[1]]) == 2
    assert repo.counts()["articles"] == 2
    assert repo.stored_hashes([corpus[0].article.content_hash, "0" * 64]) == {corpus[0].article.content_hash}


def test_counts_and_flat_rows(repo, corpus):
    repo.add_analyses(corpus)
    counts = repo.counts()
    assert (counts["articles"], counts["events"], counts["claims"], counts["rhetoric"]) == (3, 3, 2, 3)
    reuters = next(r for r in repo.events() if r["outlet"] == "Reuters")
    assert reuters["event_type"] == "Violence against civilians"
    assert (reuters["fatalities_low"], reuters["fatalities_high"], reuters["fatalities_best"]) == (40, None, 40)
    assert (reuters["iso3"], reuters["country"], reuters["location"]) == ("KAZ", "Kazakhstan", "Almaty")
    assert (reuters["actor1"], reuters["inter1"], reuters["inter2"]) == ("Protesters (Kazakhstan)", 6, 1)
    assert reuters["reported_by"] == "Reuters" and reuters["certainty"] == "probable"
    assert reuters["article_id"] == "b" and reuters["event_date"] == "2022-01-06"
    claim = next(r for r in repo.claims() if r["kind"] == "quote")
    text = corpus[1].article.text
    assert text[claim["content_start"]:claim["content_end"]] == claim["content"] == "at least 40 people were killed"
    article = next(r for r in repo.articles() if r["article_id"] == "c")
    summary = (article["outlet"], article["published_date"], article["events"], article["claims"])
    assert summary == ("Le Monde", "2022-02-01", 1, 0)
    assert "text" not in article


def _ids(rows, key="article_id"):
    return sorted(r[key] for r in rows)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "c"]),
        (Filters(country="kaz"), ["a", "b"]),
        (Filters(country="France"), ["c"]),
        (Filters(date_from="2022-01-06"), ["b", "c"]),
        (Filters(date_to="2022-01-06"), ["a", "b"]),
        (Filters(date_from="2022-01", date_to="2022-01"), ["a", "b"]),  # a month, inclusive
        (Filters(date_to="2022"), ["a", "b", "c"]),
        (Filters(type="protests"), ["a", "c"]),
        (Filters(type="Attack"), ["b"]),  # sub-event type
        (Filters(outlet="reuters"), ["b"]),
        (Filters(speaker="reut"), ["b"]),  # the event's source
        (Filters(text="tractors"), ["c"]),
        (Filters(text="Almaty protesters"), ["a", "b"]),  # every word, anywhere
        (Filters(text="Almaty tractors"), []),
        (Filters(country="KAZ", text="gas price", outlet="TASS"), ["a"]),
    ],
)
def test_event_filters(repo, corpus, filters, expected):
    repo.add_analyses(corpus)
    assert _ids(repo.events(filters)) == expected


@pytest.mark.parametrize(
    "hostile",
    ["'; DROP TABLE articles; --", 'gas" OR "x', "NEAR(gas price)", "gas*", "%", "_", "\\", "almaty) OR (1=1"],
)
def test_filter_values_are_data_not_sql(repo, corpus, hostile):
    repo.add_analyses(corpus)
    for field in ("country", "type", "outlet", "speaker", "text"):
        list(repo.events(Filters(**{field: hostile})))
        list(repo.claims(Filters(**{field: hostile})))
        list(repo.articles(Filters(**{field: hostile})))
        repo.stories(Filters(**{field: hostile}))
    assert repo.counts()["articles"] == 3
    assert _ids(repo.events(Filters(outlet="%"))) == []  # LIKE wildcards are escaped
    assert _ids(repo.events(Filters(speaker="%"))) == []


def test_bad_dates_are_refused():
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        Filters(date_from="last week")


def test_claim_and_article_filters(repo, corpus):
    repo.add_analyses(corpus)
    assert _ids(repo.claims(Filters(type="prediction"))) == ["a"]
    assert _ids(repo.claims(Filters(speaker="tokay"))) == ["b"]
    assert _ids(repo.claims(Filters(country="KAZ"))) == ["a", "b"]
    assert _ids(repo.claims(Filters(date_from="2022-01-07"))) == ["b"]
    assert _ids(repo.articles(Filters(speaker="Vavilov"))) == ["a"]
    assert _ids(repo.articles(Filters(date_from="2022-01-07", date_to="2022-01-31"))) == ["b"]
    assert _ids(repo.articles(Filters(type="Attack"))) == ["b"]
    assert [a.id for a in repo.analyses(Filters(country="FRA"))] == ["c"]


def test_event_analyses_keep_only_matching_events(repo, corpus):
    two = dataclasses.replace(corpus[0], events=[corpus[0].events[0], dataclasses.replace(
        corpus[0].events[0], id="e2", event_type="Riots", sub_event_type="Violent demonstration")])
    repo.add_analyses([two, corpus[2]])
    kept = list(repo.event_analyses(Filters(type="Riots")))
    assert [(a.id, [e.id for e in a.events]) for a in kept] == [("a", ["e2"])]


def test_full_text_search_survives_a_hostile_article(repo, make):
    line = "x" * 1_000_000
    text = "<script>alert(1)</script> Almaty\u200b protest \u202eright-to-left\u202c " + line + " tail words"
    hostile = make(text, aid="hostile", outlet="Evil")
    assert repo.add_analyses([hostile]) == 1
    assert repo.analysis("hostile") == hostile
    assert _ids(repo.articles(Filters(text="protest hostile"))) == ["hostile"]


def test_predictions_from_prediction_claims(repo, corpus):
    repo.add_analyses(corpus)
    (p,) = repo.predictions()
    claim = corpus[0].claims[0]
    assert p["id"] == prediction_id(corpus[0].article.content_hash, claim)
    assert (p["speaker_name"], p["content"], p["status"], p["made"]) == ("Vavilov", "Kazakhstan will split by 2025", "open",
                                                                          "2022-01-06")
    done = repo.resolve_prediction(p["id"], "did-not", note="Kazakhstan is one country in 2026")
    assert (done["status"], done["note"]) == ("did-not", "Kazakhstan is one country in 2026")
    assert done["resolved_at"]
    assert repo.predictions("open") == [] and len(repo.predictions("did-not")) == 1
    repo.add_analyses(corpus)  # re-ingesting keeps the decision
    assert repo.predictions()[0]["status"] == "did-not"


def test_resolving_a_missing_prediction_or_with_a_bad_status_fails(repo, corpus):
    repo.add_analyses(corpus)
    with pytest.raises(StoreError, match="predictions list"):
        repo.resolve_prediction("p-nope", "came-true")
    with pytest.raises(StoreError, match="not one of"):
        repo.resolve_prediction(repo.predictions()[0]["id"], "maybe")


def test_rejections_are_stored_once(repo, corpus):
    bad = Rejection("empty.txt", "ingest", "empty", "the file is empty; give a file with text")
    assert repo.add_rejections([bad, bad]) == 1
    assert repo.add_rejections([bad]) == 0
    stage = Rejection("a", "extract:places", "gazetteer", "the gazetteer is missing")
    repo.add_analyses([dataclasses.replace(corpus[0], rejections=[stage])])
    assert repo.rejections() == [bad, stage]


def _story(sid: str, refs: list[tuple[str, str]], outlets: list[str], place, date) -> Story:
    return Story(id=sid, event_type="Protests", sub_event_type="Peaceful protest", date=date, place=place,
                 members=[EventRef(a, e) for a, e in refs], outlets=outlets, corroboration=len(set(outlets)),
                 article_ids=[a for a, _ in refs])


def test_save_fusion_replaces_stories_and_keeps_prediction_status(repo, corpus):
    repo.add_analyses(corpus)
    a, b, c = corpus
    almaty = _story("s1", [("a", "e1"), ("b", "e1")], ["TASS", "Reuters"], a.events[0].place, a.events[0].date)
    paris = _story("s2", [("c", "e1")], ["lemonde.fr"], c.events[0].place, c.events[0].date)  # the fusion's label
    claim = a.claims[0]
    pid = prediction_id(a.article.content_hash, claim)
    prediction = Prediction(id=pid, speaker=Speaker("Nikolai Vavilov", "person"), content=claim.content, article_id="a",
                            claim_id=claim.id, made="2022-01-06", outlet="TASS", horizon="by 2025",
                            horizon_span=Span.of(a.article.text, a.article.text.index("by 2025"), len(a.article.text) - 1),
                            horizon_date="2025-12-31")
    repo.resolve_prediction(pid, "came-true", note="wrongly marked, to check it is kept")

    class Result:  # what newsprism.fuse.fuse returns, as far as the store reads it
        stories = [almaty, paris]
        predictions = [prediction]

    repo.save_fusion(Result())
    stories = repo.stories()
    assert [s["id"] for s in stories] == ["s1", "s2"]
    assert from_dict(Story, {k: v for k, v in stories[0].items()}) == almaty
    assert [s["id"] for s in repo.stories(Filters(country="KAZ"))] == ["s1"]
    assert [s["id"] for s in repo.stories(Filters(outlet="LEMONDE.fr"))] == ["s2"]
    assert [s["id"] for s in repo.stories(Filters(outlet="reuters"))] == ["s1"]
    assert repo.stories(Filters(outlet="lemonde")) == []
    assert [s["id"] for s in repo.stories(Filters(text="gas"))] == ["s1"]
    assert [s["id"] for s in repo.stories(Filters(date_from="2022-02-01"))] == ["s2"]
    rows = {r["id"]: r for r in repo.story_rows()}
    assert rows["s1"]["corroboration"] == 2 and rows["s1"]["outlets"] == ["TASS", "Reuters"]
    (p,) = repo.predictions()
    assert (p["status"], p["horizon"], p["horizon_date"], p["speaker_name"]) == ("came-true", "by 2025", "2025-12-31",
                                                                                  "Nikolai Vavilov")

    class Again:
        stories = [paris]
        predictions = []

    repo.save_fusion(Again())
    assert [s["id"] for s in repo.stories()] == ["s2"]
    assert repo.counts()["stories"] == 1


def test_the_fusion_and_the_store_agree_on_prediction_ids(corpus):
    from newsprism.fuse import prediction_id as fuse_prediction_id

    a = corpus[0]
    assert fuse_prediction_id(a.article, a.claims[0]) == prediction_id(a.article.content_hash, a.claims[0])


def test_reopening_keeps_the_data(db_url, corpus):
    with open_repository(db_url) as repo:
        repo.add_analyses(corpus)
    with open_repository(db_url) as repo:
        assert repo.counts()["articles"] == 3
        assert to_dict(next(repo.analyses())) == to_dict(corpus[0])


def test_nul_characters_are_refused_by_postgresql_only(repo, make):
    nul = make("Protesters gathered in Almaty.\x00 Police watched.", aid="nul")
    refused = repo.refusal(nul.article)
    if repo.dialect == "postgresql":
        assert refused is not None and refused.code == "nul-character" and refused.stage == "store"
        with pytest.raises(StoreError, match="NUL"):
            repo.add_analyses([nul])
        assert repo.counts()["articles"] == 0
    else:
        assert refused is None
        assert repo.add_analyses([nul]) == 1
        assert repo.analysis("nul") == nul


def test_the_fusion_ledger_drops_open_predictions_it_no_longer_lists(repo, make):
    twin_a = make("Vavilov said Kazakhstan will split by 2025.", aid="txt",
                  claims=[("Vavilov", "prediction", "Kazakhstan will split by 2025")])
    twin_b = make("Vavilov said Kazakhstan will split by 2025. Subscribe!", aid="html",
                  claims=[("Vavilov", "prediction", "Kazakhstan will split by 2025")])
    other = make("Ash said the tenge will fall.", aid="ash", claims=[("Ash", "prediction", "the tenge will fall")])
    repo.add_analyses([twin_a, twin_b, other])
    assert len(repo.predictions()) == 3
    resolved = prediction_id(other.article.content_hash, other.claims[0])
    repo.resolve_prediction(resolved, "did-not")

    class NoLedger:
        stories = []

    repo.save_fusion(NoLedger())
    assert len(repo.predictions()) == 3

    kept = prediction_id(twin_a.article.content_hash, twin_a.claims[0])

    class Ledger:  # the fusion counted the twins once and listed only the first
        stories = []
        predictions = [{"id": kept, "speaker": {"name": "Vavilov", "kind": "person"},
                        "content": to_dict(twin_a.claims[0].content), "article_id": "txt", "claim_id": "c1"}]

    repo.save_fusion(Ledger())
    assert sorted(p["id"] for p in repo.predictions()) == sorted([kept, resolved])


def test_text_in_any_script_round_trips_and_is_searchable(repo, make):
    text = "Протестующие собрались в Алматы. Токаев отправил правительство в отставку."
    russian = make(text, aid="ru", location="Алматы")
    repo.add_analyses([russian])
    assert repo.analysis("ru") == russian
    assert _ids(repo.articles(Filters(text="Токаев правительство"))) == ["ru"]
    assert _ids(repo.events(Filters(text="алматы"))) == ["ru"]


def test_story_members_link_to_their_stored_events(repo, make):
    from sqlalchemy import select

    from newsprism.store.schema import ArticleRow, EventRow, StoryEventRow

    one = make("Protesters gathered in Almaty on Monday.", aid="one")
    twin_1 = make("Police detained protesters in Almaty.", aid="same-name")
    twin_2 = make("Police detained protesters in Aktobe.", aid="same-name")
    repo.add_analyses([one, twin_1])
    repo.add_analyses([twin_2])  # a later ingest: the id is taken by another text
    with repo.engine.connect() as conn:
        ids = dict(conn.execute(select(ArticleRow.content_hash, ArticleRow.article_id)).all())
    renamed = f"same-name-{twin_2.article.content_hash[:8]}"
    assert sorted(ids.values()) == sorted(["one", "same-name", renamed])
    assert [a.id for a in repo.analyses() if a.article.text == twin_2.article.text] == [renamed]
    story = _story("s1", [("one", "e1"), ("same-name", "e1"), (renamed, "e1")], ["TASS"], None, one.events[0].date)

    class Result:
        stories = [story]

    repo.save_fusion(Result())
    with repo.engine.connect() as conn:
        links = dict(conn.execute(select(StoryEventRow.article_id, StoryEventRow.event_pk)).all())
        stored = dict(conn.execute(select(ArticleRow.article_id, EventRow.id)
                                   .join(ArticleRow, ArticleRow.id == EventRow.article_pk)).all())
    assert links == stored and len(set(links.values())) == 3


def test_a_concurrent_writer_storing_the_same_articles_is_not_an_error(db_url, corpus, monkeypatch):
    with open_repository(db_url) as first, open_repository(db_url) as second:
        monkeypatch.setattr(first, "stored_hashes", lambda hashes: set())  # it looked before the other one wrote
        assert second.add_analyses(corpus[:2]) == 2
        assert first.add_analyses(corpus) == 1
        counts = first.counts()
        assert (counts["articles"], counts["events"], counts["predictions"]) == (3, 3, 1)
