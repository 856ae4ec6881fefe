"""JSON and JSONL records: text kept exactly, ids kept, bad lines rejected by FILE:LINE."""

from __future__ import annotations

import json

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article, Rejection


@pytest.fixture
def ingest_settings(settings):
    return settings.replace(max_bytes=10_000)


def _read(inputs, settings):
    return list(read_inputs(inputs, settings))


def test_jsonl_keeps_text_and_id_and_reads_fields(tmp_path, ingest_settings):
    text = "  Protests in Almaty.\r\n\r\nTroops fired on the crowd.  "
    rows = [
        {"id": "a-1", "text": text, "title": "Almaty", "url": "https://x.test/1", "outlet": "X", "published": "2022-01-06",
         "authors": ["Jane Doe"], "extra": {"ignored": True}},
        {"id": 2, "text": "Second article text.", "reference_date": "2022-01-07"},
    ]
    path = tmp_path / "recs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = _read([path], ingest_settings)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == text and first.id == "a-1"
    assert (first.title, first.url, first.outlet, first.published, first.authors) == (
        "Almaty", "https://x.test/1", "X", "2022-01-06", ["Jane Doe"])
    assert first.source == f"{path}:1"
    assert second.id == "2" and second.reference_date == "2022-01-07" and second.published is None
    assert second.date_base == "2022-01-07"


def test_jsonl_bad_lines_are_rejected_and_the_rest_goes_on(tmp_path, ingest_settings):
    path = tmp_path / "recs.jsonl"
    path.write_bytes(
        b'{"id": "ok", "text": "Fine."}\n'
        b'{"id": "broken", "text": \n'
        b'{"id": "empty", "text": "   "}\n'
        b'{"id": "typed", "text": 42}\n'
        b'[1, 2]\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'{"id": "big", "text": "' + b"x" * 20_000 + b'"}\n'
        b'{"id": "ok2", "html": "<html><body><article><p>' + b"Police fired on the crowd near the square. " * 5
        + b'</p></article></body></html>"}\n'
    )
    results = _read([path], ingest_settings)
    assert [r.id if isinstance(r, Article) else (r.input, r.code) for r in results] == [
        "ok",
        (f"{path}:2", "malformed-json"),
        (f"{path}:3", "no-text"),
        (f"{path}:4", "invalid-record"),
        (f"{path}:5", "malformed-json"),
        (f"{path}:6", "undecodable"),
        (f"{path}:7", "too-large"),
        "ok2",
    ]
    assert results[-1].text.startswith("Police fired on the crowd")


def test_json_file_with_one_record_or_a_list(tmp_path, ingest_settings):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Only text."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "x", "text": "A."}, {"title": "no text"}]), encoding="utf-8")
    a, b, c = _read([one, many], ingest_settings)
    assert isinstance(a, Article) and a.id == "one" and a.text == "Only text."
    assert isinstance(b, Article) and b.id == "x"
    assert isinstance(c, Rejection) and c.code == "no-text" and c.input == f"{many}[1]"


def test_malformed_json_file(tmp_path, ingest_settings):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "text": "A."', encoding="utf-8")
    (r,) = _read([bad], ingest_settings)
    assert isinstance(r, Rejection) and r.code == "malformed-json" and "line 1" in r.message


def test_record_dict_from_the_api(ingest_settings):
    (a,) = _read([{"id": "d1", "text": "Text of a record."}], ingest_settings)
    assert isinstance(a, Article) and (a.id, a.text, a.source) == ("d1", "Text of a record.", "d1")
    (r,) = _read([{"id": "d2"}], ingest_settings)
    assert isinstance(r, Rejection) and (r.input, r.code) == ("d2", "no-text")


def test_record_without_id_gets_its_content_hash(ingest_settings):
    (a,) = _read([{"text": "Anonymous text."}], ingest_settings)
    assert a.id == a.content_hash[:16]
