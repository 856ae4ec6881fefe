"""The Parquet writers: flat rows, and analyses (one row per article) through the export registry."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq

from newsprism.model import Analysis, Article, Claim, Span, Speaker, from_dict
from newsprism.present.export import write
from newsprism.present.parquet import write_parquet


def test_rows_to_parquet_and_back(tmp_path):
    rows = [{"id": "a", "n": 1, "outlets": ["TASS", "Reuters"], "lat": None},
            {"id": "b", "n": None, "outlets": [], "lat": 43.2}]
    assert write_parquet(rows, tmp_path / "rows.parquet") == 2
    assert pq.read_table(tmp_path / "rows.parquet").to_pylist() == rows


def test_analyses_through_the_export_registry():
    text = "Tim Ash told CNBC the tenge will fall."
    claim = Claim(id="c1", speaker=Speaker("Tim Ash", "person"), content=Span.of(text, 19, 37), kind="prediction")
    analysis = Analysis(id="a", article=Article(id="a", text=text, outlet="CNBC", content_hash="h"), claims=[claim])

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")  # what `--out FILE` and stdout are: text over a byte buffer
    write("parquet", [analysis], out)
    (row,) = pq.read_table(io.BytesIO(raw.getvalue())).to_pylist()
    assert (row["id"], row["outlet"], row["text"]) == ("a", "CNBC", text)
    assert [from_dict(Claim, c) for c in json.loads(row["claims"])] == [claim]
