"""read_inputs: paths, directories, globs, stdin, strings, bytes, dicts; every input accounted for."""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest

from newsprism.ingest import Defaults, looks_like_path, read_inputs
from newsprism.ingest.meta import content_hash
from newsprism.model import Article, Rejection

GOOD = "Troops fired on protesters\n\nSoldiers opened fire on the crowd in the main square on Thursday, witnesses said.\n"


def undecodable_bytes() -> bytes:
    rng = random.Random(1)
    return bytes(rng.randrange(128, 256) for _ in range(300))


def _read(inputs, settings, **defaults):
    return list(read_inputs(inputs, settings, Defaults(**defaults)))


def test_directory_with_one_good_article_and_three_bad_inputs(tmp_path, settings):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (tmp_path / "records.jsonl").write_text('{"id": "broken", "text": "no closing brace"\n', encoding="utf-8")
    results = _read([tmp_path], settings)
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.id for a in articles] == ["good"]
    assert sorted(r.code for r in rejections) == ["binary", "empty", "malformed-json"]
    assert {r.input for r in rejections} == {str(tmp_path / "empty.txt"), str(tmp_path / "photo.jpg"),
                                             f"{tmp_path / 'records.jsonl'}:1"}
    assert all(r.stage == "ingest" and r.message for r in rejections)


def test_directories_are_read_recursively_in_order_without_hidden_files(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    assert [r.id for r in _read([tmp_path], settings)] == ["a", "two"]


def test_empty_directory_is_reported(tmp_path, settings):
    (r,) = _read([tmp_path], settings)
    assert isinstance(r, Rejection) and r.code == "no-files"


def test_globs(tmp_path, settings):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    assert [r.id for r in _read([str(tmp_path / "x*.txt")], settings)] == ["x1", "x2"]
    (r,) = _read([str(tmp_path / "z*.txt")], settings)
    assert isinstance(r, Rejection) and r.code == "not-found" and "pattern" in r.message


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n", "empty"),
        ("nul.txt", b"text\x00with\x00nuls" * 10, "binary"),
        ("bad.txt", undecodable_bytes(), "undecodable"),
        ("big.txt", b"word " * 300, "too-large"),
    ],
)
def test_bad_files(tmp_path, settings, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    (r,) = _read([path], settings.replace(max_bytes=1000))
    assert isinstance(r, Rejection)
    assert (r.input, r.stage, r.code) == (str(path), "ingest", code)
    assert r.message


def test_missing_path(settings):
    (r,) = _read([Path("/no/such/file.txt")], settings)
    assert isinstance(r, Rejection) and r.code == "not-found" and r.input == "/no/such/file.txt"


def test_other_encodings_are_detected_and_the_text_is_exact(tmp_path, settings):
    text = "Протесты в Алматы\r\n\r\nВ четверг военные открыли огонь по протестующим на площади Республики.\r\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    (a,) = _read([path], settings)
    assert isinstance(a, Article)
    assert a.text == text
    assert a.language == "ru"


def test_utf8_bom_is_not_text(tmp_path, settings):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (a,) = _read([path], settings)
    assert a.text == GOOD


def test_article_identity_and_defaults(tmp_path, samples_dir, settings):
    path = tmp_path / "kazakhstan-note.txt"
    path.write_text(GOOD, encoding="utf-8")
    zdnet = samples_dir / "kazakhstan-zdnet-2022-01-05.txt"
    a, z = _read([path, zdnet], settings, published="7 January 2022", outlet="Wire", url="https://wire.test/1")
    assert (a.id, a.source, a.content_hash) == ("kazakhstan-note", str(path), content_hash(GOOD))
    assert (a.published, a.outlet, a.url, a.language) == ("2022-01-07", "Wire", "https://wire.test/1", "en")
    # defaults only fill what an input lacks
    assert (z.published, z.outlet) == ("2022-01-05T19:53:00", "ZDNet")


def test_language_is_restricted_to_the_setting(settings):
    (a,) = _read(["Die Regierung ist am Mittwoch zurückgetreten, berichten Zeugen aus der Stadt."], settings)
    assert a.language == "de"
    (b,) = _read(["Die Regierung ist am Mittwoch zurückgetreten, berichten Zeugen aus der Stadt."],
                 settings.replace(languages=("en", "ru")))
    assert b.language == "en"


def test_strings_bytes_and_unsupported_objects(settings, samples_dir):
    html = (samples_dir / "kazakhstan-pravda-2022-01-07.html").read_text(encoding="utf-8")
    text, page, raw, path, bad = _read([GOOD, html, GOOD.encode(), str(samples_dir / "kazakhstan-zdnet-2022-01-05.txt"), 3.5],
                                       settings)
    assert text.text == GOOD and text.id == content_hash(GOOD)[:16] and text.source == "<text>"
    assert page.title == "Where will Kazakhstan go after the riots?" and page.source == "<html>"
    assert raw.text == GOOD
    assert path.id == "kazakhstan-zdnet-2022-01-05"
    assert isinstance(bad, Rejection) and bad.code == "unsupported-input"
    (empty,) = _read(["   "], settings)
    assert isinstance(empty, Rejection) and empty.code == "empty"


def test_looks_like_path():
    assert looks_like_path("article.txt") and looks_like_path("data/*.html") and looks_like_path("shards/**")
    assert looks_like_path("shard-0001.jsonl.gz") and not looks_like_path("text\x00with a nul")
    assert not looks_like_path("What happened in Almaty?") and not looks_like_path("Riots!\nMore text")


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (GOOD.encode(), "text"),
        (b'{"id": "s1", "text": "From stdin."}\n{"id": "s2", "text": "Again."}\n', "records"),
        (b"<html><body><article><p>" + b"Police fired on the crowd near the square. " * 5 + b"</p></article></body></html>",
         "html"),
    ],
)
def test_stdin(monkeypatch, settings, data, expect):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    results = _read(["-"], settings)
    assert all(isinstance(r, Article) for r in results)
    if expect == "records":
        assert [r.id for r in results] == ["s1", "s2"]
    else:
        (a,) = results
        assert a.id == "stdin" and a.source == "<stdin>"
        assert a.text.startswith("Troops" if expect == "text" else "Police fired")


