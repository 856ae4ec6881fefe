"""``newsprism ingest``, ``query`` and ``predictions`` through click's runner, on SQLite files and PostgreSQL."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.model import Analysis, Article, Claim, Event, EventDate, Place, Span, Speaker


def _analysis(aid: str, text: str, outlet: str, iso3: str, country: str, place: str, prediction: str | None = None) -> Analysis:
    start = text.index(place)
    where = Place(name=place, resolved_name=place, country=iso3, country_name=country, latitude=43.2, longitude=76.9,
                  precision=1, mentions=[Span.of(text, start, start + len(place))])
    event = Event(id="e1", event_type="Protests", sub_event_type="Peaceful protest", plover_type=None, actor1=None,
                  actor2=None, date=EventDate("2022-01-05", "day"), place=where, trigger=Span.of(text, 0, 10))
    claims = []
    if prediction:
        s = text.index(prediction)
        claims.append(Claim(id="c1", speaker=Speaker("Vavilov", "person"), content=Span.of(text, s, s + len(prediction)),
                            kind="prediction", certainty="possible"))
    article = Article(id=aid, text=text, outlet=outlet, published="2022-01-06", title=aid,
                      content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Analysis(id=aid, article=article, events=[event], claims=claims)


@pytest.fixture
def stored(db_url):
    """A store holding two hand-made articles (one with a prediction)."""
    from newsprism.store import open_repository

    with open_repository(db_url) as repo:
        repo.add_analyses([
            _analysis("almaty", "Protesters marched in Almaty. Vavilov said the country will split.", "TASS", "KAZ",
                      "Kazakhstan", "Almaty", prediction="the country will split"),
            _analysis("paris", "Protesters marched in Paris against fuel taxes.", "Le Monde", "FRA", "France", "Paris"),
        ])
    return db_url


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_query_formats_and_filters(stored, tmp_path):
    table = run("query", "events", "--db", stored)
    assert table.exit_code == 0 and "Almaty" in table.stdout and "2 events" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("query", "events", "--country", "kaz", "--format", "csv", "--db", stored).stdout)))
    assert [r["location"] for r in rows] == ["Almaty"]
    records = json.loads(run("query", "articles", "--text", "fuel taxes", "--format", "json", "--db", stored).stdout)
    assert [r["article_id"] for r in records] == ["paris"]
    lines = run("query", "claims", "--speaker", "vavilov", "--format", "jsonl", "--db", stored).stdout.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["prediction"]
    assert run("query", "events", "--outlet", "nobody", "--format", "json", "--db", stored).stdout.strip() == "[]"
    out = tmp_path / "events.parquet"
    assert run("query", "events", "--format", "parquet", "--out", str(out), "--db", stored).exit_code == 0
    import pyarrow.parquet as pq

    assert sorted(pq.read_table(out).column("location").to_pylist()) == ["Almaty", "Paris"]


def test_query_usage_errors(stored):
    bad_date = CliRunner().invoke(main, ["query", "events", "--from", "yesterday", "--db", stored])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    wrong_kind = CliRunner().invoke(main, ["query", "claims", "--format", "acled-csv", "--db", stored])
    assert wrong_kind.exit_code == 2 and "query events --format acled-csv" in wrong_kind.output


def test_bad_store_url_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["query", "events", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_predictions_list_and_resolve(stored):
    listed = json.loads(run("predictions", "list", "--format", "json", "--db", stored).stdout)
    assert [(p["speaker_name"], p["status"]) for p in listed] == [("Vavilov", "open")]
    pid = listed[0]["id"]
    done = run("predictions", "resolve", pid, "--status", "did-not", "--note", "still one country", "--db", stored)
    assert done.exit_code == 0 and "did-not" in done.stdout
    (after,) = json.loads(run("predictions", "list", "--status", "did-not", "--format", "json", "--db", stored).stdout)
    assert (after["id"], after["note"]) == (pid, "still one country")
    assert json.loads(run("predictions", "list", "--status", "open", "--format", "json", "--db", stored).stdout) == []
    missing = CliRunner().invoke(main, ["predictions", "resolve", "p-none", "--status", "came-true", "--db", stored])
    assert missing.exit_code == 2 and "predictions list" in missing.output


@pytest.mark.slow
def test_ingest_the_samples_twice(db_url, samples_dir, tmp_path):
    """End to end: the bundled samples analysed and stored; the second run stores nothing and changes no row."""
    from newsprism.store import open_repository

    inputs = sorted(str(p) for p in samples_dir.glob("*.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    first = CliRunner().invoke(main, ["ingest", *inputs, str(empty), "--db", db_url])
    assert first.exit_code == 1, first.output  # the empty file is rejected, and stored as a rejection
    assert f"{len(inputs)} articles stored" in first.stderr
    with open_repository(db_url) as repo:
        counts = repo.counts()
        assert counts["articles"] == len(inputs) and counts["rejections"] >= 1
        assert any(r.input.endswith("empty.txt") for r in repo.rejections())
    from newsprism.cli.store import event_exporter

    formats = ["csv", "json"] + (["acled-csv"] if event_exporter("acled-csv") else [])
    events = {fmt: run("query", "events", "--format", fmt, "--db", db_url).stdout for fmt in formats}
    stories = run("query", "stories", "--format", "json", "--db", db_url).stdout

    second = CliRunner().invoke(main, ["ingest", *inputs, "--db", db_url])
    assert second.exit_code == 0, second.output
    assert f"0 articles stored, {len(inputs)} already stored" in second.stderr
    with open_repository(db_url) as repo:
        assert repo.counts() == counts
    for fmt in formats:
        assert run("query", "events", "--format", fmt, "--db", db_url).stdout == events[fmt], fmt
    if "acled-csv" in formats:  # the stored analyses give the rows `analyze` gives (the same exporter)
        analysed = CliRunner().invoke(main, ["analyze", *inputs, "--format", "acled-csv"]).stdout
        assert sorted(analysed.splitlines()) == sorted(events["acled-csv"].splitlines())
    assert run("query", "stories", "--format", "json", "--db", db_url).stdout == stories


def test_stories_as_geojson_and_json(stored):
    from newsprism.model import EventDate, EventRef, Place, Story
    from newsprism.store import open_repository

    almaty = Place(name="Almaty", country="KAZ", country_name="Kazakhstan", latitude=43.25, longitude=76.92, precision=1)
    story = Story(id="s1", event_type="Protests", sub_event_type="Peaceful protest", date=EventDate("2022-01-05", "day"),
                  place=almaty, members=[EventRef("almaty", "e1")], outlets=["TASS"], corroboration=1)
    undated = Story(id="s2", event_type="Protests", sub_event_type="Peaceful protest", date=EventDate(None, None),
                    place=None, members=[EventRef("paris", "e1")], outlets=["Le Monde"], corroboration=1)

    class Result:
        stories = [story, undated]

    with open_repository(stored) as repo:
        repo.save_fusion(Result())
    geo = json.loads(run("query", "stories", "--format", "geojson", "--db", stored).stdout)
    assert [(f["properties"]["id"], f["geometry"]["coordinates"]) for f in geo["features"]] == [("s1", [76.92, 43.25])]
    records = json.loads(run("query", "stories", "--format", "json", "--db", stored).stdout)
    assert [r["members"] for r in records] == [[{"article_id": "almaty", "event_id": "e1"}],
                                               [{"article_id": "paris", "event_id": "e1"}]]
    table = run("query", "stories", "--outlet", "tass", "--db", stored).stdout
    assert "s1" in table and "s2" not in table