def test_every_input_is_accounted_for(tmp_path, samples_dir, settings):
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "One."}\nnot json\n{"id": 3}\n', encoding="utf-8")
    inputs = [tmp_path / "a.jsonl", samples_dir, "/missing.txt", {"id": "r"}]
    results = _read(inputs, settings)
    # 3 lines + 4 samples + 1 missing + 1 record = 9 inputs
    assert len(results) == 9
    assert sum(isinstance(r, Article) for r in results) == 5


def test_gzipped_files(tmp_path, settings):
    import gzip

    (tmp_path / "shard.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z1", "text": "Zipped."}\nnot json\n'))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"a" * 5000))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    results = _read([tmp_path], settings.replace(max_bytes=1000))
    summary = [r.id if isinstance(r, Article) else (Path(r.input).name, r.code) for r in results]
    assert summary == [("big.txt.gz", "too-large"), ("broken.txt.gz", "malformed-gzip"), "note",
                       "z1", ("shard.jsonl.gz:2", "malformed-json")]
    assert results[2].text == GOOD


def test_unreadable_default_date_is_an_error(settings):
    from newsprism.errors import ConfigError

    with pytest.raises(ConfigError, match="published"):
        _read([GOOD], settings, published="whenever")


def test_a_date_in_the_file_name_is_the_reference_date_when_the_text_has_none(tmp_path, settings):
    from newsprism.ingest import read_inputs

    dated = tmp_path / "report-2021-03-04.txt"
    dated.write_text("Protesters gathered on Monday in the capital.\n", encoding="utf-8")
    headed = tmp_path / "other-2021-03-04.txt"
    headed.write_text("Title line\nDate: 2020-05-06\n\nProtesters gathered on Monday.\n", encoding="utf-8")
    plain = tmp_path / "undated.txt"
    plain.write_text("Protesters gathered on Monday in the capital.\n", encoding="utf-8")
    got = {a.id: a for a in read_inputs([dated, headed, plain], settings)}
    assert got["report-2021-03-04"].reference_date == "2021-03-04"
    assert got["report-2021-03-04"].published is None
    assert got["other-2021-03-04"].published.startswith("2020-05-06")
    assert got["other-2021-03-04"].reference_date is None
    assert got["undated"].reference_date is None


def test_an_id_reused_for_another_text_is_made_unique(tmp_path, settings, caplog):
    other = GOOD.replace("Thursday", "Friday")
    for folder, text in (("a", GOOD), ("b", other), ("c", GOOD)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text, encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "x", "text": "One text about a protest in the square."}\n'
                       '{"id": "x", "text": "Another text about a strike at the port."}\n', encoding="utf-8")
    with caplog.at_level("WARNING", logger="newsprism.ingest"):
        articles = _read([tmp_path / "a", tmp_path / "b", tmp_path / "c", records], settings)
    ids = [a.id for a in articles]
    assert ids[0] == "index" and ids[2] == "index"  # the same text read twice is one article
    assert ids[1] == f"index-{content_hash(other)[:8]}"
    assert ids[3] == "x" and ids[4].startswith("x-") and len(set(ids[1:])) == 4
    assert "already used" in caplog.text
